// Every door attempt, pseudonymous; identities only sealed to the security officer's key.
import type { Migration } from '../db/migrate';

export const migration: Migration = {
  version: 5,
  name: 'access-log',
  up(db) {
    db.exec(`
      CREATE TABLE access_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        door TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('allowed', 'denied')),
        reason TEXT NOT NULL,
        card_key BLOB,
        companion_card_key BLOB,
        identity_sealed BLOB,                  -- sealed box: only the officer's private key opens it
        officer_key_id TEXT                    -- which officer key sealed it (key rotation)
      );
      CREATE INDEX access_log_at ON access_log(at);
      CREATE TABLE access_log_exports (
        id INTEGER PRIMARY KEY,
        exported_at INTEGER NOT NULL,
        exported_by TEXT NOT NULL,
        officer_key_id TEXT NOT NULL,
        range_from INTEGER,
        range_to INTEGER,
        entry_count INTEGER NOT NULL
      );
    `);
  },
};
