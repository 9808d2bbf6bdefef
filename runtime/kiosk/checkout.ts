// Checkout of one item: journal row -> ILS (or the offline queue) -> every tag's AFI -> closed.
// The kiosk's first promise: a tag reads 0xC2 only if the ILS (or the queue that will be replayed)
// has the loan for the patron who was told "borrowed". When the tags cannot follow the ILS, they
// are put back and the loan is taken back as a journal step of its own ('undo'); what cannot be
// settled now stays open for recovery and is named to the patron and to staff.
import { IlsError, type CheckoutResult, isOnLoan } from '../../ils';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY, copenhagenDay } from '../../policy';
import type { CheckoutItemInput, CheckoutOutcome, CheckoutRefusal } from '../../state-machines';
import { type CirculationDeps, liftedTags, rememberItem, reportProblem, serially, settleItem } from './circulation-deps';
import { setAllTags } from './tag-writes';

type Refused = Extract<CheckoutOutcome, { ok: false }>;

function refused(itemId: string, reason: CheckoutRefusal, extra: { title?: string | undefined; message?: string | undefined } = {}): Refused {
  return { ok: false, itemId, reason, ...(extra.title ? { title: extra.title } : {}), ...(extra.message ? { message: extra.message } : {}) };
}

/** Takes back a loan the patron is told was not made (tags already back to 0x07, or never set).
 * Only ever this patron's loan: the caller knows the ILS lent it, or has just checked. */
async function takeBackLoan(deps: CirculationDeps, entry: number, itemId: string): Promise<boolean> {
  try {
    const result = await deps.store.journal.step(entry, 'undo', () => deps.ils.checkin({ itemId }), (r) => (r.ok ? 'ok' : 'refused'));
    if (result.ok) return true;
    deps.log.error('checkout.undo-refused', { itemId, message: result.screenMessages.join(' ') });
  } catch (error) {
    deps.log.error('checkout.undo-failed', { itemId, error });
  }
  return false;
}

/** The checkout's reply was lost: did the ILS lend it to this patron? null when it can't be asked. */
async function lentToPatron(deps: CirculationDeps, patronId: string, itemId: string): Promise<boolean | null> {
  try {
    const info = await deps.ils.patronInformation(patronId, { lists: ['loans'], dueDates: false });
    return info.loans.some((loan) => loan.itemId === itemId);
  } catch (error) {
    deps.log.warn('checkout.outcome-check-failed', { itemId, error });
    return null;
  }
}

/** The reply was lost: the patron hears "not borrowed", so a loan the ILS made all the same is taken
 * back (now if the ILS answers, else by recovery: the open 'undo' step records the intent). */
async function outcomeUnknown(deps: CirculationDeps, entry: number, patronId: string, itemId: string, error: unknown): Promise<CheckoutOutcome> {
  const { journal } = deps.store;
  reportProblem(deps, 'checkout', 'outcome-unknown', { itemId, error });
  const lent = await lentToPatron(deps, patronId, itemId);
  if (lent === false) {
    journal.finish(entry, 'outcome-unknown', 'not-lent');
  } else if (lent === true) {
    // The ILS did lend it (to this patron): recovery may take it back like any failed checkout.
    journal.closeOpenStep(entry, 'ils', 'ok');
    if (await takeBackLoan(deps, entry, itemId)) journal.finish(entry, 'outcome-unknown', 'loan-taken-back');
    else journal.leaveOpen(entry, 'outcome-unknown: lent, to be taken back');
  } else {
    if (lent === null) journal.startStep(entry, 'undo');
    journal.leaveOpen(entry, 'outcome-unknown: a loan, if the ILS made one, is to be taken back');
  }
  return refused(itemId, 'unavailable', { message: error instanceof Error ? error.message : String(error) });
}

interface Undo {
  entry: number;
  itemId: string;
  patronId: string;
  title: string | undefined;
  /** The loan was a hold pickup: taking it back must give the patron the hold again. */
  holdPickup: boolean;
  tagsRestored: boolean;
  why: CheckoutRefusal;
}

/** A hold pickup taken back: the checkout filled the hold, so it is placed again (SIP2 15). */
async function giveHoldBack(deps: CirculationDeps, { itemId, patronId }: Undo): Promise<void> {
  try {
    const hold = await deps.ils.placeHold({ patronId, itemId });
    if (hold.ok) {
      deps.log.info('checkout.hold-given-back', { itemId, available: hold.available });
      return;
    }
    reportProblem(deps, 'checkout', 'hold-not-given-back', { itemId, message: hold.screenMessages.join(' ') });
  } catch (error) {
    reportProblem(deps, 'checkout', 'hold-not-given-back', { itemId, error });
  }
}

