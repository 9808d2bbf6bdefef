// Copies the store moves aside instead of overwriting them: a damaged database (with its -wal and
// -shm) and an installation secret that did not parse. They hold the same personal data and key
// material as the live files and cannot be purged row by row, so retention deletes each copy
// whole once it has been aside for the keep period. The time a copy was moved aside is in its
// name, written with the store's clock (`<file>.corrupt-20260302T101530Z[-2][-wal|-shm]`).
import { readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { DAY_MS } from '../settings';

/** `20260302T101530Z`: UTC, to the second, safe in a file name. */
export function asideStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function parseStamp(stamp: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface MovedAsidePurge {
  /** The folder the copies lie in. */
  dir: string;
  /** Name prefixes of the copies, e.g. `kiosk.sqlite.corrupt-` and `installation-secret.invalid-`. */
  prefixes: string[];
  now: Date;
  keepDays: number;
}

export interface MovedAsideResult {
  /** File names (no folder) that were deleted. */
  deleted: string[];
  /** File names that could not be deleted, with the error code. */
  failed: Array<{ file: string; code: string }>;
}

/**
 * Deletes every copy aside for `keepDays` or longer. A copy stamped more than a day in the future
 * (the clock was wrong when it was moved, or is wrong now) has no trustworthy age and goes too.
 */
export function purgeMovedAside({ dir, prefixes, now, keepDays }: MovedAsidePurge): MovedAsideResult {
  const pattern = new RegExp(`^(?:${prefixes.map(escape).join('|')})(\\d{8}T\\d{6}Z)(?:-\\d+)?(?:-wal|-shm)?$`);
  const result: MovedAsideResult = { deleted: [], failed: [] };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    // No folder, no copies; any other failure (no access, not a folder) is a failed purge.
    if (code !== 'ENOENT') result.failed.push({ file: '.', code });
    return result;
  }
  for (const name of names.sort()) {
    const movedAt = parseStamp(pattern.exec(name)?.[1] ?? '');
    if (Number.isNaN(movedAt)) continue;
    const age = now.getTime() - movedAt;
    if (age < keepDays * DAY_MS && age > -DAY_MS) continue;
    try {
      unlinkSync(path.join(dir, name));
      result.deleted.push(name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      if (code !== 'ENOENT') result.failed.push({ file: name, code });
    }
  }
  return result;
}
