// My account at the kiosk: loans with due dates, holds ready for pickup, fees, renewals.
import type { CardRead, Loan, PatronAccount, RenewOutcome } from '../ports';
import type { CardReadEvent, LanguageEvent, PinEvent, StillHereEvent } from '../shared/events';
import { IDENTIFY_ACTIVITY, type PatronSessionContext } from '../shared/patron-session';
import type { BorrowingBlock, Decision } from '../shared/rules';
import type { SessionInput } from '../shared/session';

export interface AccountInput extends SessionInput {
  card?: CardRead | null;
}

export interface AccountContext extends PatronSessionContext {
  account: PatronAccount | null;
  block: BorrowingBlock | null;
  /** The profile's renewal decision per loan (item id), recomputed after each renewal. */
  renewable: Record<string, Decision>;
  /** This session's renewal outcomes, the latest per item. */
  renewals: RenewOutcome[];
  /** Items whose renewal is under way. */
  renewing: string[];
}

export type AccountEvent =
  | CardReadEvent
  | PinEvent
  | LanguageEvent
  | StillHereEvent
  | { type: 'CANCEL' }
  | { type: 'RENEW'; itemId: string }
  | { type: 'RENEW_ALL' }
  | { type: 'DONE' }
  | { type: 'SESSION_TIMEOUT' };

export interface RenewItemInput {
  card: CardRead;
  itemId: string;
}

export interface RenewAllInput {
  card: CardRead;
  itemIds: string[];
}

export const ACCOUNT_ACTIVITY = [
  ...IDENTIFY_ACTIVITY,
  'SET_LANGUAGE',
  'STILL_HERE',
  'CANCEL',
  'RENEW',
  'RENEW_ALL',
  'DONE',
] as const;

/** Loans the profile would renew now (the ILS has the last word), except those already renewed in
 * this session: one visit renews a loan once (a second renewal may cost a second fee). */
export function renewableLoans(context: AccountContext): Loan[] {
  // A renewal whose answer was lost may have been made: it is not sent again either.
  const renewed = new Set(context.renewals.filter((outcome) => outcome.ok || outcome.reason === 'outcome-unknown').map((outcome) => outcome.itemId));
  return (context.account?.loans ?? []).filter((loan) => context.renewable[loan.itemId]?.allowed === true && !renewed.has(loan.itemId));
}