/** After the ILS lent the item but its tags could not say so. */
async function undoCheckout(deps: CirculationDeps, undo: Undo): Promise<CheckoutOutcome> {
  const { journal } = deps.store;
  const { entry, itemId, title, why } = undo;
  if (!undo.tagsRestored) {
    // A tag may still say "checked out": the loan stays so the two agree, until the item is back on the pad.
    journal.leaveOpen(entry, 'tags-unreachable: the loan is kept until the item is on the pad again');
    reportProblem(deps, 'checkout', 'needs-staff', { itemId });
    return refused(itemId, 'needs-staff', { title });
  }
  if (await takeBackLoan(deps, entry, itemId)) {
    journal.finish(entry, 'afi-failed', 'loan-taken-back');
    reportProblem(deps, 'checkout', why, { itemId });
    if (undo.holdPickup) await giveHoldBack(deps, undo);
    return refused(itemId, why, { title });
  }
  journal.leaveOpen(entry, 'undo-pending: tags say not borrowed, the ILS still has the loan');
  reportProblem(deps, 'checkout', 'undo-pending', { itemId });
  return refused(itemId, 'undo-pending', { title });
}

/** Why the ILS said no, in the machine's words: ask the item's state (SIP2 17) and, when it is
 * lent out, try a renewal: it may be this patron's own loan. */
async function refusedCheckout(deps: CirculationDeps, patronId: string, itemId: string, message: string): Promise<CheckoutOutcome> {
  try {
    const item = await deps.ils.itemInformation(itemId);
    const title = item.title ?? itemId;
    rememberItem(deps, item);
    if (item.circulationStatus === 'on-hold-shelf') return refused(itemId, 'reserved-by-another', { title, message });
    if (isOnLoan(item.circulationStatus)) {
      const renewal = await deps.ils.renew({ patronId, itemId });
      if (renewal.ok) return { ok: true, itemId, title, dueDate: copenhagenDay(renewal.dueDate), renewed: true };
      return refused(itemId, item.holdQueueLength ? 'reserved-by-another' : 'on-loan-to-another', { title, message });
    }
    return refused(itemId, 'ils-refused', { title, message });
  } catch (error) {
    // The refusal stands; only the follow-up question failed.
    deps.log.warn('checkout.refusal-detail-unavailable', { itemId, error });
    return refused(itemId, 'ils-refused', { message });
  }
}

async function lend(deps: CirculationDeps, entry: number, input: CheckoutItemInput, result: CheckoutResult, holdPickup: boolean): Promise<CheckoutOutcome> {
  const { store } = deps;
  const { itemId, tagUids, card } = input;
  const undo = { entry, itemId, patronId: card.patronId, title: result.title, holdPickup };
  if (result.desensitize === false) {
    // The ILS asks that the security stays on (staff must hand it out): not a self-service loan.
    deps.log.info('checkout.desensitize-declined', { itemId });
    return undoCheckout(deps, { ...undo, tagsRestored: true, why: 'ils-refused' });
  }
  const tags = await store.journal.step(
    entry,
    'afi',
    () => setAllTags(deps, tagUids, AFI_CHECKED_OUT, AFI_IN_LIBRARY, liftedTags(deps, tagUids)),
    (w) => (w.ok ? 'ok' : 'failed'),
  );
  if (!tags.ok) return undoCheckout(deps, { ...undo, tagsRestored: tags.restored, why: tags.lifted ? 'item-lifted' : 'afi-write-failed' });
  store.journal.finish(entry, 'done');
  store.loans.recordLoan({ itemId, cardNumber: card.patronId, ...(result.title ? { title: result.title } : {}), ...(result.dueDate ? { dueDate: copenhagenDay(result.dueDate) } : {}) });
  store.knownItems.remember({ itemId, title: result.title, circulation: 'on-loan', holder: card.patronId });
  return { ok: true, itemId, title: result.title ?? itemId, dueDate: copenhagenDay(result.dueDate), renewed: result.renewal };
}

/** Offline, the kiosk lends only what it can vouch for: a circulating item of this library that the
 * ILS told it about, that nobody else has or waits for. */
