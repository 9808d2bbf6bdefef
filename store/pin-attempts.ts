// Brute-force protection that survives restarts: wrong PINs lock a card for a while, and a
// burst of failures at one door makes every further attempt there wait longer.
import type { Clock } from './clock';
import { type CardKey, cardKeyToBlob } from './crypto/card-key';
import type { StatementCache } from './db/statements';
import { MINUTE_MS, type PinAttemptSettings } from './settings';

export type AttemptCheck =
  | { allowed: true; delayMs: number }
  | { allowed: false; reason: 'card-locked'; lockedUntil: Date; delayMs: number };

export interface FailureOutcome {
  /** Set when this failure locked the card. */
  cardLockedUntil: Date | null;
  cardFailures: number;
  /** What the next attempt at this door will wait. */
  doorDelayMs: number;
}

export class PinAttempts {
  readonly #sql: StatementCache;
  readonly #clock: Clock;
  readonly #s: PinAttemptSettings;

  constructor(sql: StatementCache, clock: Clock, settings: PinAttemptSettings) {
    this.#sql = sql;
    this.#clock = clock;
    this.#s = settings;
  }

  #doorDelayMs(door: string, at: number): number {
    const since = at - this.#s.doorWindowMinutes * MINUTE_MS;
    const { n } = this.#sql.prepare('SELECT count(*) AS n FROM door_failures WHERE door = ? AND at > ?').get(door, since) as { n: number };
    if (n < this.#s.doorBurstFailures) return 0;
    const doublings = Math.min(n - this.#s.doorBurstFailures, 30);
    return Math.min(this.#s.doorMaxDelayMs, this.#s.doorBaseDelayMs * 2 ** doublings);
  }

  #lockedUntil(cardKey: CardKey, at: number): number | null {
    const row = this.#sql.prepare('SELECT locked_until FROM card_locks WHERE card_key = ?').get(cardKeyToBlob(cardKey)) as
      | { locked_until: number }
      | undefined;
    return row && row.locked_until > at ? row.locked_until : null;
  }

  /** The longest a refusal is held back at a door during a burst of failures. */
  get maxDelayMs(): number {
    return this.#s.doorMaxDelayMs;
  }

  /** Ask before checking a PIN: a locked card is refused without looking at the PIN. */
  check(cardKey: CardKey | null, door: string, at: Date = this.#clock.now()): AttemptCheck {
    const delayMs = this.#doorDelayMs(door, at.getTime());
    const lockedUntil = cardKey ? this.#lockedUntil(cardKey, at.getTime()) : null;
    if (lockedUntil !== null) return { allowed: false, reason: 'card-locked', lockedUntil: new Date(lockedUntil), delayMs };
    return { allowed: true, delayMs };
  }

  /** A wrong PIN (cardKey set) or an unknown card (cardKey null) at a door. */
  recordFailure(cardKey: CardKey | null, door: string, at: Date = this.#clock.now()): FailureOutcome {
    const t = at.getTime();
    return this.#sql.transaction(() => {
      this.#sql.prepare('INSERT INTO door_failures (door, at) VALUES (?, ?)').run(door, t);
      let cardFailures = 0;
      let cardLockedUntil: Date | null = null;
      if (cardKey) {
        const key = cardKeyToBlob(cardKey);
        this.#sql.prepare('INSERT INTO card_failures (card_key, at) VALUES (?, ?)').run(key, t);
        const since = t - this.#s.cardWindowMinutes * MINUTE_MS;
        cardFailures = (this.#sql.prepare('SELECT count(*) AS n FROM card_failures WHERE card_key = ? AND at > ?').get(key, since) as { n: number }).n;
        if (cardFailures >= this.#s.cardMaxFailures) {
          const until = t + this.#s.cardLockMinutes * MINUTE_MS;
          this.#sql
            .prepare('INSERT INTO card_locks (card_key, locked_until) VALUES (?, ?) ON CONFLICT (card_key) DO UPDATE SET locked_until = excluded.locked_until')
            .run(key, until);
          // The lock now carries the penalty; after it the card starts with a clean count.
          this.#sql.prepare('DELETE FROM card_failures WHERE card_key = ?').run(key);
          cardLockedUntil = new Date(until);
        }
      }
      return { cardLockedUntil, cardFailures, doorDelayMs: this.#doorDelayMs(door, t) };
    });
  }

  /** A correct PIN resets the card's count (the door's count runs out by time only). */
  recordSuccess(cardKey: CardKey): void {
    this.#sql.prepare('DELETE FROM card_failures WHERE card_key = ?').run(cardKeyToBlob(cardKey));
  }

  /** Staff unlock, e.g. after checking the patron's identity at the desk. */
  unlock(cardKey: CardKey): boolean {
    const key = cardKeyToBlob(cardKey);
    this.#sql.prepare('DELETE FROM card_failures WHERE card_key = ?').run(key);
    return this.#sql.prepare('DELETE FROM card_locks WHERE card_key = ?').run(key).changes === 1;
  }

  /** Removes failures and locks that no longer count. */
  purgeExpired(now: Date): number {
    const t = now.getTime();
    return this.#sql.transaction(
      () =>
        this.#sql.prepare('DELETE FROM card_failures WHERE at <= ?').run(t - this.#s.cardWindowMinutes * MINUTE_MS).changes +
        this.#sql.prepare('DELETE FROM door_failures WHERE at <= ?').run(t - this.#s.doorWindowMinutes * MINUTE_MS).changes +
        this.#sql.prepare('DELETE FROM card_locks WHERE locked_until <= ?').run(t).changes,
    );
  }
}
