// What the kiosk keeps about a loan or a return (for receipts and the offline queue), and the
// retention that removes the patron from it: 30 days after the return, or, when a fee is
// attached, once the fee is paid.
import type { Clock } from './clock';
import { type CardKey, type CardKeyer, cardKeyFromBlob, cardKeyToBlob } from './crypto/card-key';
import type { StatementCache } from './db/statements';
import { DAY_MS, type LoanRecordSettings } from './settings';

export interface LoanRecord {
  id: number;
  itemId: string;
  title: string | null;
  cardKey: CardKey | null;
  loanedAt: Date | null;
  dueDate: string | null;
  returnedAt: Date | null;
  feeAttached: boolean;
  feePaidAt: Date | null;
  anonymisedAt: Date | null;
}

interface LoanRow {
  id: number;
  item_id: string;
  title: string | null;
  card_key: Buffer | null;
  loaned_at: number | null;
  due_date: string | null;
  returned_at: number | null;
  fee_attached: number;
  fee_paid_at: number | null;
  anonymised_at: number | null;
}

function toRecord(row: LoanRow): LoanRecord {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    id: row.id,
    itemId: row.item_id,
    title: row.title,
    cardKey: row.card_key ? cardKeyFromBlob(row.card_key) : null,
    loanedAt: date(row.loaned_at),
    dueDate: row.due_date,
    returnedAt: date(row.returned_at),
    feeAttached: row.fee_attached === 1,
    feePaidAt: date(row.fee_paid_at),
    anonymisedAt: date(row.anonymised_at),
  };
}

/** Which rows have outlived their reason to name the patron, at `now`. */
const EXPIRED = `(
    (returned_at IS NOT NULL AND fee_attached = 0 AND returned_at <= @afterReturn)
 OR (fee_attached = 1 AND fee_paid_at IS NOT NULL AND fee_paid_at <= @now)
 OR (returned_at IS NULL AND fee_attached = 0 AND loaned_at <= @unreturned))`;

export class LoanRecords {
  readonly #sql: StatementCache;
  readonly #clock: Clock;
  readonly #cardKey: CardKeyer;
  readonly #s: LoanRecordSettings;

  constructor(sql: StatementCache, clock: Clock, cardKey: CardKeyer, settings: LoanRecordSettings) {
    this.#sql = sql;
    this.#clock = clock;
    this.#cardKey = cardKey;
    this.#s = settings;
  }

  recordLoan(loan: { itemId: string; cardNumber: string; title?: string | null; dueDate?: string | null; at?: Date }): number {
    const result = this.#sql
      .prepare('INSERT INTO loan_records (item_id, title, card_key, loaned_at, due_date) VALUES (?, ?, ?, ?, ?)')
      .run(loan.itemId, loan.title ?? null, cardKeyToBlob(this.#cardKey(loan.cardNumber)), (loan.at ?? this.#clock.now()).getTime(), loan.dueDate ?? null);
    return Number(result.lastInsertRowid);
  }

  /** Closes the item's open loan made here, or records a return of an item lent elsewhere. */
  recordReturn(ret: { itemId: string; title?: string | null; at?: Date }): number {
    const at = (ret.at ?? this.#clock.now()).getTime();
    return this.#sql.transaction(() => {
      const open = this.#sql.prepare('SELECT id FROM loan_records WHERE item_id = ? AND returned_at IS NULL AND loaned_at IS NOT NULL ORDER BY id DESC LIMIT 1').get(ret.itemId) as
        | { id: number }
        | undefined;
      if (open) {
        this.#sql.prepare('UPDATE loan_records SET returned_at = ? WHERE id = ?').run(at, open.id);
        return open.id;
      }
      return Number(this.#sql.prepare('INSERT INTO loan_records (item_id, title, returned_at) VALUES (?, ?, ?)').run(ret.itemId, ret.title ?? null, at).lastInsertRowid);
    });
  }

  /** A late fee or a replacement charge keeps the record until it is paid. */
  attachFee(recordId: number): void {
    this.#sql.prepare('UPDATE loan_records SET fee_attached = 1 WHERE id = ?').run(recordId);
  }

  feePaid(recordId: number, at: Date = this.#clock.now()): void {
    this.#sql.prepare('UPDATE loan_records SET fee_paid_at = ? WHERE id = ? AND fee_attached = 1').run(at.getTime(), recordId);
  }

  get(recordId: number): LoanRecord | null {
    const row = this.#sql.prepare('SELECT * FROM loan_records WHERE id = ?').get(recordId) as LoanRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** The patron's loans recorded at this kiosk and not yet returned (for a receipt). */
  openLoansOf(cardNumber: string): LoanRecord[] {
    const rows = this.#sql
      .prepare('SELECT * FROM loan_records WHERE card_key = ? AND returned_at IS NULL ORDER BY id')
      .all(cardKeyToBlob(this.#cardKey(cardNumber))) as LoanRow[];
    return rows.map(toRecord);
  }

  /** Deletes or anonymises (per settings) every record past its retention. */
  purgeExpired(now: Date = this.#clock.now()): number {
    const params = {
      now: now.getTime(),
      afterReturn: now.getTime() - this.#s.keepAfterReturnDays * DAY_MS,
      unreturned: now.getTime() - this.#s.forgetUnreturnedAfterDays * DAY_MS,
    };
    if (this.#s.action === 'delete') return this.#sql.prepare(`DELETE FROM loan_records WHERE ${EXPIRED}`).run(params).changes;
    return this.#sql.prepare(`UPDATE loan_records SET card_key = NULL, anonymised_at = @now WHERE card_key IS NOT NULL AND ${EXPIRED}`).run(params).changes;
  }
}
