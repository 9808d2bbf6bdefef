// Repairs checkouts and checkins a crash (or an unreachable ILS or tag) left unsettled.
// Invariant afterwards, for every item whose tags can be reached: a tag reads 0xC2 only if the
// ILS has the item on loan. The journal says what the patron was told:
// - a checkout whose tag write failed, or whose outcome the kiosk could not learn, has an 'undo'
//   step (or a failed 'afi' step): the patron heard "not borrowed", so it is settled towards no
//   loan (tags to 0x07 first, then the loan taken back), never towards the loan being undone;
// - a checkin the kiosk could not finish has an 'undo' step: the patron heard "not returned" and
//   may have taken the item, so the loan is left as it is (and staff are told if the ILS has
//   checked it in all the same);
// - otherwise a crash cut it short, nobody was told anything: a checkout is settled by what the
//   ILS says, a checkin cut short at or after the ILS call is finished (the item was handed in).
import { afiFor } from '../policy';
import type { CheckoutJournal, JournalEntry, JournalStepRecord } from './checkout-journal';
import type { ReplayResult } from './offline-queue';

/** From SIP2 17 (item information); 'unknown' when the ILS cannot say. */
export type ItemCirculation = 'checked-out' | 'available' | 'on-hold-shelf' | 'in-transit' | 'missing' | 'unknown';

export interface RecoveryPorts {
  itemStatus(itemId: string): Promise<ItemCirculation>;
  /** Writes and verifies the AFI of one tag; throws when the tag cannot be reached. */
  writeAfi(target: { itemId: string; tagUid: string | null }, afi: number): Promise<void>;
  /** Checks an item in (SIP2 09 with the given date): finishes a cut-short checkin, or takes back a
   * loan the patron was told had not been made. */
  replay(tx: { kind: 'checkin'; itemId: string; occurredAt: Date }): Promise<ReplayResult>;
}

export type RecoveryAction =
  | 'nothing-had-happened'
  | 'ils-refused'
  | 'afi-set-to-checked-out'
  | 'afi-set-to-in-library'
  | 'checkin-finished'
  | 'loan-taken-back'
  | 'loan-left-with-patron'
  /** The ILS checked in an item the patron was told was not returned (and took): staff must look. */
  | 'needs-staff';

export interface RecoveryReport {
  resolved: Array<{ entryId: number; itemId: string; kind: JournalEntry['kind']; actions: RecoveryAction[] }>;
  /** Left open (retried on the next run): the ILS or the tag could not be reached. */
  unresolved: Array<{ entryId: number; itemId: string; reason: string }>;
}

export interface RecoveryOptions {
  /** Only this item's entries (it has just been placed on the pad again). */
  itemId?: string;
}

function lastStep(entry: JournalEntry, step: JournalStepRecord['step']): JournalStepRecord | undefined {
  return entry.steps.filter((s) => s.step === step).at(-1);
}

/** What the tags read before the kiosk touched them. */
function loanBefore(entry: JournalEntry): boolean {
  return entry.kind === 'checkin';
}

class Unresolved extends Error {}

/** What recovery decided: the loan state to make the tags agree with, and whether a write is needed. */
interface Settlement {
  onLoan: boolean;
  /** False when the tags were never touched and already say `onLoan`. */
  write: boolean;
  outcome?: string;
}

async function statusOf(entry: JournalEntry, ports: RecoveryPorts): Promise<ItemCirculation> {
  let status: ItemCirculation;
  try {
    status = await ports.itemStatus(entry.itemId);
  } catch (error) {
    throw new Unresolved(`the ILS could not be asked about the item: ${(error as Error).message}`);
  }
  if (status === 'unknown') throw new Unresolved('the ILS does not know the item');
  return status;
}

async function checkIn(entry: JournalEntry, ports: RecoveryPorts, at: Date): Promise<ReplayResult> {
  try {
    return await ports.replay({ kind: 'checkin', itemId: entry.itemId, occurredAt: at });
  } catch (error) {
    throw new Unresolved(`the item could not be checked in: ${(error as Error).message}`);
  }
}

async function writeAfiEverywhere(entry: JournalEntry, onLoan: boolean, ports: RecoveryPorts): Promise<void> {
  const tags: Array<string | null> = entry.tagUids.length > 0 ? entry.tagUids : [null];
  for (const tagUid of tags) {
    try {
      await ports.writeAfi({ itemId: entry.itemId, tagUid }, afiFor(onLoan));
    } catch (error) {
      throw new Unresolved(`the AFI could not be written${tagUid ? ` to tag ${tagUid}` : ''}: ${(error as Error).message}`);
    }
  }
}

/** Nothing reached the ILS (or the queue): the tags go back to what they said, if they were touched. */
function untouched(entry: JournalEntry, actions: RecoveryAction[]): Settlement {
  actions.push('nothing-had-happened');
  return { onLoan: loanBefore(entry), write: lastStep(entry, 'afi') !== undefined };
}

/** A checkout the patron was told had not happened: tags to 0x07 first, then no loan. Only a loan
 * the ILS is known to have made (its reply said so) is taken back: after a lost reply, a loan may
 * be another patron's, and staff decide. */
