import path from 'node:path';
import { existsSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { FakeKioskHost } from '../test/browser/fake-kiosk-host';
import { ELECTRON_BUILD_SCRIPT, ELECTRON_MAIN, electronArgs, PROJECT_ROOT, RENDERER_DIR, electronBinary, runChild, runElectron, type Spawn, startBrowserMode, untilSignal } from './screen-launcher';

describe('electronBinary', () => {
  it('is the path the electron package names, when that file exists', () => {
    expect(electronBinary(() => '/opt/electron/electron', (f) => f === '/opt/electron/electron')).toBe('/opt/electron/electron');
  });

  it('is null when the binary was never downloaded (the package throws) or the file is gone', () => {
    const throwing = () => {
      throw new Error('Electron failed to install correctly');
    };
    expect(electronBinary(throwing, () => true)).toBeNull();
    expect(electronBinary(() => '/opt/electron/electron', () => false)).toBeNull();
    expect(electronBinary(() => ({ not: 'a path' }), () => true)).toBeNull();
  });

  it('is null in this checkout, where Electron is installed without its binary', () => {
    expect(electronBinary()).toBeNull();
  });
});

describe('electronArgs', () => {
  it('passes the main script, then the config (absolute) and the clock', () => {
    expect(electronArgs('/app/dist/electron/main.mjs', { configFile: '/etc/kiosk/site.json', clock: '2026-03-29T01:59:00+01:00' })).toEqual([
      '/app/dist/electron/main.mjs',
      '--config',
      '/etc/kiosk/site.json',
      '--clock',
      '2026-03-29T01:59:00+01:00',
    ]);
    expect(electronArgs('/m.mjs', {})).toEqual(['/m.mjs']);
  });
});

/** A spawn that records commands and lets the test end each child. */
function fakeSpawn(exitCodes: number[]) {
  const calls: Array<{ command: string; args: string[]; killed: string[] }> = [];
  const spawn: Spawn = (command, args) => {
    const child = new EventEmitter() as EventEmitter & { kill(signal: string): boolean };
    const call = { command, args, killed: [] as string[] };
    calls.push(call);
    child.kill = (signal: string) => {
      call.killed.push(signal);
      return true;
    };
    const code = exitCodes.shift() ?? 0;
    setImmediate(() => child.emit('exit', code, null));
    return child as unknown as ReturnType<Spawn>;
  };
  return { spawn, calls };
}

class FakeSignals extends EventEmitter {}

describe('runChild and runElectron', () => {
  it('returns the child exit code and forwards SIGTERM to it', async () => {
    const signals = new FakeSignals();
    const { spawn, calls } = fakeSpawn([3]);
    const done = runChild('/bin/thing', ['a'], spawn, signals);
    signals.emit('SIGTERM');
    expect(await done).toBe(3);
    expect(calls).toEqual([{ command: '/bin/thing', args: ['a'], killed: ['SIGTERM'] }]);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('bundles the shell with tsx, then runs Electron on the bundle', async () => {
    const { spawn, calls } = fakeSpawn([0, 0]);
    expect(await runElectron('/opt/electron/electron', { clock: '2026-01-01T10:00:00Z' }, spawn, new FakeSignals())).toBe(0);
    expect(calls.map((c) => [c.command, c.args])).toEqual([
      [process.execPath, ['--import', 'tsx', ELECTRON_BUILD_SCRIPT]],
      ['/opt/electron/electron', [ELECTRON_MAIN, '--clock', '2026-01-01T10:00:00Z']],
    ]);
  });

  it('does not start Electron when the bundle fails', async () => {
    const { spawn, calls } = fakeSpawn([1]);
    expect(await runElectron('/opt/electron/electron', {}, spawn, new FakeSignals())).toBe(1);
    expect(calls).toHaveLength(1);
  });
});

describe('startBrowserMode', () => {
  it('serves on 127.0.0.1 and, on stop, closes the server before shutting the runtime down', async () => {
    const host = new FakeKioskHost({ screen: 'start' });
    const mode = await startBrowserMode({ createHost: async () => host, port: 0 });
    expect(mode.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{43}$/);
    const res = await fetch(mode.server.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect((await fetch(mode.server.origin)).status).toBe(401);
    await Promise.all([mode.stop(), mode.stop()]);
    expect(host.shutdowns).toBe(1);
    expect(host.subscriberCount()).toBe(0);
  });

  it('shuts the runtime down when the port is taken, and reports the error', async () => {
    const first = await startBrowserMode({ createHost: async () => new FakeKioskHost({}), port: 0 });
    const host = new FakeKioskHost({});
    await expect(startBrowserMode({ createHost: async () => host, port: first.server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(host.shutdowns).toBe(1);
    await first.stop();
  });
});

describe('untilSignal', () => {
  it('resolves with the first signal and removes its listeners', async () => {
    const signals = new FakeSignals();
    const waiting = untilSignal(signals);
    signals.emit('SIGINT');
    expect(await waiting).toBe('SIGINT');
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });
});

describe('where the launcher looks', () => {
  it('finds the project (its package.json) from where the module lives', () => {
    expect(existsSync(path.join(PROJECT_ROOT, 'package.json'))).toBe(true);
    expect(RENDERER_DIR).toBe(path.join(PROJECT_ROOT, 'dist', 'renderer'));
  });
});
