// Patron credentials cached after online verification, for offline decisions.
import type { Migration } from '../db/migrate';

export const migration: Migration = {
  version: 1,
  name: 'credential-cache',
  up(db) {
    db.exec(`
      CREATE TABLE patron_credentials (
        card_key BLOB PRIMARY KEY,           -- HMAC-SHA256(card number, installation secret)
        pin_hash TEXT NOT NULL,              -- scrypt$N$r$p$salt$hash
        birth_date TEXT,                     -- YYYY-MM-DD when the ILS sent one
        age_band TEXT,                       -- otherwise a band, e.g. '18+'
        card_lost INTEGER NOT NULL,
        excluded_from_unstaffed INTEGER NOT NULL,
        blocked INTEGER NOT NULL,
        fees_dkk REAL,
        verified_at INTEGER NOT NULL         -- ms since epoch of the last online verification
      ) WITHOUT ROWID;
      CREATE INDEX patron_credentials_verified_at ON patron_credentials(verified_at);
    `);
  },
};
