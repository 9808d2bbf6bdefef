import { describe, expect, it } from 'vitest';
import { jsonLogger, redact } from './log';

describe('JSON-lines logger', () => {
  it('writes one JSON object per line with time, level and event', () => {
    const lines: string[] = [];
    const log = jsonLogger({ write: (l) => lines.push(l), now: () => new Date('2026-11-20T10:00:00Z') });
    log.info('door.released', { door: 'door-1', releaseMs: 4000 });
    log.debug('hidden');
    expect(lines).toEqual(['{"time":"2026-11-20T10:00:00.000Z","level":"info","event":"door.released","door":"door-1","releaseMs":4000}']);
  });

  it('never lets a CPR, PIN or password through', () => {
    const lines: string[] = [];
    const log = jsonLogger({ write: (l) => lines.push(l) });
    log.warn('oops', { pin: '1234', password: 'hemmelig', note: 'card 0101801234 and 010180-1234', nested: { cpr: '0101801234' } });
    const line = lines[0]!;
    for (const secret of ['1234', 'hemmelig', '0101801234', '010180-1234']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ pin: '[redacted]', password: '[redacted]', note: 'card [cpr] and [cpr]' });
  });

  it('keeps item ids that are not dates readable', () => {
    expect(redact('placed 5000000001 and 0103801001')).toBe('placed 5000000001 and [cpr]');
  });

  it('redacts inside errors and arrays', () => {
    expect(redact([new Error('patron 2512991234 unknown')])).toEqual([{ name: 'Error', message: 'patron [cpr] unknown' }]);
  });
});
