// My account at the kiosk: loans with due dates, holds ready for pickup, fees; renewals.
import { IlsError } from '../../ils/errors';
import { type Ils } from '../../ils/ils-port';
import { type RenewAllInput, type RenewItemInput } from '../../state-machines/account/account-types';
import { type CardRead, type Loan, type PatronAccount, type RenewOutcome } from '../../state-machines/ports';
import { copenhagenDay } from '../dates';
import { factsFromIls } from '../door/patron-facts';

/** Is someone else waiting for this item? SIP2 63 does not say; item information (17) does. */
async function reservedByAnother(ils: Ils, itemId: string): Promise<boolean | undefined> {
  try {
    const item = await ils.itemInformation(itemId);
    return item.holdQueueLength === undefined ? undefined : item.holdQueueLength > 0;
  } catch {
    return undefined;
  }
}

export async function loadAccount(ils: Ils, { card }: { card: CardRead }): Promise<PatronAccount> {
  const info = await ils.patronInformation(card.patronId, { lists: ['loans', 'holds', 'fines'] });
  const loans: Loan[] = [];
  for (const loan of info.loans) {
    const reserved = await reservedByAnother(ils, loan.itemId);
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

export async function renewItem(ils: Ils, { card, itemId }: RenewItemInput): Promise<RenewOutcome> {
  let result;
  try {
    result = await ils.renew({ patronId: card.patronId, itemId });
  } catch (error) {
    if (error instanceof IlsError) return { ok: false, itemId, reason: 'unavailable' };
    throw error;
  }
  if (result.ok) return { ok: true, itemId, dueDate: copenhagenDay(result.dueDate) };
  const message = result.screenMessages.join(' ');
  const reason = (await reservedByAnother(ils, itemId)) ? 'reserved' : 'ils-refused';
  return { ok: false, itemId, reason, ...(message ? { message } : {}) };
}

export async function renewAll(ils: Ils, { card, itemIds }: RenewAllInput): Promise<RenewOutcome[]> {
  const outcomes: RenewOutcome[] = [];
  // One by one, so each loan gets its own answer (SIP2 65 only lists ids).
  for (const itemId of itemIds) outcomes.push(await renewItem(ils, { card, itemId }));
  return outcomes;
}
