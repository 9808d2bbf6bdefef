import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE, MovingClock, openTestStore, tempDir, type TempDir } from '../test/store/helpers';
import type { Store } from './open-store';

let tmp: TempDir;
let clock: MovingClock;
let store: Store;
const settings = { cardMaxFailures: 5, cardWindowMinutes: 15, cardLockMinutes: 30, doorBurstFailures: 3, doorWindowMinutes: 5, doorBaseDelayMs: 1000, doorMaxDelayMs: 8000 };

beforeEach(() => {
  tmp = tempDir();
  clock = new MovingClock('2026-03-02T10:00:00Z');
  store = openTestStore(tmp.dir, clock, { pinAttempts: settings });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('brute-force protection', () => {
  it('locks a card after 5 wrong PINs within 15 minutes, for the configured time', () => {
    const card = store.cardKey('1234567890');
    for (let i = 1; i <= 4; i += 1) {
      expect(store.pinAttempts.recordFailure(card, `door-${i}`)).toMatchObject({ cardLockedUntil: null, cardFailures: i });
      clock.advance(MINUTE);
    }
    expect(store.pinAttempts.check(card, 'front')).toEqual({ allowed: true, delayMs: 0 });
    const fifth = store.pinAttempts.recordFailure(card, 'door-5');
    expect(fifth.cardLockedUntil).toEqual(new Date('2026-03-02T10:34:00Z'));
    expect(store.pinAttempts.check(card, 'front')).toEqual({ allowed: false, reason: 'card-locked', lockedUntil: new Date('2026-03-02T10:34:00Z'), delayMs: 0 });
    clock.advance(30 * MINUTE - 1);
    expect(store.pinAttempts.check(card, 'front').allowed).toBe(false);
    clock.advance(1);
    expect(store.pinAttempts.check(card, 'front').allowed).toBe(true);
  });

  it('does not lock when the failures are spread over more than 15 minutes', () => {
    const card = store.cardKey('1234567890');
    for (let i = 0; i < 8; i += 1) {
      expect(store.pinAttempts.recordFailure(card, `door-${i}`).cardLockedUntil).toBeNull();
      clock.advance(4 * MINUTE);
    }
  });

  it('keeps counting across a restart', () => {
    const card = store.cardKey('1234567890');
    for (let i = 0; i < 4; i += 1) store.pinAttempts.recordFailure(card, `door-${i}`);
    store.close();
    store = openTestStore(tmp.dir, clock, { pinAttempts: settings });
    expect(store.pinAttempts.recordFailure(card, 'door-9').cardLockedUntil).not.toBeNull();
    store.close();
    store = openTestStore(tmp.dir, clock, { pinAttempts: settings });
    expect(store.pinAttempts.check(card, 'door-9')).toMatchObject({ allowed: false, reason: 'card-locked' });
  });

  it('resets the card count on a correct PIN', () => {
    const card = store.cardKey('1234567890');
    for (let i = 0; i < 4; i += 1) store.pinAttempts.recordFailure(card, `door-${i}`);
    store.pinAttempts.recordSuccess(card);
    for (let i = 0; i < 4; i += 1) expect(store.pinAttempts.recordFailure(card, `door-${i}`).cardLockedUntil).toBeNull();
  });

  it('makes every attempt at a door wait longer during a burst of failures, for any card', () => {
    const delays: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      store.pinAttempts.recordFailure(i % 2 === 0 ? null : store.cardKey(`card-${i}`), 'front');
      delays.push(store.pinAttempts.check(store.cardKey('someone-else'), 'front').delayMs);
    }
    expect(delays).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
    expect(store.pinAttempts.check(null, 'back').delayMs).toBe(0);
    clock.advance(5 * MINUTE);
    expect(store.pinAttempts.check(null, 'front').delayMs).toBe(0);
  });

  it('lets staff unlock a card', () => {
    const card = store.cardKey('1234567890');
    for (let i = 0; i < 5; i += 1) store.pinAttempts.recordFailure(card, 'front');
    expect(store.pinAttempts.unlock(card)).toBe(true);
    expect(store.pinAttempts.check(card, 'x').allowed).toBe(true);
  });

  it('purges failures and locks that no longer count', () => {
    const card = store.cardKey('1234567890');
    for (let i = 0; i < 5; i += 1) store.pinAttempts.recordFailure(card, 'front');
    store.pinAttempts.recordFailure(store.cardKey('other'), 'front');
    clock.advance(31 * MINUTE);
    // 6 door failures, 1 card failure (the 5 were folded into the lock), 1 lock
    expect(store.pinAttempts.purgeExpired(clock.now())).toBe(8);
  });
});
