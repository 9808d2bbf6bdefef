// Repairs checkouts and checkins a crash cut short. Invariant afterwards, for every item whose
// tags can be reached: on loan in the ILS <=> AFI 0xC2 on every tag; otherwise AFI 0x07.
// A checkout cut short is settled by what the ILS says; a checkin cut short during the ILS
// call is finished (the patron has handed the item back).
import type { CheckoutJournal, JournalEntry, JournalStepRecord } from './checkout-journal';
import type { ReplayResult } from './offline-queue';

/** The AFI byte is the gate's theft bit (PROTOCOLS.md). */
export const AFI_IN_LIBRARY = 0x07;
export const AFI_CHECKED_OUT = 0xc2;

/** From SIP2 17 (item information); 'unknown' when the ILS cannot say. */
export type ItemCirculation = 'checked-out' | 'available' | 'on-hold-shelf' | 'in-transit' | 'missing' | 'unknown';

export interface RecoveryPorts {
  itemStatus(itemId: string): Promise<ItemCirculation>;
  /** Writes and verifies the AFI of one tag; throws when the tag cannot be reached. */
  writeAfi(target: { itemId: string; tagUid: string | null }, afi: number): Promise<void>;
  /** Finishes a checkin in the ILS (SIP2 09 with the original date). */
  replay(tx: { kind: 'checkin'; itemId: string; occurredAt: Date }): Promise<ReplayResult>;
}

export type RecoveryAction = 'nothing-had-happened' | 'ils-refused' | 'afi-set-to-checked-out' | 'afi-set-to-in-library' | 'checkin-finished';

export interface RecoveryReport {
  resolved: Array<{ entryId: number; itemId: string; kind: JournalEntry['kind']; actions: RecoveryAction[] }>;
  /** Left open (retried on the next run): the ILS or the tag could not be reached. */
  unresolved: Array<{ entryId: number; itemId: string; reason: string }>;
}

function lastStep(entry: JournalEntry, step: JournalStepRecord['step']): JournalStepRecord | undefined {
  return entry.steps.filter((s) => s.step === step).at(-1);
}

function afiFor(onLoan: boolean): number {
  return onLoan ? AFI_CHECKED_OUT : AFI_IN_LIBRARY;
}

class Unresolved extends Error {}

/** Decides whether the item is on loan now, finishing a cut-short checkin on the way. null: untouched. */
async function settleLoan(entry: JournalEntry, ports: RecoveryPorts, actions: RecoveryAction[]): Promise<boolean | null> {
  const wantsLoan = entry.kind === 'checkout';
  if (entry.mode === 'offline') {
    // Queueing and closing its step commit together: an open or missing step means nothing was queued.
    if (lastStep(entry, 'queue')?.outcome === 'ok') return wantsLoan;
    actions.push('nothing-had-happened');
    return null;
  }
  const ils = lastStep(entry, 'ils');
  if (!ils) {
    actions.push('nothing-had-happened');
    return null;
  }
  if (ils.outcome === 'ok') return wantsLoan;
  if (ils.outcome !== null) {
    actions.push('ils-refused');
    return null;
  }
  let status: ItemCirculation;
  try {
    status = await ports.itemStatus(entry.itemId);
  } catch (error) {
    throw new Unresolved(`the ILS could not be asked about the item: ${(error as Error).message}`);
  }
  if (status === 'unknown') throw new Unresolved('the ILS does not know the item');
  if (entry.kind === 'checkin' && status === 'checked-out') {
    let result: ReplayResult;
    try {
      result = await ports.replay({ kind: 'checkin', itemId: entry.itemId, occurredAt: ils.startedAt });
    } catch (error) {
      throw new Unresolved(`the checkin could not be finished: ${(error as Error).message}`);
    }
    if (!result.ok) {
      actions.push('ils-refused');
      return true;
    }
    actions.push('checkin-finished');
    return false;
  }
  return status === 'checked-out';
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

export async function recoverJournal(journal: CheckoutJournal, ports: RecoveryPorts): Promise<RecoveryReport> {
  const report: RecoveryReport = { resolved: [], unresolved: [] };
  for (const entry of journal.openEntries()) {
    const actions: RecoveryAction[] = [];
    try {
      const onLoan = await settleLoan(entry, ports, actions);
      if (onLoan !== null) {
        // Written even when the AFI step closed: a rewrite is harmless, a missed one is not.
        await writeAfiEverywhere(entry, onLoan, ports);
        actions.push(onLoan ? 'afi-set-to-checked-out' : 'afi-set-to-in-library');
      }
    } catch (error) {
      if (!(error instanceof Unresolved)) throw error;
      report.unresolved.push({ entryId: entry.id, itemId: entry.itemId, reason: error.message });
      continue;
    }
    journal.finish(entry.id, 'recovered', actions.join(','));
    report.resolved.push({ entryId: entry.id, itemId: entry.itemId, kind: entry.kind, actions });
  }
  return report;
}
