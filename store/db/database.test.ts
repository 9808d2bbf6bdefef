import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MovingClock, openTestStore, tempDir, type TempDir } from '../../test/store/helpers';
import type { StoreWarning } from '../errors';
import { migrations } from '../migrations';
import { DATABASE_FILE } from '../open-store';
import { openDatabase } from './database';
import { latestVersion } from './migrate';
import { StatementCache } from './statements';

let tmp: TempDir;
afterEach(() => tmp?.cleanup());

describe('opening the store database', () => {
  it('sets WAL, foreign keys and secure_delete', () => {
    tmp = tempDir();
    const db = openDatabase(path.join(tmp.dir, 'x.sqlite'), { now: () => new Date(), warn: () => undefined });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('moves a garbage file aside with a timestamp, says so, and starts an empty store', () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, DATABASE_FILE);
    const garbage = Buffer.from('this is not an SQLite database, just garbage bytes \x00\x01\x02'.repeat(100));
    writeFileSync(file, garbage);
    writeFileSync(`${file}-wal`, 'junk wal');
    const warnings: StoreWarning[] = [];
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    const store = openTestStore(tmp.dir, clock, { onWarning: (w) => warnings.push(w) });

    const moved = `${file}.corrupt-20260302T101530Z`;
    expect(warnings[0]).toEqual({
      code: 'corrupt-database-moved-aside',
      message: expect.stringContaining(`was moved to ${moved} and an empty store started`),
      movedTo: moved,
    });
    expect(store.warnings[0]?.code).toBe('corrupt-database-moved-aside');
    expect(readFileSync(moved)).toEqual(garbage);
    expect(readFileSync(`${moved}-wal`, 'utf8')).toBe('junk wal');
    expect(store.migration).toEqual({ from: 0, to: latestVersion(migrations) });
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  });

  it('moves aside a file with an SQLite header but damaged pages', () => {
    tmp = tempDir();
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    const first = openTestStore(tmp.dir, clock);
    for (let i = 0; i < 60; i += 1) first.accessLog.record({ door: `door-${i}-${'x'.repeat(300)}`, decision: 'denied', reason: 'unknown-card' });
    first.close();
    const file = path.join(tmp.dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(4 * 4096);
    bytes.fill(0xa5, 4096, bytes.length); // everything after the first page
    writeFileSync(file, bytes);
    const warnings: StoreWarning[] = [];
    const second = openTestStore(tmp.dir, clock, { onWarning: (w) => warnings.push(w) });
    expect(warnings.map((w) => w.code)).toContain('corrupt-database-moved-aside');
    expect(readFileSync(`${file}.corrupt-20260302T101530Z`)).toEqual(bytes);
    expect(second.accessLog.count()).toBe(0);
    second.close();
  });

  it('refuses a database from a newer kiosk without moving it aside', () => {
    tmp = tempDir();
    const clock = new MovingClock();
    openTestStore(tmp.dir, clock).close();
    const file = path.join(tmp.dir, DATABASE_FILE);
    const db = openDatabase(file, { now: () => new Date(), warn: () => undefined });
    const newer = latestVersion(migrations) + 1;
    db.pragma(`user_version = ${newer}`);
    db.close();
    expect(() => openTestStore(tmp.dir, clock)).toThrow(`schema version ${newer}, but this kiosk knows only versions up to ${newer - 1}`);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('never overwrites an earlier moved-aside file', () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, DATABASE_FILE);
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    writeFileSync(file, 'garbage one'.repeat(50));
    openTestStore(tmp.dir, clock).close();
    writeFileSync(file, 'garbage two'.repeat(50));
    openTestStore(tmp.dir, clock).close();
    const aside = readdirSync(tmp.dir).filter((f) => f.includes('.corrupt-') && !f.endsWith('-wal') && !f.endsWith('-shm')).sort();
    expect(aside).toEqual([`${DATABASE_FILE}.corrupt-20260302T101530Z`, `${DATABASE_FILE}.corrupt-20260302T101530Z-2`]);
    expect(readFileSync(path.join(tmp.dir, aside[0] as string), 'utf8')).toMatch(/^garbage one/);
    expect(readFileSync(path.join(tmp.dir, aside[1] as string), 'utf8')).toMatch(/^garbage two/);
  });

  it('keeps a healthy database and its data across restarts', () => {
    tmp = tempDir();
    const clock = new MovingClock();
    const first = openTestStore(tmp.dir, clock);
    first.accessLog.record({ door: 'front', decision: 'denied', reason: 'wrong-pin' });
    first.close();
    const second = openTestStore(tmp.dir, clock);
    expect(second.accessLog.count()).toBe(1);
    expect(second.warnings.filter((w) => w.code === 'corrupt-database-moved-aside')).toEqual([]);
    expect(existsSync(path.join(tmp.dir, `${DATABASE_FILE}.corrupt`))).toBe(false);
    second.close();
  });

  it('prepares each statement once and reuses it', () => {
    tmp = tempDir();
    const db = openDatabase(path.join(tmp.dir, 'x.sqlite'), { now: () => new Date(), warn: () => undefined });
    const sql = new StatementCache(db);
    const a = sql.prepare('SELECT 1 AS one');
    const b = sql.prepare('SELECT 1 AS one');
    expect(a).toBe(b);
    expect(sql.size).toBe(1);
    db.close();
  });
});
