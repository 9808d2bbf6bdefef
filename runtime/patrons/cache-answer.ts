// The credential cache's decision as the machines take it, for both questions the runtime asks it
// (the door's "may enter", the kiosk's "may borrow"): the cached facts of a patron whose PIN was
// right, or a refusal of the credential itself. What a refusal about the patron's facts means is
// each question's own.
import type { VerifyResult } from '../../state-machines';
import { type CachedPatron, type OfflineDecision, type OfflineRefusal } from '../../store/index';
import { type Clock } from '../clock';
import { fromCachedFacts } from './patron-facts';
import { refuseAfter } from './refusals';

/** The cache refused the credential itself: a wrong PIN, a locked card, a card it does not (or no
 * longer) know. */
export type CredentialRefusal = 'wrong-pin' | 'card-locked' | 'unknown-card' | 'expired';

/** Every other refusal: the cache cannot decide, or the patron's own facts refuse them. */
export type FactRefusal = Exclude<OfflineRefusal, CredentialRefusal>;

const isCredentialRefusal = (refusal: OfflineRefusal): refusal is CredentialRefusal =>
  refusal === 'wrong-pin' || refusal === 'card-locked' || refusal === 'unknown-card' || refusal === 'expired';

export function credentialRefusal(refusal: CredentialRefusal, decision: { delayMs: number; lockedUntil?: Date }, clock: Clock): Promise<VerifyResult> {
  switch (refusal) {
    case 'wrong-pin':
      return refuseAfter(decision.delayMs, { outcome: 'wrong-pin', attemptsLeft: -1 });
    case 'card-locked':
      return refuseAfter(decision.delayMs, { outcome: 'card-locked', until: (decision.lockedUntil ?? clock.now()).toISOString() });
    case 'unknown-card':
    case 'expired':
      return refuseAfter(decision.delayMs, { outcome: 'offline-unknown' });
  }
}

/** `answerFacts` says what a refusal about the patron means to this question (`patron`: the
 * cached facts, when the PIN was right). */
export async function cacheAnswer(
  decision: OfflineDecision,
  clock: Clock,
  answerFacts: (refusal: FactRefusal, patron: CachedPatron | undefined) => VerifyResult,
): Promise<VerifyResult> {
  if (decision.ok) return { outcome: 'valid', patron: fromCachedFacts(decision.patron), source: 'cache' };
  if (isCredentialRefusal(decision.refusal)) return credentialRefusal(decision.refusal, decision, clock);
  return answerFacts(decision.refusal, decision.patron);
}
