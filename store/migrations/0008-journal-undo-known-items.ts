// The undo of a checkout or checkin is a journal step of its own ('undo'), so a crash during it
// is repaired towards "not lent" and never towards the loan that was being taken back. And the
// items the ILS has told the kiosk about, so an offline checkout lends only what it knows.
import type { Migration } from '../db/migrate';

export const migration: Migration = {
  version: 8,
  name: 'journal-undo-known-items',
  up(db) {
    db.exec(`
      CREATE TABLE journal_steps_v8 (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
        step TEXT NOT NULL CHECK (step IN ('ils', 'afi', 'queue', 'undo')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        outcome TEXT CHECK (outcome IN ('ok', 'refused', 'failed'))
      );
      INSERT INTO journal_steps_v8 (id, entry_id, step, started_at, finished_at, outcome)
        SELECT id, entry_id, step, started_at, finished_at, outcome FROM journal_steps;
      DROP TABLE journal_steps;
      ALTER TABLE journal_steps_v8 RENAME TO journal_steps;
      CREATE INDEX journal_steps_entry ON journal_steps(entry_id);
      CREATE INDEX journal_entries_item_open ON journal_entries(item_id) WHERE finished_at IS NULL;

      CREATE TABLE known_items (
        item_id TEXT PRIMARY KEY,
        title TEXT,
        circulation TEXT NOT NULL CHECK (circulation IN ('available', 'on-loan', 'on-hold-shelf', 'not-for-loan')),
        holder_key BLOB,                       -- keyed hash of the borrower's or hold patron's card
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX known_items_updated ON known_items(updated_at);
    `);
  },
};
