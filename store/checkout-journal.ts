// The crash-safe journal of checkouts and checkins: a row is committed before each step
// (ILS call, offline queueing, AFI write) and closed after it, so a restart knows exactly
// which step may have been cut short. `recoverJournal` repairs from it.
import type { Clock } from './clock';
import type { StatementCache } from './db/statements';
import type { OfflineQueue, OfflineTransactionInput } from './offline-queue';
import { DAY_MS } from './settings';

export type JournalKind = 'checkout' | 'checkin';
/** 'undo' takes back what the ILS did when the tags could not follow (its own step, so a crash
 * during it is repaired towards the undo, never back to the loan). */
export type JournalStep = 'ils' | 'afi' | 'queue' | 'undo';
export type StepOutcome = 'ok' | 'refused' | 'failed';

export interface JournalEntryInput {
  kind: JournalKind;
  itemId: string;
  /** Every tag of the item (all parts of a set carry the same AFI). */
  tagUids: string[];
  mode: 'online' | 'offline';
}

export interface JournalStepRecord {
  id: number;
  step: JournalStep;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: StepOutcome | null;
}

export interface JournalEntry extends JournalEntryInput {
  id: number;
  offlineTxId: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string | null;
  note: string | null;
  steps: JournalStepRecord[];
}

interface EntryRow {
  id: number;
  kind: JournalKind;
  item_id: string;
  tag_uids: string;
  mode: 'online' | 'offline';
  offline_tx_id: number | null;
  started_at: number;
  finished_at: number | null;
  outcome: string | null;
  note: string | null;
}

interface StepRow {
  id: number;
  step: JournalStep;
  started_at: number;
  finished_at: number | null;
  outcome: StepOutcome | null;
}

export class CheckoutJournal {
  readonly #sql: StatementCache;
  readonly #clock: Clock;
  readonly #queue: OfflineQueue;

  constructor(sql: StatementCache, clock: Clock, queue: OfflineQueue) {
    this.#sql = sql;
    this.#clock = clock;
    this.#queue = queue;
  }

