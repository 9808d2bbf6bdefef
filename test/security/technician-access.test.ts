// Attacks on technician access and on browser mode's bridge, through the real process:
// `kiosk start --browser` on the embedded default (simulated devices and ILS, demo technician
// code), driven the way a local program or a person at the screen would, then the access log
// read back from the SQLite file.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openStore } from '../../store/index';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEMO_CODE = '246810';
const WRONG_CODES = ['111111', '222222', '333333', '444444', '555555'];
/** Wednesday 10:00 in Copenhagen: inside Hvidovre's unstaffed hours (nobody on staff). */
const UNSTAFFED = '2026-11-18T10:00:00+01:00';
/** Wednesday 23:30: outside unstaffed hours (the building is closed). */
const OUTSIDE_UNSTAFFED = '2026-11-18T23:30:00+01:00';

interface Kiosk {
  url: string;
  port: number;
  output(): string;
  events(prefix: string): Record<string, unknown>[];
  stop(): Promise<void>;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.().catch(() => undefined);
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kiosk-technician-'));
  cleanups.unshift(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function run(dir: string, args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kiosk.js'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

const URL_LINE = /open (http:\/\/127\.0\.0\.1:(\d+)\/\S*)/;

/** `kiosk start --browser` on the embedded default, with its data in `dir/kiosk-data`. */
async function startKiosk(dir: string, clock: string): Promise<Kiosk> {
  const proc = run(dir, ['start', '--browser', '--port', '0', '--clock', clock]);
  const stop = async () => {
    if (proc.child.exitCode === null && proc.child.signalCode === null) {
      proc.child.kill('SIGTERM');
      const timer = setTimeout(() => proc.child.kill('SIGKILL'), 5000);
      await proc.exited;
      clearTimeout(timer);
    }
  };
  cleanups.push(stop);
  const printed = await until(() => URL_LINE.test(proc.output()) || proc.child.exitCode !== null, 20_000);
  const match = URL_LINE.exec(proc.output());
  if (!printed || !match) throw new Error(`the kiosk printed no URL:\n${proc.output()}`);
  const events = (prefix: string) =>
    proc
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => typeof line.event === 'string' && line.event.startsWith(prefix));
  return { url: match[1]!, port: Number(match[2]), output: proc.output, events, stop };
}

/** What the page's first load gets: the session cookie (if the server sets one). */
async function pageCookie(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

type Connected = { ok: true; ws: WebSocket; frames: string[] } | { ok: false; status: number };

/** A WebSocket to /bridge with the page's own Origin and Host (trivial for a local program to send). */
function connect(port: number, cookie?: string): Promise<Connected> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge`, {
      origin: `http://127.0.0.1:${port}`,
      headers: cookie ? { cookie } : {},
    });
    cleanups.push(async () => ws.terminate());
    // Recorded from the start: the first view may arrive in the same read as the handshake.
    const frames: string[] = [];
    ws.on('message', (data) => frames.push(String(data)));
    ws.once('open', () => resolve({ ok: true, ws, frames }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ok: false, status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', () => resolve({ ok: false, status: 0 }));
  });
}

interface Screen {
  view(): Record<string, unknown> & { screen: Record<string, unknown> };
  send(event: Record<string, unknown>): void;
}

async function openScreen(kiosk: Kiosk): Promise<Screen> {
  const connected = await connect(kiosk.port, await pageCookie(kiosk.url));
  if (!connected.ok) throw new Error(`the real screen could not connect (${connected.status})`);
  type View = Record<string, unknown> & { screen: Record<string, unknown> };
  const latest = (): View | null => {
    const views = connected.frames.map((f) => JSON.parse(f) as { channel: string; view: View }).filter((f) => f.channel === 'kiosk:view');
    return views.at(-1)?.view ?? null;
  };
  if (!(await until(() => latest() !== null, 5000))) throw new Error('the real screen got no view');
  return {
    view: () => latest()!,
    send: (event) => connected.ws.send(JSON.stringify({ channel: 'kiosk:event', event })),
  };
}

/** Types a code on the start screen's Service field and waits for the runtime's verdict. */
async function enterCode(kiosk: Kiosk, screen: Screen, code: string): Promise<void> {
  const before = kiosk.events('technician.').length;
  screen.send({ type: 'TECHNICIAN_CODE', code });
  // The verdict is a log line; without one (no logging at all), give the check a moment.
  await until(() => kiosk.events('technician.').length > before, 3000);
  await until(() => screen.view().screen.name !== 'please-wait', 3000);
}

function accessLogReasons(dir: string): { decision: string; reason: string }[] {
  const store = openStore({ dataDir: path.join(dir, 'kiosk-data') });
  try {
    return store.accessLog
      .list({})
      .filter((e) => e.reason.startsWith('technician'))
      .map((e) => ({ decision: e.decision, reason: e.reason }))
      .sort((a, b) => a.reason.localeCompare(b.reason));
  } finally {
    store.close();
  }
}

