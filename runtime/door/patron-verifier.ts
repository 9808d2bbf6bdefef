// Who is at the door (or the kiosk)? Card + PIN checked with the ILS when it is online, with
// the hashed credential cache when it is not; repeated wrong PINs lock the card (store/).
// The slow work (hashing the PIN for the cache) runs after the answer, off the door's path.
import { IlsError } from '../../ils/errors';
import { type Ils } from '../../ils/ils-port';
import { type Store } from '../../store/index';
import { type CardRead, type LookupResult, type PatronFacts, type PinCredentials, type VerifyResult } from '../../state-machines/ports';
import { type Clock } from '../clock';
import { type Logger } from '../log';
import { birthDateOf, factsFromIls, fromCachedFacts, toCachedFacts } from './patron-facts';

export interface PatronVerifierDeps {
  ils: Ils;
  store: Store;
  clock: Clock;
  log: Logger;
  /** The door (or kiosk) id the brute-force guard counts failures for. */
  place: string;
  maxFailedPins: number;
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** A refusal answered only after the door's current slow-down. */
async function refuseAfter(delayMs: number, result: VerifyResult): Promise<VerifyResult> {
  await sleep(delayMs);
  return result;
}

export class PatronVerifier {
  constructor(private readonly deps: PatronVerifierDeps) {}

  /** Card + PIN with the ILS; answers from the cache when the ILS is known to be offline or fails.
   * The door-wide slow-down after a burst of failures is waited out before a refusal only: it
   * throttles guessing (the door is busy meanwhile) without turning valid patrons away. */
  async verifyPin({ card, pin }: PinCredentials): Promise<VerifyResult> {
    if (this.deps.ils.link.state === 'offline') return this.verifyCached({ card, pin });
    const { store, clock, place } = this.deps;
    const at = clock.now();
    const key = store.cardKey(card.patronId);
    const check = store.pinAttempts.check(key, place, at);
    if (!check.allowed) return refuseAfter(check.delayMs, { outcome: 'card-locked', until: check.lockedUntil.toISOString() });
    let verification;
    try {
      verification = await this.deps.ils.verifyPatron(card.patronId, pin);
    } catch (error) {
      if (!(error instanceof IlsError)) throw error;
      this.deps.log.warn('ils.verify-failed', { kind: error.kind, message: error.message });
      return this.verifyCached({ card, pin });
    }
    if (verification.result === 'ok') {
      store.pinAttempts.recordSuccess(key);
      const patron = factsFromIls(card, verification.patron);
      store.credentials.rememberInBackground({ cardNumber: card.patronId, pin, verifiedAt: at, ...toCachedFacts(patron) });
      return { outcome: 'valid', patron, source: 'ils' };
    }
    const failure = store.pinAttempts.recordFailure(verification.result === 'wrong-pin' ? key : null, place, at);
    if (failure.cardLockedUntil) return refuseAfter(check.delayMs, { outcome: 'card-locked', until: failure.cardLockedUntil.toISOString() });
    if (verification.result === 'unknown-patron') {
      store.credentials.forget(card.patronId);
      return refuseAfter(check.delayMs, { outcome: 'unknown-card' });
    }
    return refuseAfter(check.delayMs, { outcome: 'wrong-pin', attemptsLeft: Math.max(0, this.deps.maxFailedPins - failure.cardFailures) });
  }

  /** Card + PIN against the local credential cache only (ILS offline or too slow). */
  async verifyCached({ card, pin }: PinCredentials): Promise<VerifyResult> {
    const decision = await this.deps.store.offline.verifyForEntry({ cardNumber: card.patronId, pin, door: this.deps.place, at: this.deps.clock.now() });
    if (decision.ok) return { outcome: 'valid', patron: fromCachedFacts(decision.patron), source: 'cache' };
    const refuse = (result: VerifyResult) => refuseAfter(decision.delayMs, result);
    switch (decision.refusal) {
      case 'wrong-pin':
        return refuse({ outcome: 'wrong-pin', attemptsLeft: -1 });
      case 'card-locked':
        return refuse({ outcome: 'card-locked', until: (decision.lockedUntil ?? this.deps.clock.now()).toISOString() });
      case 'unknown-card':
      case 'expired':
        return refuse({ outcome: 'offline-unknown' });
      case 'offline-disabled':
        return { outcome: 'unavailable', detail: 'offline entry is switched off' };
      // The cache knows the patron but their facts refuse them: let the rules say why.
      case 'card-lost':
        return { outcome: 'valid', patron: { ...UNKNOWN_FACTS, cardLost: true }, source: 'cache' };
      case 'excluded-from-unstaffed':
        return { outcome: 'valid', patron: { ...UNKNOWN_FACTS, excludedFromUnstaffed: true }, source: 'cache' };
      case 'blocked':
      case 'fees':
      case 'offline-item-limit':
        return { outcome: 'valid', patron: { ...UNKNOWN_FACTS, borrowingBlocked: true }, source: 'cache' };
    }
  }

  /** A child's card in the accompany window: who is it (no PIN)? */
  async lookupPatron({ card }: { card: CardRead }): Promise<LookupResult> {
    try {
      const info = await this.deps.ils.patronInformation(card.patronId);
      if (!info.valid) return { outcome: 'unknown-card' };
      return { outcome: 'found', patron: factsFromIls(card, info), source: 'ils' };
    } catch (error) {
      if (!(error instanceof IlsError)) throw error;
      // Offline, a child's health card still tells the age; a library card can't be checked.
      const birthDate = card.kind === 'health-card' ? birthDateOf(card) : null;
      if (birthDate) return { outcome: 'found', patron: { ...UNKNOWN_FACTS, birthDate }, source: 'cache' };
      return { outcome: 'unavailable', detail: error.message };
    }
  }
}

const UNKNOWN_FACTS: PatronFacts = { name: '', birthDate: null, cardLost: false, excludedFromUnstaffed: false, borrowingBlocked: false, feesDkk: 0 };
