// Checkout and return of one item at the kiosk: journal row -> ILS (or the offline queue) ->
// every tag's AFI -> journal closed. A crash between two steps is repaired from the journal at
// the next start (store/journal-recovery), so an item is never lent with its theft bit still on.
import { IlsError } from '../../ils/errors';
import { type CheckinResult, type Ils } from '../../ils/ils-port';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY, type Store } from '../../store/index';
import { type CheckinItemInput } from '../../state-machines/return/return-types';
import { type CheckoutItemInput } from '../../state-machines/checkout/checkout-types';
import { type CheckinOutcome, type CheckoutOutcome, type ReturnDestination } from '../../state-machines/ports';
import { type Clock } from '../clock';
import { type Logger } from '../log';
import { copenhagenDay } from '../dates';

export interface CirculationDeps {
  ils: Ils;
  store: Store;
  clock: Clock;
  log: Logger;
  writeAfi(uid: string, afi: number): Promise<void>;
  /** The branch the kiosk stands in (its own items go to the shelf). */
  branch: string;
  /** The profile's limit on items one patron may borrow while the ILS is offline. */
  maxItemsOffline: number;
}

async function writeAll(deps: CirculationDeps, uids: string[], afi: number): Promise<boolean> {
  try {
    for (const uid of uids) await deps.writeAfi(uid, afi);
    return true;
  } catch (error) {
    deps.log.warn('rfid.afi-write-failed', { error, afi });
    return false;
  }
}

