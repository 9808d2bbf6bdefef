import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FakeKioskHost } from '../../test/browser/fake-kiosk-host';
import { DEFAULT_BROWSER_PORT } from '../screen-launcher';
import { type SiteConfig } from '../config';
import { type CliIo, UsageError } from './command';
import { commands } from './commands';
import { parseStartArgs, runStart, type StartDeps } from './start-command';

function recordingIo(): CliIo & { out: ReturnType<typeof vi.fn>; err: ReturnType<typeof vi.fn>; lines: () => string[] } {
  const out = vi.fn();
  const err = vi.fn();
  return { out, err, lines: () => [...out.mock.calls, ...err.mock.calls].map((c) => String(c[0])) };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function deps(overrides: Partial<Omit<StartDeps, 'signals'>> = {}): StartDeps & { signals: EventEmitter; host: FakeKioskHost<unknown> } {
  const host = new FakeKioskHost<unknown>({ screen: 'start' });
  const signals = new EventEmitter();
  return {
    host,
    signals,
    electronBinary: () => null,
    runElectron: vi.fn(async () => 0),
    startKiosk: vi.fn(async () => host) as unknown as StartDeps['startKiosk'],
    loadConfig: vi.fn(() => ({ dataDir }) as SiteConfig),
    ...overrides,
  };
}

describe('parseStartArgs', () => {
  it('reads every option', () => {
    expect(parseStartArgs(['--browser', '--port', '0', '--config', 'site.json', '--clock', '2026-03-29T01:59:00+01:00'])).toEqual({
      browser: true,
      port: 0,
      configFile: 'site.json',
      clock: '2026-03-29T01:59:00+01:00',
    });
    expect(parseStartArgs([])).toEqual({ browser: false, port: DEFAULT_BROWSER_PORT });
  });

  it.each([
    [['--port', 'http'], '--port http is not a port number (0-65535; 0 picks a free one)'],
    [['--port', '65536'], '--port 65536 is not a port number (0-65535; 0 picks a free one)'],
    [['--port=-1'], '--port -1 is not a port number (0-65535; 0 picks a free one)'],
    [['--clock', 'noon'], '--clock noon is not an ISO time, e.g. 2026-03-29T01:59:00+01:00'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseStartArgs(argv)).toThrow(new UsageError(message));
  });

  it('refuses unknown options and stray arguments', () => {
    expect(() => parseStartArgs(['--kiosk'])).toThrow(UsageError);
    expect(() => parseStartArgs(['now'])).toThrow(UsageError);
  });
});

describe('runStart', () => {
  it('is registered as `kiosk start`', () => {
    expect(commands.map((c) => c.name)).toContain('start');
  });

  it('falls back to browser mode without Electron, prints the URL with its key (also in a 0600 file), and shuts down on SIGTERM', async () => {
    const io = recordingIo();
    const d = deps();
    const running = runStart(['--port', '0', '--clock', '2026-03-29T01:59:00+01:00'], io, d);
    await vi.waitFor(() => expect(io.out).toHaveBeenCalled());
    const url = /open (http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{43}) /.exec(String(io.out.mock.calls[0]?.[0]))?.[1];
    expect(url).toBeDefined();
    const first = await fetch(url ?? '', { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await fetch(new URL('/', url).href)).status).toBe(401);
    const keyFile = path.join(dataDir, 'browser-url');
    expect(readFileSync(keyFile, 'utf8')).toBe(`${url}\n`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    d.signals.emit('SIGTERM');
    expect(await running).toBe(0);
    expect(d.host.shutdowns).toBe(1);
    expect(() => statSync(keyFile)).toThrow();
    expect(io.lines()).toContain("kiosk start: Electron's binary is not installed; using browser mode (see README, 'Electron shell and packaging')");
    const startOptions = vi.mocked(d.startKiosk).mock.calls[0]?.[0];
    expect(vi.mocked(d.loadConfig)).toHaveBeenCalledWith(undefined);
    expect(startOptions?.config).toEqual({ dataDir });
    expect(startOptions?.clock?.now().getTime()).toBeGreaterThanOrEqual(new Date('2026-03-29T00:59:00Z').getTime());
  });

  it('uses Electron when its binary is installed', async () => {
    const d = deps({ electronBinary: () => '/opt/electron/electron' });
    expect(await runStart(['--config', 'site.json'], recordingIo(), d)).toBe(0);
    expect(d.runElectron).toHaveBeenCalledWith('/opt/electron/electron', { configFile: 'site.json', clock: undefined });
    expect(d.startKiosk).not.toHaveBeenCalled();
  });

  it('--browser forces browser mode even with Electron installed', async () => {
    const d = deps({ electronBinary: () => '/opt/electron/electron' });
    const io = recordingIo();
    const running = runStart(['--browser', '--port', '0'], io, d);
    await vi.waitFor(() => expect(io.out).toHaveBeenCalled());
    d.signals.emit('SIGINT');
    expect(await running).toBe(0);
    expect(d.runElectron).not.toHaveBeenCalled();
    expect(io.lines().some((l) => l.includes('not installed'))).toBe(false);
  });

  it('exits 2 with the reason when the runtime does not start', async () => {
    const io = recordingIo();
    const d = deps({
      startKiosk: (async () => {
        throw new Error('site.json is not a valid configuration: library: unknown');
      }) as StartDeps['startKiosk'],
    });
    expect(await runStart(['--browser', '--port', '0'], io, d)).toBe(2);
    expect(io.lines()).toContain('kiosk start: the kiosk runtime did not start: site.json is not a valid configuration: library: unknown');
  });

  it('exits 2 with a clear message when the port is taken, with the runtime shut down', async () => {
    const blocker = recordingIo();
    const first = deps();
    const running = runStart(['--browser', '--port', '0'], blocker, first);
    await vi.waitFor(() => expect(blocker.out).toHaveBeenCalled());
    const port = /:(\d+)\//.exec(String(blocker.out.mock.calls[0]?.[0]))?.[1] ?? '';
    const io = recordingIo();
    const second = deps();
    expect(await runStart(['--browser', '--port', port], io, second)).toBe(2);
    expect(io.lines()).toContain(`kiosk start: port ${port} on 127.0.0.1 is in use; choose another with --port`);
    expect(second.host.shutdowns).toBe(1);
    first.signals.emit('SIGTERM');
    await running;
  });
});
