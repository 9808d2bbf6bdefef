import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, tempDir, type TempDir } from '../../test/store/helpers';
import { asideStamp, purgeMovedAside } from './moved-aside';

let tmp: TempDir;
afterEach(() => tmp?.cleanup());

const prefixes = ['kiosk.sqlite.corrupt-', 'installation-secret.invalid-'];
const MOVED = new Date('2026-03-02T10:15:30Z');

function folderWith(names: string[]): string {
  tmp = tempDir('kiosk-aside-');
  for (const name of names) writeFileSync(path.join(tmp.dir, name), 'x');
  return tmp.dir;
}

describe('moved-aside copies', () => {
  it('are named with the UTC time to the second', () => {
    expect(asideStamp(new Date('2026-03-02T10:15:30.999Z'))).toBe('20260302T101530Z');
  });

  it('are kept for keepDays after the time in their name, then deleted with their -wal/-shm and numbered twins', () => {
    const copies = ['kiosk.sqlite.corrupt-20260302T101530Z', 'kiosk.sqlite.corrupt-20260302T101530Z-wal', 'kiosk.sqlite.corrupt-20260302T101530Z-2-shm'];
    const dir = folderWith([...copies, 'installation-secret.invalid-20260303T000000Z']);
    const justBefore = new Date(MOVED.getTime() + 7 * DAY - 1000);
    expect(purgeMovedAside({ dir, prefixes, now: justBefore, keepDays: 7 })).toEqual({ deleted: [], failed: [] });
    const result = purgeMovedAside({ dir, prefixes, now: new Date(MOVED.getTime() + 7 * DAY), keepDays: 7 });
    expect(result.deleted).toEqual([...copies].sort());
    expect(readdirSync(dir)).toEqual(['installation-secret.invalid-20260303T000000Z']);
  });

  it('go at once when stamped more than a day ahead of the clock (no trustworthy age)', () => {
    const dir = folderWith(['kiosk.sqlite.corrupt-20990101T000000Z', 'kiosk.sqlite.corrupt-20260302T200000Z']);
    purgeMovedAside({ dir, prefixes, now: MOVED, keepDays: 7 });
    expect(readdirSync(dir)).toEqual(['kiosk.sqlite.corrupt-20260302T200000Z']); // hours ahead: a clock step, kept
  });

  it('a data folder that cannot be listed (not a folder, no access) is a failure, not a silent nothing', () => {
    const file = path.join(folderWith(['not-a-folder']), 'not-a-folder');
    expect(purgeMovedAside({ dir: file, prefixes, now: MOVED, keepDays: 7 })).toEqual({ deleted: [], failed: [{ file: '.', code: 'ENOTDIR' }] });
  });

  it('leave every other file alone, and a missing folder is no error', () => {
    const others = ['kiosk.sqlite', 'kiosk.sqlite-wal', 'kiosk.sqlite.corrupt-notatime', 'kiosk.sqlite.corrupt-20260302T101530Z.bak', 'x.corrupt-20200101T000000Z'];
    const dir = folderWith(others);
    expect(purgeMovedAside({ dir, prefixes, now: new Date('2030-01-01T00:00:00Z'), keepDays: 1 }).deleted).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([...others].sort());
    expect(purgeMovedAside({ dir: path.join(dir, 'gone'), prefixes, now: MOVED, keepDays: 1 })).toEqual({ deleted: [], failed: [] });
  });
});