export async function checkoutItem(deps: CirculationDeps, { card, itemId, tagUids }: CheckoutItemInput): Promise<CheckoutOutcome> {
  const { ils, store } = deps;
  const offline = ils.link.state === 'offline';
  const entry = store.journal.begin({ kind: 'checkout', itemId, tagUids, mode: offline ? 'offline' : 'online' });
  if (offline) return checkoutOffline(deps, entry, { card, itemId, tagUids });
  let result;
  try {
    result = await store.journal.step(entry, 'ils', () => ils.checkout({ patronId: card.patronId, itemId }), (r) => (r.ok ? 'ok' : 'refused'));
  } catch (error) {
    if (error instanceof IlsError && error.kind === 'unavailable') {
      store.journal.finish(entry, 'ils-unavailable');
      return checkoutOffline(deps, store.journal.begin({ kind: 'checkout', itemId, tagUids, mode: 'offline' }), { card, itemId, tagUids });
    }
    // The outcome is unknown (the reply was lost): leave the entry open for recovery.
    deps.log.warn('checkout.outcome-unknown', { itemId, error });
    return { ok: false, itemId, reason: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
  if (!result.ok) {
    store.journal.finish(entry, 'refused');
    return refusedCheckout(deps, card.patronId, itemId, result.screenMessages.join(' '));
  }
  const secured = await store.journal.step(entry, 'afi', () => writeAll(deps, tagUids, AFI_CHECKED_OUT), (ok) => (ok ? 'ok' : 'failed'));
  if (!secured) {
    // The ILS lent it but the theft bit is still on: take the loan back so the two agree.
    await ils.checkin({ itemId }).catch(() => undefined);
    store.journal.finish(entry, 'afi-failed');
    return { ok: false, itemId, title: result.title ?? itemId, reason: 'afi-write-failed' };
  }
  store.journal.finish(entry, 'done');
  store.loans.recordLoan({ itemId, cardNumber: card.patronId, ...(result.title ? { title: result.title } : {}), ...(result.dueDate ? { dueDate: copenhagenDay(result.dueDate) } : {}) });
  return { ok: true, itemId, title: result.title ?? itemId, dueDate: copenhagenDay(result.dueDate), renewed: result.renewal };
}

/** Why the ILS said no, in the machine's words: ask the item's state (SIP2 17) and, when it is
 * lent out, try a renewal: it may be this patron's own loan. */
async function refusedCheckout(deps: CirculationDeps, patronId: string, itemId: string, message: string): Promise<CheckoutOutcome> {
  try {
    const item = await deps.ils.itemInformation(itemId);
    const title = item.title ?? itemId;
    if (item.circulationStatus === 'on-hold-shelf') return { ok: false, itemId, title, reason: 'reserved-by-another', message };
    if (item.circulationStatus === 'charged' || item.circulationStatus === 'charged-not-recallable') {
      const renewal = await deps.ils.renew({ patronId, itemId });
      if (renewal.ok) return { ok: true, itemId, title, dueDate: copenhagenDay(renewal.dueDate), renewed: true };
      if (item.holdQueueLength) return { ok: false, itemId, title, reason: 'reserved-by-another', message };
      return { ok: false, itemId, title, reason: 'on-loan-to-another', message };
    }
    return { ok: false, itemId, title, reason: 'ils-refused', message };
  } catch {
    return { ok: false, itemId, reason: 'ils-refused', message };
  }
}

async function checkoutOffline(deps: CirculationDeps, entry: number, { card, itemId, tagUids }: CheckoutItemInput): Promise<CheckoutOutcome> {
  const { store } = deps;
  const open = store.offlineQueue.openCheckouts(store.cardKey(card.patronId));
  if (open >= deps.maxItemsOffline) {
    store.journal.finish(entry, 'offline-limit');
    return { ok: false, itemId, reason: 'offline-limit-reached' };
  }
  store.journal.queueOffline(entry, { kind: 'checkout', itemId, patronId: card.patronId, occurredAt: deps.clock.now() });
  const secured = await store.journal.step(entry, 'afi', () => writeAll(deps, tagUids, AFI_CHECKED_OUT), (ok) => (ok ? 'ok' : 'failed'));
  if (!secured) store.journal.withdrawOffline(entry);
  store.journal.finish(entry, secured ? 'queued' : 'afi-failed');
  if (!secured) return { ok: false, itemId, reason: 'afi-write-failed' };
  // The due date is the ILS's to set when the queue is replayed.
  return { ok: true, itemId, title: itemId, dueDate: '', renewed: false };
}

export function destinationOf(result: CheckinResult, branch: string): { destination: ReturnDestination; branch?: string; sortBin?: string } {
  switch (result.alertType) {
    case 'hold-here':
      return { destination: 'hold-shelf' };
    case 'hold-other-branch':
    case 'send-to-other-branch':
    case 'interlibrary-loan':
      return { destination: 'other-branch', ...(result.destination ? { branch: result.destination } : {}) };
    default:
      if (result.destination && result.destination !== branch) return { destination: 'other-branch', branch: result.destination };
      if (result.alert) return { destination: 'alert' };
      if (result.sortBin) return { destination: 'sort-bin', sortBin: result.sortBin };
      return { destination: 'shelf' };
  }
}

export async function checkinItem(deps: CirculationDeps, { itemId, tagUids }: CheckinItemInput): Promise<CheckinOutcome> {
  const { ils, store } = deps;
  const offline = ils.link.state === 'offline';
  const entry = store.journal.begin({ kind: 'checkin', itemId, tagUids, mode: offline ? 'offline' : 'online' });
  if (offline) {
    store.journal.queueOffline(entry, { kind: 'checkin', itemId, occurredAt: deps.clock.now() });
    const secured = await store.journal.step(entry, 'afi', () => writeAll(deps, tagUids, AFI_IN_LIBRARY), (ok) => (ok ? 'ok' : 'failed'));
    if (!secured) store.journal.withdrawOffline(entry);
  store.journal.finish(entry, secured ? 'queued' : 'afi-failed');
    if (!secured) return { ok: false, itemId, reason: 'afi-write-failed' };
    store.loans.recordReturn({ itemId });
    return { ok: true, itemId, title: itemId, destination: 'sort-bin' };
  }
  let result: CheckinResult;
  try {
    result = await store.journal.step(entry, 'ils', () => ils.checkin({ itemId }), (r) => (r.ok ? 'ok' : 'refused'));
  } catch (error) {
    deps.log.warn('checkin.failed', { itemId, error });
    return { ok: false, itemId, reason: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
  if (!result.ok) {
    store.journal.finish(entry, 'refused');
    return { ok: false, itemId, reason: 'ils-refused', message: result.screenMessages.join(' ') };
  }
  const secured = await store.journal.step(entry, 'afi', () => writeAll(deps, tagUids, AFI_IN_LIBRARY), (ok) => (ok ? 'ok' : 'failed'));
  store.journal.finish(entry, secured ? 'done' : 'afi-failed');
  if (!secured) return { ok: false, itemId, reason: 'afi-write-failed' };
  store.loans.recordReturn({ itemId, ...(result.title ? { title: result.title } : {}) });
  return { ok: true, itemId, title: result.title ?? itemId, ...destinationOf(result, deps.branch) };
}
