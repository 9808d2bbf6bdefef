// Brings a database up to the schema this code knows, one migration per transaction.
import { StoreError } from '../errors';
import type { Db } from './statements';

export interface Migration {
  /** Equals the file's NNNN prefix; becomes `user_version` when the migration commits. */
  version: number;
  name: string;
  up(db: Db): void;
}

export interface MigrationResult {
  from: number;
  to: number;
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

function assertNumberedInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`migration '${m.name}' has version ${m.version}, expected ${index + 1}: migrations must be numbered 1, 2, 3...`);
    }
  });
}

/** Applies every migration newer than the database; refuses a database newer than the code. */
export function migrate(db: Db, migrations: readonly Migration[], file = 'the database'): MigrationResult {
  assertNumberedInOrder(migrations);
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new StoreError(
      'database-newer-than-code',
      `${file} has schema version ${from}, but this kiosk knows only versions up to ${latest}: ` +
        'it was written by a newer kiosk. Install that version again (the data is kept), ' +
        'or move the file aside to start with an empty store.',
    );
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    try {
      db.transaction(() => {
        migration.up(db);
        // user_version lives in the database header, so it commits or rolls back with the rest.
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (error) {
      const label = `${String(migration.version).padStart(4, '0')}-${migration.name}`;
      throw new StoreError('migration-failed', `migration ${label} failed and was rolled back: ${(error as Error).message}`);
    }
  }
  return { from, to: schemaVersion(db) };
}
