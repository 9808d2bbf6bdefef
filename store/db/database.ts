// Opens the store's SQLite file with the pragmas the store relies on. A file SQLite cannot
// read is moved aside (kept for inspection, then deleted by the retention purge) and a new one
// started, never overwritten.
import { closeSync, existsSync, openSync, readSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError, type StoreWarning } from '../errors';
import { asideStamp } from './moved-aside';
import type { Db } from './statements';

/** SQLite result codes that mean the file itself is damaged or unreadable. */
const DAMAGE_CODES = /^SQLITE_(NOTADB|CORRUPT|CANTOPEN|IOERR_SHORT_READ|IOERR_READ)/;

class DamagedDatabase extends Error {}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function applyPragmas(db: Db): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new DamagedDatabase(`could not switch to WAL mode (got ${String(mode)})`);
  // FULL: a committed journal row survives a power cut, which the crash recovery relies on.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted rows (expired access log, old credentials) are overwritten with zeros.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Checked before SQLite sees the file: SQLite would tidy a junk -wal away on close. */
function headerProblem(file: string): string | null {
  if (!existsSync(file)) return null;
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return null; // an empty file is an empty database
    return head.subarray(0, read).equals(SQLITE_HEADER) ? null : 'the file does not start with the SQLite header';
  } catch (error) {
    return `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function openChecked(file: string): Db {
  const problem = headerProblem(file);
  if (problem) throw new DamagedDatabase(problem);
  const db = new Database(file);
  try {
    applyPragmas(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabase(`quick_check reported: ${String(check)}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What a damaged file's name gets: `<file>.corrupt-<time>`; retention deletes it later (moved-aside.ts). */
export const CORRUPT_MARK = '.corrupt-';

/** Renames the file (and its -wal/-shm) to `<file>.corrupt-<time>[-wal]`, keeping them paired. */
export function moveAside(file: string, at: Date): string {
  let target = `${file}${CORRUPT_MARK}${asideStamp(at)}`;
  for (let n = 2; existsSync(target); n += 1) target = `${file}${CORRUPT_MARK}${asideStamp(at)}-${n}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

function isDamage(error: unknown): boolean {
  return error instanceof DamagedDatabase || DAMAGE_CODES.test(sqliteCode(error));
}

export interface OpenDatabaseOptions {
  now: () => Date;
  warn: (warning: StoreWarning) => void;
}

export function openDatabase(file: string, { now, warn }: OpenDatabaseOptions): Db {
  try {
    return openChecked(file);
  } catch (error) {
    if (!existsSync(file) || !isDamage(error)) {
      throw new StoreError('database-unusable', `cannot open the store database ${file}: ${(error as Error).message}`);
    }
    const reason = (error as Error).message;
    let movedTo: string;
    try {
      movedTo = moveAside(file, now());
    } catch (renameError) {
      throw new StoreError(
        'database-unusable',
        `the store database ${file} is damaged (${reason}) and could not be moved aside: ${(renameError as Error).message}`,
      );
    }
    warn({
      code: 'corrupt-database-moved-aside',
      message: `the store database ${file} could not be read (${reason}); it was moved to ${movedTo} and an empty store started`,
      movedTo,
    });
    return openChecked(file);
  }
}
