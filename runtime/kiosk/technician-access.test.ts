import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashTechnicianCode, openStore, type Store } from '../../store/index';
import { jsonLogger } from '../log';
import { TechnicianAccess, type TechnicianAccessDeps } from './technician-access';

const CODE = '97531086';
const FAST = { N: 1024, r: 8, p: 1 };

let dir: string;
let store: Store;
afterEach(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setUp(overrides: Partial<TechnicianAccessDeps> = {}) {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-technician-'));
  let now = new Date('2026-11-18T23:30:00+01:00');
  const clock = { now: () => now };
  store = openStore({ dataDir: dir, clock, pinAttempts: { cardMaxFailures: 3, cardWindowMinutes: 15, cardLockMinutes: 30 } });
  const lines: string[] = [];
  const release = vi.fn(async () => undefined);
  const access = new TechnicianAccess({
    store,
    clock,
    log: jsonLogger({ write: (line) => lines.push(line), now: clock.now }),
    door: 'door-1',
    codeHash: await hashTechnicianCode(CODE, FAST),
    unstaffed: () => false,
    release,
    sleep: async () => undefined,
    ...overrides,
  });
  const rows = () => store.accessLog.list().map((e) => `${e.decision} ${e.reason}${e.cardKey ? ' card' : ''}`);
  return { access, lines, release, rows, later: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

describe('technician code', () => {
  it('opens diagnostics with the right code, with a row and a log line that never hold the code', async () => {
    const t = await setUp();
    expect(await t.access.checkCode(CODE)).toBe(true);
    expect(t.rows()).toEqual(['allowed technician-code-ok']);
    expect(t.lines.map((l) => JSON.parse(l).event)).toEqual(['technician.code-ok']);
    expect(t.lines.join('')).not.toContain(CODE);
  });

  it('locks out after the PIN limit of wrong codes, refuses the right one unchecked, and unlocks after the lock time', async () => {
    const t = await setUp();
    const answers = [];
    for (const code of ['111111', '222222', '333333']) answers.push(await t.access.checkCode(code));
    expect(answers).toEqual([false, false, 'locked']);
    expect(await t.access.checkCode(CODE)).toBe('locked');
    expect(t.rows()).toEqual(['denied technician-code-wrong', 'denied technician-code-wrong', 'denied technician-locked-out', 'denied technician-locked']);
    expect(t.lines.map((l) => JSON.parse(l).event)).toEqual(['technician.code-wrong', 'technician.code-wrong', 'technician.locked-out', 'technician.locked']);
    t.later(31);
    expect(await t.access.checkCode(CODE)).toBe(true);
  });

  it('keeps the lock-out in the database (a restart does not clear it)', async () => {
    const t = await setUp();
    for (const code of ['111111', '222222', '333333']) await t.access.checkCode(code);
    const again = new TechnicianAccess({ store, clock: { now: () => new Date('2026-11-18T23:31:00+01:00') }, log: jsonLogger({ write: () => undefined }), door: 'door-1', codeHash: await hashTechnicianCode(CODE, FAST), unstaffed: () => false, release: async () => undefined });
    expect(await again.checkCode(CODE)).toBe('locked');
  });

  it("does not slow or lock patrons' cards: its failures count under a pseudo card of their own", async () => {
    const t = await setUp();
    for (const code of ['111111', '222222', '333333']) await t.access.checkCode(code);
    expect(store.pinAttempts.check(store.cardKey('0103801001'), 'door-1')).toEqual({ allowed: true, delayMs: 0 });
  });

  it('refuses everyone when no hash is configured, and still counts and logs it', async () => {
    const t = await setUp({ codeHash: undefined });
    expect(await t.access.checkCode(CODE)).toBe(false);
    expect(t.rows()).toEqual(['denied technician-code-wrong']);
  });

  it('waits out the current slow-down before a refusal', async () => {
    const sleep = vi.fn(async () => undefined);
    const t = await setUp({ sleep });
    for (let i = 0; i < 10; i += 1) store.pinAttempts.recordFailure(null, 'technician:door-1');
    expect(await t.access.checkCode('000000')).toBe(false);
    expect(sleep).toHaveBeenCalledWith(expect.any(Number));
    expect((sleep.mock.calls[0] as unknown as [number])[0]).toBeGreaterThanOrEqual(1000);
  });

  it('enters nothing when the access log cannot be written', async () => {
    const t = await setUp();
    vi.spyOn(store.accessLog, 'record').mockImplementation(() => {
      throw new Error('disk full');
    });
    await expect(t.access.checkCode(CODE)).rejects.toThrow('disk full');
  });
});

describe('lock pulse from diagnostics', () => {
  it('outside unstaffed hours: logs the pulse, then releases the lock', async () => {
    const t = await setUp();
    expect(await t.access.pulseLock(1000)).toEqual({ ok: true });
    expect(t.release).toHaveBeenCalledWith(1000);
    expect(t.rows()).toEqual(['allowed technician-lock-pulse']);
    expect(t.lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ event: 'technician.lock-pulse', door: 'door-1', ms: 1000 })]);
  });

  it('during unstaffed hours: refused, logged, lock untouched', async () => {
    const t = await setUp({ unstaffed: () => true });
    expect(await t.access.pulseLock(1000)).toEqual({ ok: false, refused: 'unstaffed-hours' });
    expect(t.release).not.toHaveBeenCalled();
    expect(t.rows()).toEqual(['denied technician-pulse-refused']);
  });

  it('never pulses without its access-log row', async () => {
    const t = await setUp();
    vi.spyOn(store.accessLog, 'record').mockImplementation(() => {
      throw new Error('disk full');
    });
    await expect(t.access.pulseLock(1000)).rejects.toThrow('disk full');
    expect(t.release).not.toHaveBeenCalled();
  });
});