  #now(): number {
    return this.#clock.now().getTime();
  }

  begin(input: JournalEntryInput): number {
    const result = this.#sql
      .prepare('INSERT INTO journal_entries (kind, item_id, tag_uids, mode, started_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.kind, input.itemId, JSON.stringify(input.tagUids), input.mode, this.#now());
    return Number(result.lastInsertRowid);
  }

  /** Commits the intent to run `step`; returns the step row's id for `finishStep`. */
  startStep(entryId: number, step: JournalStep): number {
    const result = this.#sql.prepare('INSERT INTO journal_steps (entry_id, step, started_at) VALUES (?, ?, ?)').run(entryId, step, this.#now());
    return Number(result.lastInsertRowid);
  }

  finishStep(stepId: number, outcome: StepOutcome): void {
    this.#sql.prepare('UPDATE journal_steps SET finished_at = ?, outcome = ? WHERE id = ?').run(this.#now(), outcome, stepId);
  }

  /**
   * Runs `action` between an opening and a closing row. If it throws, the step stays open:
   * whether it took effect is unknown, and recovery will find out.
   */
  async step<T>(entryId: number, step: JournalStep, action: () => Promise<T>, outcomeOf: (result: T) => StepOutcome = () => 'ok'): Promise<T> {
    const stepId = this.startStep(entryId, step);
    const result = await action();
    this.finishStep(stepId, outcomeOf(result));
    return result;
  }

  /** Offline: queueing the transaction and closing its step are one SQLite transaction. */
  queueOffline(entryId: number, tx: OfflineTransactionInput): number {
    return this.#sql.transaction(() => {
      const stepId = this.startStep(entryId, 'queue');
      const txId = this.#queue.enqueue(tx);
      this.#sql.prepare('UPDATE journal_entries SET offline_tx_id = ? WHERE id = ?').run(txId, entryId);
      this.finishStep(stepId, 'ok');
      return txId;
    });
  }

  /**
   * Takes back what `queueOffline` queued when the tag write failed: the queue row goes and a failed
   * 'queue' step is recorded in the same transaction, so recovery sees that nothing was queued.
   */
  withdrawOffline(entryId: number): boolean {
    return this.#sql.transaction(() => {
      const row = this.#sql.prepare('SELECT offline_tx_id AS txId FROM journal_entries WHERE id = ?').get(entryId) as { txId: number | null } | undefined;
      if (row?.txId == null) return false;
      const withdrawn = this.#queue.withdraw(row.txId);
      if (!withdrawn) return false;
      this.finishStep(this.startStep(entryId, 'queue'), 'failed');
      this.#sql.prepare('UPDATE journal_entries SET offline_tx_id = NULL WHERE id = ?').run(entryId);
      return true;
    });
  }

  finish(entryId: number, outcome: string, note: string | null = null): void {
    this.#sql.prepare('UPDATE journal_entries SET finished_at = ?, outcome = ?, note = ? WHERE id = ?').run(this.#now(), outcome, note, entryId);
  }

  /** Entries of one item left open, oldest first (it is on the pad again: settle them first). */
  openEntriesFor(itemId: string): JournalEntry[] {
    const rows = this.#sql.prepare('SELECT * FROM journal_entries WHERE finished_at IS NULL AND item_id = ? ORDER BY id').all(itemId) as EntryRow[];
    return rows.map((row) => this.#toEntry(row));
  }

  /** Closes a step a thrown action left open, once its outcome has been learnt another way. */
  closeOpenStep(entryId: number, step: JournalStep, outcome: StepOutcome): void {
    this.#sql
      .prepare('UPDATE journal_steps SET finished_at = ?, outcome = ? WHERE entry_id = ? AND step = ? AND finished_at IS NULL')
      .run(this.#now(), outcome, entryId, step);
  }

  /** Keeps an entry open for recovery, with a note for staff on why it could not be settled. */
  leaveOpen(entryId: number, note: string): void {
    this.#sql.prepare('UPDATE journal_entries SET note = ? WHERE id = ?').run(note, entryId);
  }

  #toEntry(row: EntryRow): JournalEntry {
    const steps = this.#sql.prepare('SELECT id, step, started_at, finished_at, outcome FROM journal_steps WHERE entry_id = ? ORDER BY id').all(row.id) as StepRow[];
    return {
      id: row.id,
      kind: row.kind,
      itemId: row.item_id,
      tagUids: JSON.parse(row.tag_uids) as string[],
      mode: row.mode,
      offlineTxId: row.offline_tx_id,
      startedAt: new Date(row.started_at),
      finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
      outcome: row.outcome,
      note: row.note,
      steps: steps.map((s) => ({
        id: s.id,
        step: s.step,
        startedAt: new Date(s.started_at),
        finishedAt: s.finished_at === null ? null : new Date(s.finished_at),
        outcome: s.outcome,
      })),
    };
  }

  get(entryId: number): JournalEntry | null {
    const row = this.#sql.prepare('SELECT * FROM journal_entries WHERE id = ?').get(entryId) as EntryRow | undefined;
    return row ? this.#toEntry(row) : null;
  }

  /** Entries a crash (or an unknown outcome) left unfinished, oldest first. */
  openEntries(): JournalEntry[] {
    const rows = this.#sql.prepare('SELECT * FROM journal_entries WHERE finished_at IS NULL ORDER BY id').all() as EntryRow[];
    return rows.map((row) => this.#toEntry(row));
  }

  /** Finished entries are only history; they go after the loan-record retention. */
  purgeFinished(now: Date, keepDays: number): number {
    return this.#sql.prepare('DELETE FROM journal_entries WHERE finished_at IS NOT NULL AND finished_at <= ?').run(now.getTime() - keepDays * DAY_MS).changes;
  }
}
