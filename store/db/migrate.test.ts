import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../../test/store/helpers';
import { StoreError } from '../errors';
import { migrations } from '../migrations';
import { latestVersion, migrate, type Migration, schemaVersion } from './migrate';

let tmp: TempDir;
afterEach(() => tmp?.cleanup());

function freshDb(): Database.Database {
  tmp = tempDir();
  return new Database(path.join(tmp.dir, 'test.sqlite'));
}

describe('migrations', () => {
  it('has one file per migration, named NNNN-name.ts after its version and name', () => {
    const files = readdirSync(path.join(import.meta.dirname, '../migrations'))
      .filter((f) => /^\d{4}-/.test(f))
      .sort();
    expect(files).toEqual(migrations.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`));
  });

  it('brings an empty database to the latest version and records it in user_version', () => {
    const db = freshDb();
    expect(migrate(db, migrations)).toEqual({ from: 0, to: latestVersion(migrations) });
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual([
      'access_log',
      'access_log_exports',
      'card_failures',
      'card_locks',
      'door_failures',
      'journal_entries',
      'journal_steps',
      'known_items',
      'loan_records',
      'offline_transactions',
      'patron_credentials',
      'sqlite_sequence',
    ]);
    expect(migrate(db, migrations)).toEqual({ from: latestVersion(migrations), to: latestVersion(migrations) });
    db.close();
  });

  it('refuses a database written by a newer kiosk, with a clear message, and leaves it alone', () => {
    const db = freshDb();
    db.pragma('user_version = 99');
    expect(() => migrate(db, migrations, 'kiosk.sqlite')).toThrowError(
      expect.objectContaining({ code: 'database-newer-than-code', message: expect.stringMatching(new RegExp(`kiosk\\.sqlite has schema version 99, but this kiosk knows only versions up to ${latestVersion(migrations)}\\b`)) }),
    );
    expect(schemaVersion(db)).toBe(99);
    db.close();
  });

  it('keeps the journal steps of a version-7 database when the undo step is added (0008)', () => {
    const db = freshDb();
    migrate(db, migrations.slice(0, 7));
    db.prepare(`INSERT INTO journal_entries (kind, item_id, tag_uids, mode, started_at) VALUES ('checkout', 'I1', '["t1"]', 'online', 1)`).run();
    db.prepare(`INSERT INTO journal_steps (entry_id, step, started_at, finished_at, outcome) VALUES (1, 'ils', 1, 2, 'ok')`).run();
    migrate(db, migrations);
    expect(db.prepare('SELECT entry_id, step, outcome FROM journal_steps').all()).toEqual([{ entry_id: 1, step: 'ils', outcome: 'ok' }]);
    db.prepare(`INSERT INTO journal_steps (entry_id, step, started_at) VALUES (1, 'undo', 3)`).run();
    expect(() => db.prepare(`INSERT INTO journal_steps (entry_id, step, started_at) VALUES (1, 'bogus', 3)`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('rolls a failing migration back completely, user_version included', () => {
    const db = freshDb();
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        d.exec('THIS IS NOT SQL');
      },
    };
    const first: Migration = { version: 1, name: 'first', up: (d) => d.exec('CREATE TABLE first (x INTEGER)') };
    let error: unknown;
    try {
      migrate(db, [first, broken]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/^migration 0002-broken failed and was rolled back/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
    db.close();
  });

  it('rejects a list that is not numbered 1, 2, 3...', () => {
    const db = freshDb();
    expect(() => migrate(db, [{ version: 2, name: 'skips-one', up: () => undefined }])).toThrow(/expected 1/);
    db.close();
  });
});