function offlineRefusal(deps: CirculationDeps, { card, itemId, tagUids }: CheckoutItemInput): CheckoutRefusal | null {
  for (const uid of tagUids) {
    const tag = deps.tagOnPad?.(uid);
    if (tag === null) return 'item-lifted';
    if (tag === undefined) continue;
    if (tag.usage !== 'circulating') return 'not-for-loan';
    if (deps.ownIsil && tag.owner !== '' && tag.owner.toUpperCase() !== deps.ownIsil.toUpperCase()) return 'other-library';
  }
  const known = deps.store.knownItems.offlineRefusal(itemId, card.patronId);
  if (known !== null) return known;
  const open = deps.store.offlineQueue.openCheckouts(deps.store.cardKey(card.patronId));
  return open >= deps.maxItemsOffline ? 'offline-limit-reached' : null;
}

async function checkoutOffline(deps: CirculationDeps, entry: number, input: CheckoutItemInput): Promise<CheckoutOutcome> {
  const { store } = deps;
  const { card, itemId, tagUids } = input;
  const refusal = offlineRefusal(deps, input);
  if (refusal !== null) {
    store.journal.finish(entry, refusal);
    return refused(itemId, refusal);
  }
  store.journal.queueOffline(entry, { kind: 'checkout', itemId, patronId: card.patronId, occurredAt: deps.clock.now() });
  const tags = await store.journal.step(entry, 'afi', () => setAllTags(deps, tagUids, AFI_CHECKED_OUT, AFI_IN_LIBRARY, liftedTags(deps, tagUids)), (w) => (w.ok ? 'ok' : 'failed'));
  if (!tags.ok) {
    // A tag that may say "checked out" keeps the queued loan (replayed, so the two agree), and so does
    // a loan the replay has already taken: it stays on the patron's card until the item is placed again.
    if (!tags.restored || !store.journal.withdrawOffline(entry)) {
      store.journal.leaveOpen(entry, 'tags-unreachable or already replayed: the queued loan is kept');
      reportProblem(deps, 'checkout', 'needs-staff', { itemId, offline: true });
      return refused(itemId, 'needs-staff');
    }
    store.journal.finish(entry, 'afi-failed');
    reportProblem(deps, 'checkout', 'afi-write-failed', { itemId, offline: true });
    return refused(itemId, tags.lifted ? 'item-lifted' : 'afi-write-failed');
  }
  store.journal.finish(entry, 'queued');
  store.knownItems.remember({ itemId, circulation: 'on-loan', holder: card.patronId });
  // The due date is the ILS's to set when the queue is replayed.
  return { ok: true, itemId, title: store.knownItems.get(itemId)?.title ?? '', dueDate: '', renewed: false, offline: true };
}

export function checkoutItem(deps: CirculationDeps, input: CheckoutItemInput): Promise<CheckoutOutcome> {
  return serially(deps, () => checkoutNow(deps, input));
}

async function checkoutNow(deps: CirculationDeps, input: CheckoutItemInput): Promise<CheckoutOutcome> {
  const { ils, store } = deps;
  const { card, itemId, tagUids } = input;
  await settleItem(deps, itemId);
  const offline = ils.link.state === 'offline';
  const entry = store.journal.begin({ kind: 'checkout', itemId, tagUids, mode: offline ? 'offline' : 'online' });
  if (offline) return checkoutOffline(deps, entry, input);
  // Known before the checkout fills it: a hold pickup taken back must give the hold back.
  const holdPickup = store.knownItems.heldFor(itemId, card.patronId);
  let result: CheckoutResult;
  try {
    result = await store.journal.step(entry, 'ils', () => ils.checkout({ patronId: card.patronId, itemId }), (r) => (r.ok ? 'ok' : 'refused'));
  } catch (error) {
    if (error instanceof IlsError && error.kind === 'unavailable') {
      // Nothing was sent: the ILS never saw it.
      store.journal.finish(entry, 'ils-unavailable');
      return checkoutOffline(deps, store.journal.begin({ kind: 'checkout', itemId, tagUids, mode: 'offline' }), input);
    }
    return outcomeUnknown(deps, entry, card.patronId, itemId, error);
  }
  if (!result.ok) {
    store.journal.finish(entry, 'refused');
    return refusedCheckout(deps, card.patronId, itemId, result.screenMessages.join(' '));
  }
  return lend(deps, entry, input, result, holdPickup);
}