async function takeBackCheckout(entry: JournalEntry, ports: RecoveryPorts, actions: RecoveryAction[]): Promise<Settlement> {
  if (lastStep(entry, 'afi') !== undefined) {
    await writeAfiEverywhere(entry, false, ports);
    actions.push('afi-set-to-in-library');
  }
  if (lastStep(entry, 'undo')?.outcome === 'ok' || (await statusOf(entry, ports)) !== 'checked-out') return { onLoan: false, write: false };
  const ils = lastStep(entry, 'ils');
  if (ils?.outcome !== 'ok') {
    actions.push('needs-staff');
    return { onLoan: true, write: false, outcome: 'needs-staff' };
  }
  const result = await checkIn(entry, ports, ils.startedAt);
  if (!result.ok) throw new Unresolved(`the ILS refused to take the loan back: ${result.message ?? 'no reason given'}`);
  actions.push('loan-taken-back');
  return { onLoan: false, write: false };
}

/** A checkin the patron was told had not happened (and may have taken the item home). */
async function leaveWithPatron(entry: JournalEntry, ports: RecoveryPorts, actions: RecoveryAction[]): Promise<Settlement> {
  if ((await statusOf(entry, ports)) !== 'checked-out') {
    actions.push('needs-staff');
    return { onLoan: false, write: false, outcome: 'needs-staff' };
  }
  actions.push('loan-left-with-patron');
  return { onLoan: true, write: lastStep(entry, 'afi') !== undefined && lastStep(entry, 'undo')?.outcome !== 'ok' };
}

async function settleOnline(entry: JournalEntry, ports: RecoveryPorts, actions: RecoveryAction[]): Promise<Settlement | null> {
  const undoing = lastStep(entry, 'undo') !== undefined;
  if (entry.kind === 'checkout' && (undoing || lastStep(entry, 'afi')?.outcome === 'failed')) return takeBackCheckout(entry, ports, actions);
  if (entry.kind === 'checkin' && undoing) return leaveWithPatron(entry, ports, actions);
  const ils = lastStep(entry, 'ils');
  if (!ils) {
    // A checkin writes 0x07 before the ILS call: the item was handed in, so finish the return.
    if (entry.kind === 'checkin' && lastStep(entry, 'afi') !== undefined) {
      const result = await checkIn(entry, ports, entry.startedAt);
      actions.push(result.ok ? 'checkin-finished' : 'ils-refused');
      return { onLoan: false, write: true };
    }
    return untouched(entry, actions);
  }
  if (ils.outcome === 'ok') return { onLoan: entry.kind === 'checkout', write: true };
  if (ils.outcome !== null) {
    actions.push('ils-refused');
    // A refused checkin may already have set the tags to 0x07: that only ever errs towards the alarm.
    return entry.kind === 'checkin' ? { onLoan: false, write: false } : untouched(entry, []);
  }
  const status = await statusOf(entry, ports);
  if (entry.kind === 'checkin' && status === 'checked-out') {
    const result = await checkIn(entry, ports, ils.startedAt);
    if (!result.ok) {
      actions.push('ils-refused');
      return { onLoan: true, write: lastStep(entry, 'afi') !== undefined };
    }
    actions.push('checkin-finished');
    return { onLoan: false, write: true };
  }
  return { onLoan: status === 'checked-out', write: true };
}

/** Decides what the item's loan is now, settling the ILS side on the way. */
async function settle(entry: JournalEntry, ports: RecoveryPorts, actions: RecoveryAction[]): Promise<Settlement | null> {
  if (entry.mode === 'offline') {
    // Queueing and closing its step commit together: an open, failed or missing step means nothing was queued.
    if (lastStep(entry, 'queue')?.outcome === 'ok') return { onLoan: entry.kind === 'checkout', write: true };
    return untouched(entry, actions);
  }
  return settleOnline(entry, ports, actions);
}

export async function recoverJournal(journal: CheckoutJournal, ports: RecoveryPorts, options: RecoveryOptions = {}): Promise<RecoveryReport> {
  const report: RecoveryReport = { resolved: [], unresolved: [] };
  const entries = options.itemId === undefined ? journal.openEntries() : journal.openEntriesFor(options.itemId);
  for (const entry of entries) {
    const actions: RecoveryAction[] = [];
    let outcome = 'recovered';
    try {
      const settlement = await settle(entry, ports, actions);
      if (settlement?.outcome) outcome = settlement.outcome;
      if (settlement?.write) {
        // Written even when the AFI step closed: a rewrite is harmless, a missed one is not.
        await writeAfiEverywhere(entry, settlement.onLoan, ports);
        actions.push(settlement.onLoan ? 'afi-set-to-checked-out' : 'afi-set-to-in-library');
      }
    } catch (error) {
      if (!(error instanceof Unresolved)) throw error;
      report.unresolved.push({ entryId: entry.id, itemId: entry.itemId, reason: error.message });
      continue;
    }
    journal.finish(entry.id, outcome, actions.join(','));
    report.resolved.push({ entryId: entry.id, itemId: entry.itemId, kind: entry.kind, actions });
  }
  return report;
}
