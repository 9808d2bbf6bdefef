// A row before and after each step of a checkout or checkin, so a crash can be repaired.
import type { Migration } from '../db/migrate';

export const migration: Migration = {
  version: 4,
  name: 'checkout-journal',
  up(db) {
    db.exec(`
      CREATE TABLE journal_entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('checkout', 'checkin')),
        item_id TEXT NOT NULL,
        tag_uids TEXT NOT NULL,                -- JSON array: every part of a set
        mode TEXT NOT NULL CHECK (mode IN ('online', 'offline')),
        offline_tx_id INTEGER REFERENCES offline_transactions(id) ON DELETE SET NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        outcome TEXT,
        note TEXT
      );
      CREATE INDEX journal_entries_open ON journal_entries(id) WHERE finished_at IS NULL;
      CREATE INDEX journal_entries_finished ON journal_entries(finished_at);
      CREATE TABLE journal_steps (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
        step TEXT NOT NULL CHECK (step IN ('ils', 'afi', 'queue')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        outcome TEXT CHECK (outcome IN ('ok', 'refused', 'failed'))
      );
      CREATE INDEX journal_steps_entry ON journal_steps(entry_id);
    `);
  },
};
