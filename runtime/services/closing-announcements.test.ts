import { describe, expect, it } from 'vitest';
import { getProfile } from '../../policy';
import { silentLogger } from '../log';
import { ClosingAnnouncements } from './closing-announcements';

// Lolland (004_b686f1cede17f4fc.txt): unstaffed hours every day 07-22.
function announcer(start: string) {
  let now = new Date(start).getTime();
  const played: number[] = [];
  const a = new ClosingAnnouncements({
    profile: getProfile('lolland'),
    branch: undefined,
    clock: { now: () => new Date(now) },
    log: silentLogger,
    minutesBefore: [15, 10, 5],
    play: (m) => played.push(m),
  });
  return { a, played, advance: (ms: number) => (now += ms) };
}

describe('closing announcements (004_b686f1cede17f4fc.txt, Lolland, 07-22)', () => {
  it('plays at 21:45, 21:50 and 21:55 Copenhagen time, each once', () => {
    const { a, played, advance } = announcer('2026-11-20T21:40:00+01:00');
    for (let i = 0; i < 30 * 12; i += 1) {
      a.tick();
      advance(5000);
    }
    expect(played).toEqual([15, 10, 5]);
  });

  it('plays nothing while closed or long before closing', () => {
    const { a, played } = announcer('2026-11-20T23:00:00+01:00');
    expect(a.tick()).toEqual([]);
    const day = announcer('2026-11-20T12:00:00+01:00');
    expect(day.a.tick()).toEqual([]);
    expect(played).toEqual([]);
  });

  it('follows the wall clock across the October change to winter time', () => {
    // 2026-10-25 is the last Sunday of October: closing is still 22:00 local (21:00 UTC).
    const { a, played } = announcer('2026-10-25T20:45:30Z');
    expect(a.tick()).toEqual([15]);
    expect(played).toEqual([15]);
  });
});