describe('technician access through `kiosk start --browser`', () => {
  it('refuses a site file that holds the technician code in clear, and says how to hash it', async () => {
    const dir = await tempDir();
    const config = path.join(dir, 'site.json');
    await writeFile(config, JSON.stringify({ library: 'hvidovre', branch: 'Hovedbiblioteket', dataDir: 'data', ils: { transport: 'simulated' }, httpPort: 0, technicianCode: DEMO_CODE }));
    const proc = run(dir, ['start', '--browser', '--port', '0', '--config', config]);
    cleanups.push(async () => proc.child.kill('SIGKILL'));
    await until(() => proc.child.exitCode !== null || URL_LINE.test(proc.output()), 20_000);
    expect(URL_LINE.test(proc.output()), 'the kiosk started with a clear-text technician code').toBe(false);
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toMatch(/technicianCodeHash/);
    expect(proc.output()).toMatch(/kiosk technician-code/);
    expect(proc.output()).not.toContain(DEMO_CODE);
  }, 30_000);

  it('a local program that forges the Origin header cannot take the screen slots: the real screen still connects', async () => {
    const dir = await tempDir();
    const kiosk = await startKiosk(dir, UNSTAFFED);
    const forged = await Promise.all(Array.from({ length: 8 }, () => connect(kiosk.port)));
    // The screen the runtime served still gets in (no 503), and sees the start screen.
    const screen = await openScreen(kiosk);
    expect(screen.view().screen.name).toBe('start');
    expect(forged.map((c) => (c.ok ? 'connected' : c.status))).toEqual(Array(8).fill(401));
    const wrongCookie = await connect(kiosk.port, `kiosk_key_${kiosk.port}=${'0'.repeat(43)}`);
    expect(wrongCookie.ok ? 'connected' : wrongCookie.status).toBe(401);
  }, 40_000);

  it('serves the page only with the start key, which a Chromium launcher reads from a 0600 file', async () => {
    const dir = await tempDir();
    const kiosk = await startKiosk(dir, UNSTAFFED);
    expect((await fetch(`http://127.0.0.1:${kiosk.port}/`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${kiosk.port}/?key=${'A'.repeat(43)}`, { redirect: 'manual' })).status).toBe(401);
    const cookie = await pageCookie(kiosk.url);
    expect(cookie).toMatch(/^kiosk_key_\d+=/);
    expect((await fetch(`http://127.0.0.1:${kiosk.port}/`, { headers: { cookie } })).status).toBe(200);
    const keyFile = path.join(dir, 'kiosk-data', 'browser-url');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await readFile(keyFile, 'utf8')).trim()).toBe(kiosk.url);
  }, 40_000);

  it('locks technician access after 5 wrong codes, refuses even the right code, and keeps the lock across a restart', async () => {
    const dir = await tempDir();
    let kiosk = await startKiosk(dir, UNSTAFFED);
    let screen = await openScreen(kiosk);
    for (const code of WRONG_CODES) {
      await enterCode(kiosk, screen, code);
      expect(screen.view().screen.name).toBe('start');
    }
    await enterCode(kiosk, screen, DEMO_CODE);
    expect(screen.view().screen).toMatchObject({ name: 'start', notice: 'technician-locked' });
    const firstOutput = kiosk.output();
    await kiosk.stop();

    kiosk = await startKiosk(dir, UNSTAFFED);
    screen = await openScreen(kiosk);
    await enterCode(kiosk, screen, DEMO_CODE);
    expect(screen.view().screen).toMatchObject({ name: 'start', notice: 'technician-locked' });
    const secondOutput = kiosk.output();
    await kiosk.stop();

    for (const code of [DEMO_CODE, ...WRONG_CODES]) expect(firstOutput + secondOutput).not.toContain(code);
    // Both runs start their clocks at the same instant, so the rows are compared as a set.
    expect(accessLogReasons(dir)).toEqual([
      ...Array(4).fill({ decision: 'denied', reason: 'technician-code-wrong' }),
      { decision: 'denied', reason: 'technician-locked' },
      { decision: 'denied', reason: 'technician-locked' },
      { decision: 'denied', reason: 'technician-locked-out' },
    ]);
  }, 60_000);

  it('outside unstaffed hours the lock pulse works and leaves an access-log row and a log line', async () => {
    const dir = await tempDir();
    const kiosk = await startKiosk(dir, OUTSIDE_UNSTAFFED);
    const screen = await openScreen(kiosk);
    await enterCode(kiosk, screen, DEMO_CODE);
    expect(screen.view().screen.name).toBe('diagnostics');
    screen.send({ type: 'LOCK_PULSE' });
    await until(() => screen.view().screen.lock != null, 5000);
    expect(screen.view().screen.lock).toEqual({ ok: true });
    expect(kiosk.events('technician.lock-pulse')).toHaveLength(1);
    await kiosk.stop();
    expect(accessLogReasons(dir)).toEqual([
      { decision: 'allowed', reason: 'technician-code-ok' },
      { decision: 'allowed', reason: 'technician-lock-pulse' },
    ]);
  }, 40_000);

  it('during unstaffed hours the lock pulse is refused, the screen says why, and the refusal is logged', async () => {
    const dir = await tempDir();
    const kiosk = await startKiosk(dir, UNSTAFFED);
    const screen = await openScreen(kiosk);
    await enterCode(kiosk, screen, DEMO_CODE);
    expect(screen.view().screen.name).toBe('diagnostics');
    screen.send({ type: 'LOCK_PULSE' });
    await until(() => screen.view().screen.lock != null, 5000);
    expect(screen.view().screen.lock).toEqual({ ok: false, refused: 'unstaffed-hours' });
    expect(kiosk.events('technician.lock-pulse-refused')).toHaveLength(1);
    await kiosk.stop();
    expect(accessLogReasons(dir)).toEqual([
      { decision: 'allowed', reason: 'technician-code-ok' },
      { decision: 'denied', reason: 'technician-pulse-refused' },
    ]);
  }, 40_000);
});
