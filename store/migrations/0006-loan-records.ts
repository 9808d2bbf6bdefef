// What the kiosk keeps about a loan or return (receipts), until the retention rules remove it.
import type { Migration } from '../db/migrate';

export const migration: Migration = {
  version: 6,
  name: 'loan-records',
  up(db) {
    db.exec(`
      CREATE TABLE loan_records (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL,
        title TEXT,
        card_key BLOB,                         -- NULL once anonymised
        loaned_at INTEGER,                     -- NULL for a return of an item lent elsewhere
        due_date TEXT,
        returned_at INTEGER,
        fee_attached INTEGER NOT NULL DEFAULT 0,
        fee_paid_at INTEGER,
        anonymised_at INTEGER
      );
      CREATE INDEX loan_records_item ON loan_records(item_id, returned_at);
      CREATE INDEX loan_records_returned ON loan_records(returned_at);
    `);
  },
};
