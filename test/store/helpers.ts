// Shared fixtures for the store's tests: temp data folders, a clock tests can move, cheap PIN
// hashing, and raw-byte search over database files.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../store/index';
import type { Clock } from '../../store/clock';
import type { ScryptCost } from '../../store/crypto/pin-hash';

/** Real scrypt, small cost: the tests hash hundreds of PINs. */
export const FAST_PIN_COST: ScryptCost = { N: 256, r: 8, p: 1 };

export const DAY = 86_400_000;
export const MINUTE = 60_000;

export class MovingClock implements Clock {
  #at: number;
  constructor(start: string | Date = '2026-03-02T10:00:00Z') {
    this.#at = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#at);
  }
  advance(ms: number): Date {
    this.#at += ms;
    return this.now();
  }
}

export interface TempDir {
  dir: string;
  cleanup(): void;
}

export function tempDir(prefix = 'kiosk-store-'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTestStore(dataDir: string, clock: Clock, options: Partial<StoreOptions> = {}): Store {
  return openStore({ dataDir, clock, pinHashCost: FAST_PIN_COST, ...options });
}

/** The database file and its WAL, as raw bytes (empty when a file does not exist). */
export function databaseBytes(file: string): { db: Buffer; wal: Buffer } {
  const read = (f: string) => (existsSync(f) ? readFileSync(f) : Buffer.alloc(0));
  return { db: read(file), wal: read(`${file}-wal`) };
}

export function containsBytes(haystack: Buffer, needle: string | Buffer): boolean {
  return haystack.includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle);
}
