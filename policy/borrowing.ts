// May this patron borrow? A lost card, the ILS's own block, then the library's debt threshold.
import { PolicyInputError } from './errors';
import { type PatronFacts } from './patron';
import { type DebtThreshold, type LibraryProfile } from './schema';

export type BorrowingReason = 'ok' | 'card-lost' | 'ils-block' | 'debt-threshold';

export interface BorrowingDecision {
  blocked: boolean;
  reason: BorrowingReason;
  message: string;
  /** Where the debt rule came from: the profile's threshold, or the ILS alone when the text is silent. */
  debtRule: 'profile' | 'ils';
}

/** Compared in øre, so 199.99 kr stays below 200 kr whatever floating point does. */
export function debtExceeds(threshold: DebtThreshold, feesDkk: number): boolean {
  if (!Number.isFinite(feesDkk) || feesDkk < 0) throw new PolicyInputError('fees must be a number of kroner, 0 or more');
  const owed = Math.round(feesDkk * 100);
  const limit = Math.round(threshold.amountDkk * 100);
  return threshold.comparison === 'more-than' ? owed > limit : owed >= limit;
}

export function borrowingBlock(profile: LibraryProfile, patron: PatronFacts): BorrowingDecision {
  const rule = profile.borrowing.debtThreshold;
  const debtRule = rule.status === 'unspecified' ? 'ils' : 'profile';
  if (patron.cardLost) return { blocked: true, reason: 'card-lost', message: 'the card is reported lost and blocked', debtRule };
  if (patron.blocked || patron.borrowingBlocked) {
    return { blocked: true, reason: 'ils-block', message: 'the library has blocked loans on this card', debtRule };
  }
  if (rule.status !== 'unspecified' && debtExceeds(rule.value, patron.feesDkk ?? 0)) {
    const { amountDkk, comparison, enforcement } = rule.value;
    const limit = comparison === 'more-than' ? `more than ${amountDkk} kr` : `${amountDkk} kr or more`;
    const verb = enforcement === 'may' ? 'may refuse loans' : 'refuses loans';
    return { blocked: true, reason: 'debt-threshold', message: `the library ${verb} while you owe ${limit}; please pay first`, debtRule };
  }
  return { blocked: false, reason: 'ok', message: 'may borrow', debtRule };
}
