// Failed PIN attempts per card and per door, kept across restarts for brute-force protection.
import type { Migration } from '../db/migrate';

export const migration: Migration = {
  version: 2,
  name: 'pin-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE card_failures (
        id INTEGER PRIMARY KEY,
        card_key BLOB NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX card_failures_card ON card_failures(card_key, at);
      CREATE INDEX card_failures_at ON card_failures(at);
      CREATE TABLE door_failures (
        id INTEGER PRIMARY KEY,
        door TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX door_failures_door ON door_failures(door, at);
      CREATE TABLE card_locks (
        card_key BLOB PRIMARY KEY,
        locked_until INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
