// Checkouts, checkins and renewals made while the ILS was unreachable. Replayed in their order
// when it is back, each exactly once: a row is marked 'sending' (and committed) before the
// call, and after a crash a 'sending' row is settled by asking the ILS, never by resending.
import type { Clock } from './clock';
import { type CardKey, type CardKeyer, cardKeyToBlob } from './crypto/card-key';
import type { LocalCipher } from './crypto/local-cipher';
import type { StatementCache } from './db/statements';
import { DAY_MS } from './settings';

export type OfflineKind = 'checkout' | 'checkin' | 'renewal';
export type QueueStatus = 'pending' | 'sending' | 'done' | 'refused';

export interface OfflineTransactionInput {
  kind: OfflineKind;
  itemId: string;
  /** The patron identifier the ILS knows (checkouts and renewals); stored encrypted. */
  patronId?: string | null;
  /** When it happened at the kiosk; the replay sends this as the transaction date. */
  occurredAt?: Date;
}

/** What the replay port receives. */
export interface OfflineTransaction {
  id: number;
  kind: OfflineKind;
  itemId: string;
  patronId: string | null;
  occurredAt: Date;
}

/** A row as diagnostics and staff see it: no patron identity. */
export interface QueuedTransaction {
  id: number;
  kind: OfflineKind;
  itemId: string;
  occurredAt: Date;
  status: QueueStatus;
  attempts: number;
  resolvedAt: Date | null;
  resolvedBy: 'reply' | 'outcome-check' | null;
  ilsMessage: string | null;
  dueDate: string | null;
}

export interface ReplayResult {
  ok: boolean;
  /** The ILS's screen message, kept for staff when it refused. */
  message?: string;
  dueDate?: string;
}

export type OutcomeCheck = 'applied' | 'not-applied' | 'unknown';

export interface ReplayPorts {
  /** Sends one transaction (SIP2 no-block with the original date); throws when the ILS is unreachable. */
  replay(tx: OfflineTransaction): Promise<ReplayResult>;
  /** After a crash mid-send: did the ILS apply it? (e.g. SIP2 17 item information). */
  checkOutcome(tx: OfflineTransaction): Promise<OutcomeCheck>;
}

export interface ReplayReport {
  done: number;
  refused: number;
  settledByCheck: number;
  /** Why the replay stopped before the queue was empty. */
  stoppedBy: null | { id: number; reason: 'ils-error' | 'outcome-unknown'; message: string };
  remaining: number;
}

interface QueueRow {
  id: number;
  kind: OfflineKind;
  item_id: string;
  patron_sealed: Buffer | null;
  occurred_at: number;
  status: QueueStatus;
  attempts: number;
  resolved_at: number | null;
  resolved_by: 'reply' | 'outcome-check' | null;
  ils_message: string | null;
  due_date: string | null;
}

const PURPOSE = 'offline-queue patron';

export class OfflineQueue {
  readonly #sql: StatementCache;
  readonly #clock: Clock;
  readonly #cipher: LocalCipher;
  readonly #cardKey: CardKeyer;
  #running: Promise<ReplayReport> | null = null;

  constructor(sql: StatementCache, clock: Clock, cipher: LocalCipher, cardKey: CardKeyer) {
    this.#sql = sql;
    this.#clock = clock;
    this.#cipher = cipher;
    this.#cardKey = cardKey;
  }

  enqueue(input: OfflineTransactionInput): number {
    const patronId = input.patronId ?? null;
    const result = this.#sql
      .prepare('INSERT INTO offline_transactions (kind, item_id, card_key, patron_sealed, occurred_at) VALUES (?, ?, ?, ?, ?)')
      .run(
        input.kind,
        input.itemId,
        patronId === null ? null : cardKeyToBlob(this.#cardKey(patronId)),
        patronId === null ? null : this.#cipher.seal(patronId, PURPOSE),
        (input.occurredAt ?? this.#clock.now()).getTime(),
      );
    return Number(result.lastInsertRowid);
  }

  /** Takes back a transaction the ILS has not seen yet (the tag write it depended on failed). */
  withdraw(id: number): boolean {
    return this.#sql.prepare(`DELETE FROM offline_transactions WHERE id = ? AND status = 'pending'`).run(id).changes === 1;
  }

  /** Offline checkouts of this patron not yet accepted by the ILS (for `maxItemsOffline`). */
  openCheckouts(cardKey: CardKey): number {
    return (
      this.#sql
        .prepare(`SELECT count(*) AS n FROM offline_transactions WHERE card_key = ? AND kind = 'checkout' AND status IN ('pending', 'sending')`)
        .get(cardKeyToBlob(cardKey)) as { n: number }
    ).n;
  }

  list(filter: { status?: QueueStatus; limit?: number } = {}): QueuedTransaction[] {
    const rows = (
      filter.status
        ? this.#sql.prepare('SELECT * FROM offline_transactions WHERE status = ? ORDER BY id LIMIT ?').all(filter.status, filter.limit ?? -1)
        : this.#sql.prepare('SELECT * FROM offline_transactions ORDER BY id LIMIT ?').all(filter.limit ?? -1)
    ) as QueueRow[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      itemId: row.item_id,
      occurredAt: new Date(row.occurred_at),
      status: row.status,
      attempts: row.attempts,
      resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
      resolvedBy: row.resolved_by,
      ilsMessage: row.ils_message,
      dueDate: row.due_date,
    }));
  }

