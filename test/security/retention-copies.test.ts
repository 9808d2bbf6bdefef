// Retention covers every copy: a damaged database the store moved aside (with its -wal/-shm) and
// an invalid installation secret it moved aside hold the same personal data and key material as
// the live files, so the same purge (at start-up and hourly) deletes them within the retention
// period, here through the store and through the real `kiosk door` process with --clock.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../runtime/config';
import { jsonLogger } from '../../runtime/log';
import { openSite } from '../../runtime/setup/open-site';
import { DATABASE_FILE, type StoreWarning } from '../../store/index';
import { doorBench, type DoorBench, type JsonLinesProcess, kiosk, startIlsSim } from '../door/door-harness';
import { containsBytes, DAY, databaseBytes, MINUTE, MovingClock, openTestStore, tempDir, type TempDir } from '../store/helpers';

const CPR = '2512857391';

/**
 * A real store file with access-log rows in the file and in its WAL (copied while the store was
 * open), then damaged so that SQLite cannot read it: the store moves both aside.
 */
function damagedDatabase(dataDir: string, clock: MovingClock): void {
  const store = openTestStore(dataDir, clock);
  for (let i = 0; i < 30; i += 1) store.accessLog.record({ door: `front-${i}`, decision: 'allowed', reason: 'ok', cardNumber: CPR });
  store.checkpoint();
  for (let i = 0; i < 30; i += 1) store.accessLog.record({ door: `back-${i}`, decision: 'denied', reason: 'wrong-pin', cardNumber: CPR });
  const file = path.join(dataDir, DATABASE_FILE);
  const wal = readFileSync(`${file}-wal`);
  store.close();
  const bytes = readFileSync(file);
  bytes.fill(0xa5, 0, 16); // the header: SQLite no longer knows the file
  writeFileSync(file, bytes);
  writeFileSync(`${file}-wal`, wal);
}

/** What the store moved aside and never cleaned up: corrupt copies and invalid secrets. */
const movedAside = (dir: string) => readdirSync(dir).filter((f) => f.includes('.corrupt-') || f.includes('.invalid-')).sort();

