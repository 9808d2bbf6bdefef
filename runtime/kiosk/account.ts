// My account at the kiosk: loans with due dates, holds ready for pickup, fees; renewals.
import { type Ils } from '../../ils/ils-port';
import { type RenewAllInput, type RenewItemInput } from '../../state-machines/account/account-types';
import { type CardRead, type PatronAccount, type RenewOutcome } from '../../state-machines/ports';
import { factsFromIls } from '../door/patron-facts';

const dateOnly = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : '');

export async function loadAccount(ils: Ils, { card }: { card: CardRead }): Promise<PatronAccount> {
  const info = await ils.patronInformation(card.patronId, { lists: ['loans', 'holds', 'fines'] });
  return {
    patron: factsFromIls(card, info),
    loans: info.loans.map((loan) => ({ itemId: loan.itemId, title: loan.title ?? loan.itemId, dueDate: dateOnly(loan.dueDate) })),
    holdsReady: info.holdsReady.map((hold) => ({
      itemId: hold.itemId ?? '',
      title: hold.title ?? hold.itemId ?? '',
      pickupLocation: hold.pickupLocation ?? '',
      ...(hold.pickupBy ? { pickupBy: dateOnly(hold.pickupBy) } : {}),
    })),
    feesDkk: info.fees.total ?? 0,
  };
}

export async function renewItem(ils: Ils, { card, itemId }: RenewItemInput): Promise<RenewOutcome> {
  const result = await ils.renew({ patronId: card.patronId, itemId });
  return result.ok ? { ok: true, itemId, dueDate: dateOnly(result.dueDate) } : { ok: false, itemId, reason: result.screenMessages.join(' ') || 'ils-refused' };
}

export async function renewAll(ils: Ils, { card, itemIds }: RenewAllInput): Promise<RenewOutcome[]> {
  const outcomes: RenewOutcome[] = [];
  // One by one, so each loan gets its own answer (SIP2 65 only lists ids).
  for (const itemId of itemIds) outcomes.push(await renewItem(ils, { card, itemId }));
  return outcomes;
}
