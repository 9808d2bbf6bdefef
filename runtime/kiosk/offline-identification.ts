// The kiosk's identification from the credential cache (the ILS could not answer). The kiosk asks
// the cache whether the patron may borrow (store: `verifyForBorrowing`), not whether they may
// enter: the door's question refuses an excluded patron without their other facts and so let a
// patron over the debt limit borrow. When the PIN is right, the patron's cached facts go to the
// machine, whose borrowing rules (the same policy) show the block and its reason.
import { debtExceeds, type LibraryProfile } from '../../policy/index';
import { type PatronFacts, type PinCredentials, type VerifyResult } from '../../state-machines/ports';
import { type Store } from '../../store/index';
import { type Clock } from '../clock';
import { fromCachedFacts } from '../door/patron-facts';

export interface OfflineIdentificationDeps {
  store: Store;
  clock: Clock;
  /** The kiosk id the brute-force guard counts failures for. */
  place: string;
  profile: LibraryProfile;
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** The profile's debt rule, when its text has one; otherwise the ILS decides when the queue is replayed. */
export function feesBlockBorrowing(profile: LibraryProfile): ((feesDkk: number) => boolean) | undefined {
  const rule = profile.borrowing.debtThreshold;
  return rule.status === 'unspecified' ? undefined : (feesDkk) => debtExceeds(rule.value, feesDkk);
}

const BLOCKED: PatronFacts = { name: '', birthDate: null, cardLost: false, excludedFromUnstaffed: false, borrowingBlocked: true, feesDkk: 0 };

export async function verifyCachedForBorrowing(deps: OfflineIdentificationDeps, { card, pin }: PinCredentials): Promise<VerifyResult> {
  // An empty PIN is no attempt (as at the door).
  if (pin === '') return { outcome: 'wrong-pin', attemptsLeft: -1 };
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
  if (decision.ok) return { outcome: 'valid', patron: fromCachedFacts(decision.patron), source: 'cache' };
  const refuse = async (result: VerifyResult) => {
    await sleep(decision.delayMs);
    return result;
  };
  switch (decision.refusal) {
    case 'wrong-pin':
      return refuse({ outcome: 'wrong-pin', attemptsLeft: -1 });
    case 'card-locked':
      return refuse({ outcome: 'card-locked', until: (decision.lockedUntil ?? deps.clock.now()).toISOString() });
    case 'unknown-card':
    case 'expired':
      return refuse({ outcome: 'offline-unknown' });
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
      if (decision.patron === undefined) return { outcome: 'valid', patron: BLOCKED, source: 'cache' };
      const facts = fromCachedFacts(decision.patron);
      const blocked = decision.refusal === 'blocked' ? { borrowingBlocked: true } : {};
      return { outcome: 'valid', patron: { ...facts, ...blocked }, source: 'cache' };
    }
  }
}
