// The library's rules as the machines see them: pure functions the runtime builds from the
// policy profile (see README.md). Keeping them injected lets the machines stay profile-agnostic.
import type { CheckoutRefusal, Loan, PatronFacts } from '../ports';

/** A yes/no answer with the policy's reason code (e.g. 'allowed', 'under-age', 'card-lost'). */
export interface Decision {
  allowed: boolean;
  reason: string;
}

export interface BorrowingBlock {
  blocked: boolean;
  reason: string;
}

/** The clock the rules are evaluated against (the runtime's clock; tests pass a fixed one). */
export type Now = () => Date;

/** The branch's unstaffed hours at an instant; closed says why and when the door next opens. */
export type Hours = { open: true } | { open: false; reason: string; nextOpening: Date | null };

export interface DoorRules {
  now: Now;
  /** Inside the branch's unstaffed hours (closing days and public holidays included)? */
  hours(at: Date): Hours;
  /** The profile's door decision, alone (`companion: null`) or with an adult already let in. */
  decideEntry(patron: PatronFacts, options: { at: Date; companion: PatronFacts | null }): Decision;
  /** May this (allowed) patron bring in a child who may not enter alone? */
  mayAccompany(adult: PatronFacts, at: Date): boolean;
}

export interface CheckoutRules {
  borrowingBlock(patron: PatronFacts): BorrowingBlock;
  /** A refusal decided before the ILS is asked (e.g. the offline item limit), or null. */
  itemRefusal(item: { itemId: string; partsInSet: number }, session: { patron: PatronFacts; itemsBorrowed: number }): CheckoutRefusal | null;
}

export interface AccountRules {
  now: Now;
  borrowingBlock(patron: PatronFacts): BorrowingBlock;
  /** The profile's view of whether a loan can be renewed now; the ILS has the last word. */
  renewal(loan: Loan, at: Date): Decision;
}
