// My account at the kiosk: loans with due dates, holds ready for pickup, fees; renewals.
import { IlsError, type Ils } from '../../ils';
import { copenhagenDay } from '../../policy';
import type { RenewAllInput, RenewItemInput, CardRead, Loan, PatronAccount, RenewOutcome } from '../../state-machines';
import { factsFromIls } from '../patrons/patron-facts';
import { type Logger } from '../log';

export interface AccountDeps {
  ils: Ils;
  log: Logger;
}

/** Is someone else waiting for this item? SIP2 63 does not say; item information (17) does.
 * Undefined when unknown: the screen then shows no hint and the ILS decides at renewal. */
async function reservedByAnother({ ils, log }: AccountDeps, itemId: string): Promise<boolean | undefined> {
  try {
    const item = await ils.itemInformation(itemId);
    return item.holdQueueLength === undefined ? undefined : item.holdQueueLength > 0;
  } catch (error) {
    log.warn('account.hold-queue-unknown', { itemId, error });
    return undefined;
  }
}

export async function loadAccount(deps: AccountDeps, { card }: { card: CardRead }): Promise<PatronAccount> {
  const info = await deps.ils.patronInformation(card.patronId, { lists: ['loans', 'holds', 'fines'] });
  const loans: Loan[] = [];
  for (const loan of info.loans) {
    const reserved = await reservedByAnother(deps, loan.itemId);
    loans.push({ itemId: loan.itemId, title: loan.title ?? loan.itemId, dueDate: copenhagenDay(loan.dueDate), ...(reserved === undefined ? {} : { reserved }) });
  }
  return {
    patron: factsFromIls(card, info),
    loans,
    holdsReady: info.holdsReady.map((hold) => ({
      itemId: hold.itemId ?? '',
      title: hold.title ?? hold.itemId ?? '',
      pickupLocation: hold.pickupLocation ?? '',
      ...(hold.pickupBy ? { pickupBy: copenhagenDay(hold.pickupBy) } : {}),
    })),
    feesDkk: info.fees.total ?? 0,
  };
}

export async function renewItem(deps: AccountDeps, { card, itemId }: RenewItemInput): Promise<RenewOutcome> {
  let result;
  try {
    result = await deps.ils.renew({ patronId: card.patronId, itemId });
  } catch (error) {
    // A lost answer is not "try again": the renewal may have been made (and a second one may cost a fee).
    if (error instanceof IlsError && error.kind === 'outcome-unknown') {
      deps.log.warn('account.renewal-outcome-unknown', { itemId, error });
      return { ok: false, itemId, reason: 'outcome-unknown' };
    }
    if (error instanceof IlsError) return { ok: false, itemId, reason: 'unavailable' };
    throw error;
  }
  if (result.ok) return { ok: true, itemId, dueDate: copenhagenDay(result.dueDate) };
  const message = result.screenMessages.join(' ');
  if (result.reason?.known === 'renewal-too-early') return { ok: false, itemId, reason: 'too-early', ...(message ? { message } : {}) };
  const reason = (await reservedByAnother(deps, itemId)) ? 'reserved' : 'ils-refused';
  return { ok: false, itemId, reason, ...(message ? { message } : {}) };
}

export async function renewAll(deps: AccountDeps, { card, itemIds }: RenewAllInput): Promise<RenewOutcome[]> {
  const outcomes: RenewOutcome[] = [];
  // One by one, so each loan gets its own answer (SIP2 65 only lists ids).
  for (const itemId of itemIds) outcomes.push(await renewItem(deps, { card, itemId }));
  return outcomes;
}
