// What checkout and return at the kiosk need from the rest of the runtime, and the steps they share:
// settling an item's unfinished entries when it is placed again, and naming what went wrong where a
// technician sees it (log + metric).
import { type Ils, isOnLoan, type ItemInformation } from '../../ils';
import { type RecoveryPorts, type Store } from '../../store/index';
import { type Clock } from '../clock';
import { type TagWriter } from './tag-writes';

/** What the pad knows of a tag right now; null when it is no longer on the pad. */
export interface TagOnPad {
  usage: string;
  /** The owner library as an ISIL ('DK-775100'); '' when the tag does not say. */
  owner: string;
}

export interface CirculationDeps extends TagWriter {
  ils: Ils;
  store: Store;
  clock: Clock;
  /** The branch the kiosk stands in (its own items go to the shelf). */
  branch: string;
  /** The profile's limit on items one patron may borrow while the ILS is offline. */
  maxItemsOffline: number;
  /** The library's ISIL, when known: offline, tags of other libraries are not lent. */
  ownIsil?: string | undefined;
  /** Looks the tag up among those on the pad now. Without it every tag counts as present. */
  tagOnPad?: (uid: string) => TagOnPad | null;
  /** The ports journal recovery uses (the ILS and the pad). */
  recovery: RecoveryPorts;
  /** Counts a failure a patron met, by what happened (the kiosk_circulation_problems_total metric). */
  problem?: (kind: 'checkout' | 'checkin', what: string) => void;
  /** One transaction or recovery run at a time: recovery must never take a checkout in progress for
   * one a crash cut short. Without it (unit tests driving one call at a time) nothing is serialised. */
  lock?: CirculationLock;
}

export type CirculationLock = <T>(work: () => Promise<T>) => Promise<T>;

/** Runs each piece of work after the one before it has ended (whether it succeeded or failed). */
export function circulationLock(): CirculationLock {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/** `work` under the circulation lock, when there is one. */
export function serially<T>(deps: CirculationDeps, work: () => Promise<T>): Promise<T> {
  return deps.lock ? deps.lock(work) : work();
}

/** The tags of `uids` that are no longer on the pad. */
export function liftedTags(deps: CirculationDeps, uids: readonly string[]): string[] {
  const onPad = deps.tagOnPad;
  return onPad ? uids.filter((uid) => onPad(uid) === null) : [];
}

/** Before a new checkout or checkin: what an earlier failure left open for this item is settled now
 * that its tags are within reach again. Errors are logged; the new transaction goes on. */
export async function settleItem(deps: CirculationDeps, itemId: string): Promise<void> {
  if (deps.store.journal.openEntriesFor(itemId).length === 0) return;
  try {
    const report = await deps.store.recoverJournal(deps.recovery, { itemId });
    deps.log.info('journal.item-settled', { itemId, resolved: report.resolved.map((r) => r.actions.join(',')), unresolved: report.unresolved.map((u) => u.reason) });
  } catch (error) {
    deps.log.error('journal.item-settle-failed', { itemId, error });
  }
}

/** What item information (SIP2 17) said, for offline checkouts later (it does not say who holds it,
 * so a hold-shelf item is then nobody's to borrow offline). */
export function rememberItem(deps: CirculationDeps, item: ItemInformation): void {
  if (!item.found) return;
  const status = item.circulationStatus;
  const circulation =
    status === 'available' ? 'available' : status === 'on-hold-shelf' ? 'on-hold-shelf' : isOnLoan(status) ? 'on-loan' : null;
  if (circulation) deps.store.knownItems.remember({ itemId: item.itemId, title: item.title, circulation });
}

export function reportProblem(deps: CirculationDeps, kind: 'checkout' | 'checkin', what: string, details: Record<string, unknown>): void {
  deps.log.warn(`${kind}.${what}`, details);
  deps.problem?.(kind, what);
}
