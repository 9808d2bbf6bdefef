// Return of one item. The tags are set to "in library" (0x07) BEFORE the ILS is asked: an item whose
// tags cannot be written is never checked in, so no return can leave a tag saying "checked out"
// with no loan behind it. When the ILS then says no, or does not answer, the tags say "on loan"
// again (the 'undo' step) and the patron is told the item was not returned.
import { IlsError, type CheckinResult, isOnLoan } from '../../ils';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY } from '../../policy';
import type { CheckinItemInput, CheckinOutcome, CheckinRefusal, ReturnDestination } from '../../state-machines';
import { type CirculationDeps, liftedTags, rememberItem, reportProblem, serially, settleItem } from './circulation-deps';
import { putBack, setAllTags } from './tag-writes';

function notReturned(itemId: string, reason: CheckinRefusal, message?: string): CheckinOutcome {
  return { ok: false, itemId, reason, ...(message ? { message } : {}) };
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

/** Is the item on loan (to anyone) after a refused checkin? null when the ILS can't say. */
async function stillOnLoan(deps: CirculationDeps, itemId: string): Promise<boolean | null> {
  try {
    const item = await deps.ils.itemInformation(itemId);
    rememberItem(deps, item);
    if (!item.found) return false;
    return isOnLoan(item.circulationStatus);
  } catch (error) {
    deps.log.warn('checkin.item-status-unavailable', { itemId, error });
    return null;
  }
}

/** The ILS did not check it in: the tags say "on loan" again, as a journal step of its own. */
async function tagsBackToLoan(deps: CirculationDeps, entry: number, tagUids: readonly string[]): Promise<boolean> {
  return deps.store.journal.step(entry, 'undo', () => putBack(deps, tagUids, AFI_CHECKED_OUT), (ok) => (ok ? 'ok' : 'failed'));
}

async function checkinOffline(deps: CirculationDeps, entry: number, { itemId, tagUids }: CheckinItemInput, tagsDone: boolean): Promise<CheckinOutcome> {
  const { store } = deps;
  if (!tagsDone) {
    const tags = await store.journal.step(entry, 'afi', () => setAllTags(deps, tagUids, AFI_IN_LIBRARY, AFI_CHECKED_OUT, liftedTags(deps, tagUids)), (w) => (w.ok ? 'ok' : 'failed'));
    if (!tags.ok) {
      store.journal.finish(entry, 'afi-failed', tags.restored ? null : 'some tags could not be put back (they say "in library")');
      reportProblem(deps, 'checkin', 'afi-write-failed', { itemId, offline: true });
      return notReturned(itemId, tags.lifted ? 'item-lifted' : 'afi-write-failed');
    }
  }
  store.journal.queueOffline(entry, { kind: 'checkin', itemId, occurredAt: deps.clock.now() });
  store.journal.finish(entry, 'queued');
  store.loans.recordReturn({ itemId });
  // Not remembered as available: an offline return proves nothing the ILS said (a returned item
  // may be reserved, not for loan, or unknown), so it must not open the item to offline loans.
  return { ok: true, itemId, title: store.knownItems.get(itemId)?.title ?? '', destination: 'sort-bin' };
}

async function refusedCheckin(deps: CirculationDeps, entry: number, { itemId, tagUids }: CheckinItemInput, result: CheckinResult): Promise<CheckinOutcome> {
  const message = result.screenMessages.join(' ');
  const onLoan = await stillOnLoan(deps, itemId);
  if (onLoan === false) {
    // Not on loan: "in library" is what the tags should say, and now do.
    deps.store.journal.finish(entry, 'refused', 'not-on-loan');
    return notReturned(itemId, 'not-on-loan', message);
  }
  if (onLoan === true) await tagsBackToLoan(deps, entry, tagUids);
  // When the ILS can't say, the tags stay "in library": that errs towards the alarm, never past it.
  deps.store.journal.finish(entry, 'refused', onLoan === null ? 'loan-state-unknown' : null);
  return notReturned(itemId, 'ils-refused', message);
}

export function checkinItem(deps: CirculationDeps, input: CheckinItemInput): Promise<CheckinOutcome> {
  return serially(deps, () => checkinNow(deps, input));
}

async function checkinNow(deps: CirculationDeps, input: CheckinItemInput): Promise<CheckinOutcome> {
  const { ils, store } = deps;
  const { itemId, tagUids } = input;
  await settleItem(deps, itemId);
  const offline = ils.link.state === 'offline';
  const entry = store.journal.begin({ kind: 'checkin', itemId, tagUids, mode: offline ? 'offline' : 'online' });
  if (offline) return checkinOffline(deps, entry, input, false);
  const tags = await store.journal.step(entry, 'afi', () => setAllTags(deps, tagUids, AFI_IN_LIBRARY, AFI_CHECKED_OUT, liftedTags(deps, tagUids)), (w) => (w.ok ? 'ok' : 'failed'));
  if (!tags.ok) {
    // Never checked in: the item is still on loan and its tags say so (or, if one could not be put
    // back, "in library", which only errs towards the alarm).
    store.journal.finish(entry, 'afi-failed', tags.restored ? null : 'some tags could not be put back (they say "in library")');
    reportProblem(deps, 'checkin', tags.lifted ? 'item-lifted' : 'afi-write-failed', { itemId });
    return notReturned(itemId, tags.lifted ? 'item-lifted' : 'afi-write-failed');
  }
  let result: CheckinResult;
  try {
    result = await store.journal.step(entry, 'ils', () => ils.checkin({ itemId }), (r) => (r.ok ? 'ok' : 'refused'));
  } catch (error) {
    if (error instanceof IlsError && error.kind === 'unavailable') {
      // Nothing was sent: the return is queued like any offline return (the tags already say so).
      store.journal.finish(entry, 'ils-unavailable');
      return checkinOffline(deps, store.journal.begin({ kind: 'checkin', itemId, tagUids, mode: 'offline' }), input, true);
    }
    // No answer: ask whether the ILS checked it in after all. If it did, the return stands (its tags
    // already say "in library"); if not, or it can't say, the patron hears "not returned, try later"
    // and may take the item, so its tags say "on loan" again, and recovery leaves the loan alone.
    reportProblem(deps, 'checkin', 'outcome-unknown', { itemId, error });
    if ((await stillOnLoan(deps, itemId)) === false) {
      store.journal.closeOpenStep(entry, 'ils', 'ok');
      store.journal.finish(entry, 'done', 'outcome-read-back');
      store.loans.recordReturn({ itemId });
      return { ok: true, itemId, title: store.knownItems.get(itemId)?.title ?? itemId, destination: 'alert' };
    }
    await tagsBackToLoan(deps, entry, tagUids);
    store.journal.leaveOpen(entry, 'outcome-unknown: the patron was told the item was not returned');
    return notReturned(itemId, 'unavailable', error instanceof Error ? error.message : String(error));
  }
  if (!result.ok) return refusedCheckin(deps, entry, input, result);
  // The invariant wins over the ILS's resensitize flag: no loan, so the tags say "in library".
  if (!result.resensitize) deps.log.info('checkin.resensitize-not-asked', { itemId });
  store.journal.finish(entry, 'done');
  store.loans.recordReturn({ itemId, ...(result.title ? { title: result.title } : {}) });
  const onHoldHere = result.alertType === 'hold-here';
  store.knownItems.remember({ itemId, title: result.title, circulation: onHoldHere ? 'on-hold-shelf' : 'available', holder: onHoldHere ? result.holdPatronId : undefined });
  return { ok: true, itemId, title: result.title ?? itemId, ...destinationOf(result, deps.branch) };
}
