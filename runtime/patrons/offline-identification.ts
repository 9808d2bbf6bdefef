// The kiosk's identification from the credential cache (the ILS could not answer). The kiosk asks
// the cache whether the patron may borrow (store: `verifyForBorrowing`), not whether they may
// enter: the door's question refuses an excluded patron without their other facts and so let a
// patron over the debt limit borrow. When the PIN is right, the patron's cached facts go to the
// machine, whose borrowing rules (the same policy) show the block and its reason.
import { debtExceeds, type LibraryProfile } from '../../policy/index';
import type { PatronFacts, PinCredentials, VerifyResult } from '../../state-machines';
import { type CachedPatron, type Store } from '../../store/index';
import { type Clock } from '../clock';
import { cacheAnswer, type FactRefusal } from './cache-answer';
import { fromCachedFacts, UNKNOWN_FACTS } from './patron-facts';
import { NO_PIN } from './refusals';

export interface OfflineIdentificationDeps {
  store: Store;
  clock: Clock;
  /** The kiosk id the brute-force guard counts failures for. */
  place: string;
  profile: LibraryProfile;
}

/** The profile's debt rule, when its text has one; otherwise the ILS decides when the queue is replayed. */
export function feesBlockBorrowing(profile: LibraryProfile): ((feesDkk: number) => boolean) | undefined {
  const rule = profile.borrowing.debtThreshold;
  return rule.status === 'unspecified' ? undefined : (feesDkk) => debtExceeds(rule.value, feesDkk);
}

const BLOCKED: PatronFacts = { ...UNKNOWN_FACTS, borrowingBlocked: true };

export async function verifyCachedForBorrowing(deps: OfflineIdentificationDeps, { card, pin }: PinCredentials): Promise<VerifyResult> {
  // An empty PIN is no attempt (as at the door).
  if (pin === '') return NO_PIN;
  const debtRule = feesBlockBorrowing(deps.profile);
  const decision = await deps.store.offline.verifyForBorrowing({
    cardNumber: card.patronId,
    pin,
    door: deps.place,
    at: deps.clock.now(),
    // Identification only: the queue limit is checked per item when it is borrowed.
    items: 0,
    ...(debtRule ? { feesBlockBorrowing: debtRule } : {}),
  });
  return cacheAnswer(decision, deps.clock, borrowingAnswer);
}

/** A refusal of the loan about the patron (not the PIN), as the kiosk machine takes it. */
function borrowingAnswer(refusal: FactRefusal, patron: CachedPatron | undefined): VerifyResult {
  switch (refusal) {
    case 'offline-disabled':
      return { outcome: 'unavailable', detail: 'offline borrowing is switched off' };
    case 'fees-unknown':
      return { outcome: 'unavailable', detail: 'the cache does not know the fees the debt rule needs' };
    case 'card-lost':
    case 'blocked':
    case 'excluded-from-unstaffed':
    case 'fees':
    case 'offline-item-limit': {
      // The PIN was right; the facts refuse the loan. The machine's rules say why.
      if (patron === undefined) return { outcome: 'valid', patron: BLOCKED, source: 'cache' };
      const facts = fromCachedFacts(patron);
      const blocked = refusal === 'blocked' ? { borrowingBlocked: true } : {};
      return { outcome: 'valid', patron: { ...facts, ...blocked }, source: 'cache' };
    }
  }
}
