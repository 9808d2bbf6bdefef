// A card the library has blocked (not for fees, not lost) keeps its holder out at the door too,
// offline as well: the cache keeps that apart from a block on borrowing only.
import type { Migration } from '../db/migrate';

export const migration: Migration = {
  version: 7,
  name: 'door-blocked',
  up(db) {
    db.exec('ALTER TABLE patron_credentials ADD COLUMN door_blocked INTEGER NOT NULL DEFAULT 0;');
  },
};