  counts(): Record<QueueStatus, number> {
    const counts: Record<QueueStatus, number> = { pending: 0, sending: 0, done: 0, refused: 0 };
    for (const row of this.#sql.prepare('SELECT status, count(*) AS n FROM offline_transactions GROUP BY status').all() as Array<{ status: QueueStatus; n: number }>) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  /** Replays everything open, in order. Concurrent calls share one run. */
  replayPending(ports: ReplayPorts): Promise<ReplayReport> {
    this.#running ??= this.#replay(ports).finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  #transaction(row: QueueRow): OfflineTransaction {
    return {
      id: row.id,
      kind: row.kind,
      itemId: row.item_id,
      patronId: row.patron_sealed ? this.#cipher.open(row.patron_sealed, PURPOSE) : null,
      occurredAt: new Date(row.occurred_at),
    };
  }

  #resolve(id: number, status: 'done' | 'refused', by: 'reply' | 'outcome-check', result: ReplayResult | null): void {
    // Once the ILS has the loan, the kiosk no longer needs to know who the patron was.
    const forget = status === 'done' ? ', patron_sealed = NULL, card_key = NULL' : '';
    this.#sql
      .prepare(`UPDATE offline_transactions SET status = ?, resolved_by = ?, resolved_at = ?, ils_message = ?, due_date = ?${forget} WHERE id = ?`)
      .run(status, by, this.#clock.now().getTime(), result?.message ?? null, result?.dueDate ?? null, id);
  }

  async #replay(ports: ReplayPorts): Promise<ReplayReport> {
    const report: ReplayReport = { done: 0, refused: 0, settledByCheck: 0, stoppedBy: null, remaining: 0 };
    const next = () =>
      this.#sql.prepare(`SELECT * FROM offline_transactions WHERE status IN ('pending', 'sending') ORDER BY id LIMIT 1`).get() as QueueRow | undefined;
    for (let row = next(); row; row = next()) {
      const tx = this.#transaction(row);
      if (row.status === 'sending') {
        // A crash (or an error) left it unknown whether the ILS applied it: ask, do not resend.
        let outcome: OutcomeCheck;
        try {
          outcome = await ports.checkOutcome(tx);
        } catch (error) {
          report.stoppedBy = { id: row.id, reason: 'ils-error', message: (error as Error).message };
          break;
        }
        if (outcome === 'unknown') {
          report.stoppedBy = { id: row.id, reason: 'outcome-unknown', message: 'the ILS could not tell whether it was applied' };
          break;
        }
        if (outcome === 'applied') {
          this.#resolve(row.id, 'done', 'outcome-check', null);
          report.settledByCheck += 1;
          continue;
        }
        this.#sql.prepare(`UPDATE offline_transactions SET status = 'pending' WHERE id = ?`).run(row.id);
      }
      this.#sql
        .prepare(`UPDATE offline_transactions SET status = 'sending', attempts = attempts + 1, sent_at = ? WHERE id = ?`)
        .run(this.#clock.now().getTime(), row.id);
      let result: ReplayResult;
      try {
        result = await ports.replay(tx);
      } catch (error) {
        // Left 'sending': the next run asks the ILS what happened.
        report.stoppedBy = { id: row.id, reason: 'ils-error', message: (error as Error).message };
        break;
      }
      this.#resolve(row.id, result.ok ? 'done' : 'refused', 'reply', result);
      if (result.ok) report.done += 1;
      else report.refused += 1;
    }
    const counts = this.counts();
    report.remaining = counts.pending + counts.sending;
    return report;
  }

  /** Deletes resolved rows older than the loan-record retention. */
  purgeResolved(now: Date, keepDays: number): number {
    return this.#sql
      .prepare(`DELETE FROM offline_transactions WHERE status IN ('done', 'refused') AND resolved_at <= ?`)
      .run(now.getTime() - keepDays * DAY_MS).changes;
  }
}