describe('copies the store moves aside (openStore + purgeExpired, a moving clock)', () => {
  let tmp: TempDir;
  afterEach(() => tmp.cleanup());

  it('are deleted, with their -wal, within the retention period of the data they hold, and say which files', () => {
    tmp = tempDir('kiosk-retention-copies-');
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    damagedDatabase(tmp.dir, clock);
    writeFileSync(path.join(tmp.dir, 'installation-secret'), 'not a secret', { mode: 0o600 });
    const deleted: string[] = [];
    const warnings: StoreWarning[] = [];
    const store = openTestStore(tmp.dir, clock, { onWarning: (w) => warnings.push(w), onFilesDeleted: (files) => deleted.push(...files) });
    try {
      expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['corrupt-database-moved-aside', 'secret-invalid-moved-aside']));
      const aside = movedAside(tmp.dir);
      expect(aside).toEqual([
        'installation-secret.invalid-20260302T101530Z',
        `${DATABASE_FILE}.corrupt-20260302T101530Z`,
        `${DATABASE_FILE}.corrupt-20260302T101530Z-wal`,
      ]);
      // The start-up purge keeps a fresh copy: the forensic window has just begun.
      expect(deleted).toEqual([]);

      clock.advance(DAY);
      expect(store.purgeExpired().movedAsideFiles).toBe(0);
      expect(movedAside(tmp.dir)).toEqual(aside);

      clock.advance(29 * DAY + MINUTE); // past any retention period (at most 30 days)
      const report = store.purgeExpired();
      expect(movedAside(tmp.dir)).toEqual([]);
      expect(report.movedAsideFiles).toBe(3);
      expect(deleted.sort()).toEqual(aside); // file names only, no folder, no content
      expect(store.accessLog.count()).toBe(0);
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      store.close();
    }
  });

  it('are gone no later than the shortest retention of what they hold (a 3-day access log here)', () => {
    tmp = tempDir('kiosk-retention-copies-');
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    damagedDatabase(tmp.dir, clock);
    const store = openTestStore(tmp.dir, clock, { accessLog: { retentionDays: 3 } });
    try {
      expect(movedAside(tmp.dir)).toHaveLength(2);
      clock.advance(3 * DAY - MINUTE);
      store.purgeExpired();
      expect(movedAside(tmp.dir)).toHaveLength(2);
      clock.advance(2 * MINUTE);
      store.purgeExpired();
      expect(movedAside(tmp.dir)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('are purged by a store opened later (the copy outlives the process that made it)', () => {
    tmp = tempDir('kiosk-retention-copies-');
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    damagedDatabase(tmp.dir, clock);
    openTestStore(tmp.dir, clock).close();
    expect(movedAside(tmp.dir)).toHaveLength(2);
    clock.advance(31 * DAY);
    openTestStore(tmp.dir, clock).close(); // the start-up purge
    expect(movedAside(tmp.dir)).toEqual([]);
    expect(existsSync(path.join(tmp.dir, DATABASE_FILE))).toBe(true);
  });

  it('leave files the store did not make alone', () => {
    tmp = tempDir('kiosk-retention-copies-');
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    const keep = ['notes.txt', `${DATABASE_FILE}.corrupt-yesterday`, `other.sqlite.corrupt-20200101T000000Z`, 'access-log-officer.pub'];
    for (const name of keep) writeFileSync(path.join(tmp.dir, name), 'x');
    const store = openTestStore(tmp.dir, clock);
    clock.advance(400 * DAY);
    store.purgeExpired();
    store.close();
    for (const name of keep) expect(existsSync(path.join(tmp.dir, name))).toBe(true);
  });
});

describe('old page images in the WAL', () => {
  let tmp: TempDir;
  afterEach(() => tmp.cleanup());

  it('of data deleted outside the retention purge (a forgotten card) are gone after the next hourly purge', async () => {
    tmp = tempDir('kiosk-retention-wal-');
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    const store = openTestStore(tmp.dir, clock);
    try {
      const facts = { birthDate: null, ageBand: '18+', cardLost: false, excludedFromUnstaffed: false, blocked: false, feesDkk: null } as const;
      await store.credentials.remember({ ...facts, cardNumber: CPR, pin: '8293' });
      const hash = /scrypt[^$]*\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}/.exec(databaseBytes(store.file).wal.toString('latin1'))?.[0];
      if (!hash) throw new Error('the PIN hash was not written to the WAL');
      expect(store.credentials.forget(CPR)).toBe(true); // the ILS said the card is gone
      const before = databaseBytes(store.file);
      expect(containsBytes(Buffer.concat([before.db, before.wal]), hash)).toBe(true); // the old frame is still there
      clock.advance(60 * MINUTE);
      store.purgeExpired(); // nothing has expired
      const after = databaseBytes(store.file);
      expect(containsBytes(Buffer.concat([after.db, after.wal]), hash)).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('copies the store moves aside, by the site services\' periodic purge', () => {
  let tmp: TempDir;
  afterEach(() => tmp.cleanup());

  it('go while the site runs, without a restart, and the log names them', async () => {
    tmp = tempDir('kiosk-retention-copies-');
    const clock = new MovingClock('2026-03-02T10:15:30Z');
    damagedDatabase(tmp.dir, clock);
    const lines: Array<Record<string, unknown>> = [];
    const log = jsonLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const site = await openSite(defaultConfig(tmp.dir), { clock, log, purgeEveryMs: 20 });
    try {
      expect(movedAside(tmp.dir)).toHaveLength(2);
      clock.advance(30 * DAY + MINUTE);
      for (let i = 0; i < 100 && movedAside(tmp.dir).length > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(movedAside(tmp.dir)).toEqual([]);
      expect(lines.find((l) => l.event === 'retention.files-deleted')?.files).toEqual([
        `${DATABASE_FILE}.corrupt-20260302T101530Z`,
        `${DATABASE_FILE}.corrupt-20260302T101530Z-wal`,
      ]);
      expect(site.metrics.render()).toMatch(/kiosk_purged_rows_total\{table="movedAsideFiles"\} 2/);
    } finally {
      await site.close();
    }
  });
});

describe('copies the store moves aside, through `kiosk door --clock`', () => {
  const T0 = '2026-11-20T10:00:00+01:00';
  const at = (days: number) => new Date(new Date(T0).getTime() + days * DAY).toISOString();
  let ils: { proc: JsonLinesProcess; port: number };
  let bench: DoorBench;

  beforeAll(async () => {
    ils = await startIlsSim();
    bench = await doorBench(ils.port, 500);
  }, 30_000);
  afterAll(async () => {
    await ils?.proc.stop();
    await bench?.close();
  });

  async function runDoorAt(iso: string): Promise<JsonLinesProcess> {
    const door = kiosk(['door', '--config', bench.configFile, '--clock', iso]);
    try {
      await door.next((l) => l.event === 'door.ready', 15_000);
    } finally {
      await door.stop();
    }
    return door;
  }

  it('a damaged database found at start-up is kept for the forensic window, then deleted and logged by name', async () => {
    const dataDir = path.join(bench.dir, 'data');
    damagedDatabase(dataDir, new MovingClock(T0));
    const first = await runDoorAt(T0);
    expect(first.lines.some((l) => l.event === 'store.warning' && JSON.stringify(l).includes('corrupt-database-moved-aside'))).toBe(true);
    const aside = movedAside(dataDir);
    expect(aside.length).toBeGreaterThanOrEqual(2);

    await runDoorAt(at(1));
    expect(movedAside(dataDir)).toEqual(aside);

    const later = await runDoorAt(at(30));
    expect(movedAside(dataDir)).toEqual([]);
    const line = later.lines.find((l) => l.event === 'retention.files-deleted');
    expect(line?.files).toEqual(aside);
    expect(later.text.join('\n')).not.toContain(CPR);
  }, 60_000);
});
