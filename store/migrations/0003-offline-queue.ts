// Checkouts, checkins and renewals made while the ILS was unreachable, replayed in order later.
import type { Migration } from '../db/migrate';

export const migration: Migration = {
  version: 3,
  name: 'offline-queue',
  up(db) {
    db.exec(`
      CREATE TABLE offline_transactions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so it is also the replay order
        kind TEXT NOT NULL CHECK (kind IN ('checkout', 'checkin', 'renewal')),
        item_id TEXT NOT NULL,
        card_key BLOB,                         -- pseudonymous, counts a patron's offline loans
        patron_sealed BLOB,                    -- patron identifier, AES-GCM with the local key
        occurred_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'done', 'refused')),
        attempts INTEGER NOT NULL DEFAULT 0,
        sent_at INTEGER,
        resolved_at INTEGER,
        resolved_by TEXT CHECK (resolved_by IN ('reply', 'outcome-check')),
        ils_message TEXT,
        due_date TEXT
      );
      CREATE INDEX offline_transactions_status ON offline_transactions(status, id);
      CREATE INDEX offline_transactions_card ON offline_transactions(card_key, status);
    `);
  },
};
