// Offline decisions from the credential cache, under the profile's offline rules and the
// brute-force limits: only a cached patron without blocks, with the right PIN, gets through.
// Unknown cards are refused and every PIN is checked (BibBox accepts any PIN offline; not here).
import type { Clock } from './clock';
import type { CardKeyer } from './crypto/card-key';
import type { CachedPatron, CredentialCache, OfflineVerificationRefusal } from './credential-cache';
import type { OfflineQueue } from './offline-queue';
import type { PinAttempts } from './pin-attempts';
import type { OfflineRules } from './settings';

export type OfflineRefusal =
  | OfflineVerificationRefusal
  | 'card-locked'
  | 'offline-disabled'
  | 'card-lost'
  | 'excluded-from-unstaffed'
  | 'blocked'
  | 'fees'
  /** The profile has a debt rule, but the cache does not know this patron's fees. */
  | 'fees-unknown'
  | 'offline-item-limit';

export type OfflineDecision =
  | { ok: true; patron: CachedPatron; delayMs: number }
  /** `patron` is set when the PIN was right and the patron's own facts refuse them. */
  | { ok: false; refusal: OfflineRefusal; delayMs: number; lockedUntil?: Date; patron?: CachedPatron };

export interface OfflineAttempt {
  cardNumber: string;
  pin: string;
  door: string;
  at?: Date;
}

export interface OfflineBorrowing extends OfflineAttempt {
  /** Items this checkout adds. */
  items: number;
  /** The profile's debt rule (e.g. more than 250 kr); fees do not block when left out. */
  feesBlockBorrowing?: (feesDkk: number) => boolean;
}

function blockOf(patron: CachedPatron, entering: boolean): OfflineRefusal | null {
  if (patron.cardLost) return 'card-lost';
  // At the door only a block on the card itself counts (debt blocks borrowing, not entry);
  // exclusion is from unstaffed hours (the door), not from borrowing at the kiosk.
  if (entering) return patron.doorBlocked ? 'blocked' : patron.excludedFromUnstaffed ? 'excluded-from-unstaffed' : null;
  return patron.blocked || patron.doorBlocked ? 'blocked' : null;
}

export interface OfflineVerifierDeps {
  credentials: CredentialCache;
  attempts: PinAttempts;
  queue: OfflineQueue;
  cardKey: CardKeyer;
  clock: Clock;
  rules: OfflineRules;
}

export class OfflineVerifier {
  readonly deps: OfflineVerifierDeps;

  constructor(deps: OfflineVerifierDeps) {
    this.deps = deps;
  }

  /** Card + PIN against the cache, counting failures; then the blocks that forbid entry. */
  verifyForEntry(attempt: OfflineAttempt): Promise<OfflineDecision> {
    return this.#verify(attempt, true);
  }

  async #verify(attempt: OfflineAttempt, entering: boolean): Promise<OfflineDecision> {
    const { credentials, attempts, cardKey, clock, rules } = this.deps;
    const at = attempt.at ?? clock.now();
    const key = cardKey(attempt.cardNumber);
    const check = attempts.check(key, attempt.door, at);
    if (!check.allowed) return { ok: false, refusal: 'card-locked', delayMs: check.delayMs, lockedUntil: check.lockedUntil };
    if (rules.whoMayEnterOffline === 'nobody') return { ok: false, refusal: 'offline-disabled', delayMs: check.delayMs };
    const verification = await credentials.verifyOffline(attempt.cardNumber, attempt.pin, at);
    if (!verification.ok) {
      if (verification.refusal === 'expired') return { ok: false, refusal: 'expired', delayMs: check.delayMs };
      const failure = attempts.recordFailure(verification.refusal === 'wrong-pin' ? key : null, attempt.door, at);
      return {
        ok: false,
        refusal: failure.cardLockedUntil ? 'card-locked' : verification.refusal,
        delayMs: check.delayMs,
        ...(failure.cardLockedUntil ? { lockedUntil: failure.cardLockedUntil } : {}),
      };
    }
    attempts.recordSuccess(key);
    const block = blockOf(verification.patron, entering);
    if (block) return { ok: false, refusal: block, delayMs: check.delayMs, patron: verification.patron };
    return { ok: true, patron: verification.patron, delayMs: check.delayMs };
  }

  /** Card + PIN as for entry, then the blocks on borrowing (a lost or blocked card: exclusion from
   * unstaffed hours is the door's), the debt rule and the limit on items borrowed while offline. */
  async verifyForBorrowing(request: OfflineBorrowing): Promise<OfflineDecision> {
    const decision = await this.#verify(request, false);
    if (!decision.ok) return decision;
    const { patron, delayMs } = decision;
    if (request.feesBlockBorrowing) {
      // The cache cannot vouch for fees it does not hold: the debt rule then refuses.
      if (patron.feesDkk === null) return { ok: false, refusal: 'fees-unknown', delayMs, patron };
      if (request.feesBlockBorrowing(patron.feesDkk)) return { ok: false, refusal: 'fees', delayMs, patron };
    }
    const already = this.deps.queue.openCheckouts(patron.cardKey);
    if (already + request.items > this.deps.rules.maxItemsOffline) return { ok: false, refusal: 'offline-item-limit', delayMs, patron };
    return decision;
  }
}
