// Who is at the door (or the kiosk)? Card + PIN checked with the ILS; the hashed credential cache
// answers only when the ILS could not answer at all (link offline, no answer within its request
// timeout). The ILS's answer, once given, is final for the attempt, and what it says reaches the
// cache before anything else: a wrong PIN or an unknown card removes the cached credential, a
// lost, excluded or blocked card is marked so at once. Repeated wrong PINs lock the card (store/).
// The slow work (hashing the PIN for the cache) runs after the answer, off the door's path.
import { IlsError, IlsUnusableAnswerError, type Ils } from '../../ils';
import { type Store } from '../../store/index';
import type { PinCredentials, VerifyResult } from '../../state-machines';
import { type Clock } from '../clock';
import { type Logger } from '../log';
import { cacheAnswer, type FactRefusal } from './cache-answer';
import { factsFromIls, toCachedFacts, UNKNOWN_FACTS } from './patron-facts';
import { NO_PIN, refuseAfter } from './refusals';

export interface PatronVerifierDeps {
  ils: Ils;
  store: Store;
  clock: Clock;
  log: Logger;
  /** The door (or kiosk) id the brute-force guard counts failures for. */
  place: string;
  maxFailedPins: number;
}

export class PatronVerifier {
  constructor(private readonly deps: PatronVerifierDeps) {}

  /** Card + PIN with the ILS. `unavailable` (the ILS could not answer) sends the machine to the
   * cache; every other answer is final. The door-wide slow-down after a burst of failures is
   * waited out before a refusal only: it throttles guessing (the door is busy meanwhile) without
   * turning valid patrons away. */
  async verifyPin({ card, pin }: PinCredentials): Promise<VerifyResult> {
    const { store, clock, place, ils } = this.deps;
    if (pin === '') return NO_PIN;
    if (ils.link.state === 'offline') return { outcome: 'unavailable', detail: 'the ILS is offline' };
    const at = clock.now();
    const key = store.cardKey(card.patronId);
    const check = store.pinAttempts.check(key, place, at);
    if (!check.allowed) return refuseAfter(check.delayMs, { outcome: 'card-locked', until: check.lockedUntil.toISOString() });
    let verification;
    try {
      verification = await ils.verifyPatron(card.patronId, pin);
    } catch (error) {
      if (!(error instanceof IlsError)) throw error;
      this.deps.log.warn('ils.verify-failed', { kind: error.kind, message: error.message });
      // The ILS answered, but unusably (another patron's answer, unreadable): it was reachable,
      // so this is no case for the cache. Only when no answer came does the cache decide.
      const answered = error instanceof IlsUnusableAnswerError || error.kind === 'protocol';
      return answered ? { outcome: 'unavailable', detail: error.message, answered: true } : { outcome: 'unavailable', detail: error.message };
    }
    if (verification.result === 'ok') {
      const patron = factsFromIls(card, verification.patron);
      // A revocation (lost, excluded, blocked) must count offline from this moment, not after
      // the background re-hash below.
      store.credentials.refreshFacts(card.patronId, toCachedFacts(patron), at);
      store.pinAttempts.recordSuccess(key);
      store.credentials.rememberInBackground({ cardNumber: card.patronId, pin, verifiedAt: at, ...toCachedFacts(patron) });
      return { outcome: 'valid', patron, source: 'ils' };
    }
    // The cached PIN is no longer known to be right (or the card no longer exists).
    store.credentials.forget(card.patronId, at);
    const failure = store.pinAttempts.recordFailure(verification.result === 'wrong-pin' ? key : null, place, at);
    if (failure.cardLockedUntil) return refuseAfter(check.delayMs, { outcome: 'card-locked', until: failure.cardLockedUntil.toISOString() });
    if (verification.result === 'unknown-patron') return refuseAfter(check.delayMs, { outcome: 'unknown-card' });
    return refuseAfter(check.delayMs, { outcome: 'wrong-pin', attemptsLeft: Math.max(0, this.deps.maxFailedPins - failure.cardFailures) });
  }

  /** Card + PIN against the local credential cache only (the ILS could not answer). */
  async verifyCached({ card, pin }: PinCredentials): Promise<VerifyResult> {
    if (pin === '') return NO_PIN;
    const decision = await this.deps.store.offline.verifyForEntry({ cardNumber: card.patronId, pin, door: this.deps.place, at: this.deps.clock.now() });
    return cacheAnswer(decision, this.deps.clock, entryAnswer);
  }
}

/** A refusal of entry about the patron (not the PIN), as the door machine takes it. */
function entryAnswer(refusal: FactRefusal): VerifyResult {
  switch (refusal) {
    case 'offline-disabled':
      return { outcome: 'unavailable', detail: 'offline entry is switched off' };
    // The cache knows the patron but their facts refuse them: let the rules say why.
    case 'card-lost':
      return { outcome: 'valid', patron: { ...UNKNOWN_FACTS, cardLost: true }, source: 'cache' };
    case 'excluded-from-unstaffed':
      return { outcome: 'valid', patron: { ...UNKNOWN_FACTS, excludedFromUnstaffed: true }, source: 'cache' };
    case 'blocked':
      return { outcome: 'valid', patron: { ...UNKNOWN_FACTS, blocked: true, borrowingBlocked: true }, source: 'cache' };
    case 'fees':
    case 'fees-unknown':
    case 'offline-item-limit':
      return { outcome: 'valid', patron: { ...UNKNOWN_FACTS, borrowingBlocked: true }, source: 'cache' };
  }
}
