import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeKioskHost } from '../test/browser/fake-kiosk-host';
import { FakeEmitter, fakeEvent, recordingLogger } from '../test/electron/fakes';
import { type KioskHost } from '../runtime/front-end-port';
import { type ElectronApi, startShell } from './shell';

class FakeWebContents extends FakeEmitter {
  readonly id = 42;
  readonly sent: Array<[string, unknown]> = [];
  reloads = 0;
  zoomLimits: number[] = [];
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  isDestroyed = () => false;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  reload() {
    this.reloads += 1;
  }
  forcefullyCrashRenderer() {}
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  async setVisualZoomLevelLimits(min: number, max: number) {
    this.zoomLimits = [min, max];
  }
}

class FakeWindow extends FakeEmitter {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = false;
  menuRemoved = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
  show() {
    this.shown = true;
  }
  removeMenu() {
    this.menuRemoved = true;
  }
  isDestroyed() {
    return false;
  }
  async loadURL(url: string) {
    this.loaded.push(url);
  }
}

function fakeElectron(singleInstance = true) {
  const app = Object.assign(new FakeEmitter(), {
    calls: [] as string[],
    whenReady: async () => undefined,
    enableSandbox() {
      app.calls.push('enableSandbox');
    },
    requestSingleInstanceLock: () => singleInstance,
    quit() {
      app.calls.push('quit');
      const event = fakeEvent();
      app.emit('before-quit', event);
      if (!event.prevented) app.calls.push('quit-proceeds');
    },
    exit(code = 0) {
      app.calls.push(`exit ${code}`);
    },
  });
  const record = { schemes: [] as unknown[], handled: [] as string[], menu: 'default' as string | null, permissions: 0 };
  const electron: ElectronApi = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: new FakeEmitter(),
    Menu: { setApplicationMenu: (menu) => (record.menu = menu) },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => record.schemes.push(...schemes),
      handle: (scheme) => record.handled.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (record.permissions += 1),
        setPermissionCheckHandler: () => (record.permissions += 1),
        setDevicePermissionHandler: () => (record.permissions += 1),
        webRequest: { onHeadersReceived: () => (record.permissions += 1) },
      },
    },
  };
  return { electron, app, record, ipcMain: electron.ipcMain as FakeEmitter };
}

const paths = { preloadPath: '/app/dist/electron/preload.cjs', rendererDir: '/app/dist/renderer' };

describe('startShell', () => {
  beforeEach(() => {
    FakeWindow.created = [];
  });
  afterEach(() => vi.useRealTimers());

  it('registers the app scheme, sandboxes, locks down, starts the runtime and opens the kiosk window', async () => {
    const { electron, app, record } = fakeElectron();
    const host = new FakeKioskHost({ screen: 'start' });
    await startShell({ electron, createKioskHost: async () => host, paths, development: false, signals: new FakeEmitter(), log: recordingLogger() });
    expect(record.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(record.handled).toEqual(['app']);
    expect(record.menu).toBeNull();
    expect(record.permissions).toBe(4);
    expect(app.calls).toEqual(['enableSandbox']);
    expect(app.count('web-contents-created')).toBe(1);
    const [window] = FakeWindow.created;
    expect(FakeWindow.created).toHaveLength(1);
    expect(window?.options.kiosk).toBe(true);
    expect(window?.options.webPreferences?.preload).toBe('/app/dist/electron/preload.cjs');
    expect(window?.options.webPreferences?.devTools).toBe(false);
    expect(window?.loaded).toEqual(['app://kiosk/index.html']);
    expect(window?.menuRemoved).toBe(true);
    expect(window?.webContents.zoomLimits).toEqual([1, 1]);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(true);
  });

  it('bridges views to the window and events from it to the runtime', async () => {
    const { electron, ipcMain } = fakeElectron();
    const host = new FakeKioskHost<{ screen: string }, unknown>({ screen: 'start' });
    await startShell({ electron, createKioskHost: async () => host, paths, development: false, signals: new FakeEmitter(), log: recordingLogger() });
    const contents = FakeWindow.created[0]?.webContents;
    host.emit({ screen: 'checkout' });
    expect(contents?.sent).toEqual([
      ['kiosk:view', { screen: 'start' }],
      ['kiosk:view', { screen: 'checkout' }],
    ]);
    ipcMain.emit('kiosk:event', { sender: { id: 42 }, senderFrame: { url: 'app://kiosk/index.html', parent: null } }, { type: 'RETURN' });
    ipcMain.emit('kiosk:event', { sender: { id: 43 }, senderFrame: { url: 'app://kiosk/index.html', parent: null } }, { type: 'OPEN' });
    expect(host.sent).toEqual([{ type: 'RETURN' }]);
  });

  it('locks down every web contents created later', async () => {
    const { electron, app } = fakeElectron();
    await startShell({ electron, createKioskHost: async () => new FakeKioskHost({}), paths, development: false, signals: new FakeEmitter(), log: recordingLogger() });
    const popup = new FakeWebContents();
    app.emit('web-contents-created', {}, popup);
    const navigation = fakeEvent({ url: 'https://evil.example/' });
    popup.emit('will-navigate', navigation);
    expect(navigation.prevented).toBe(true);
    expect(popup.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('keeps the window open against a close (Alt+F4) until quitting, and shuts the runtime down on quit', async () => {
    const { electron, app } = fakeElectron();
    const host = new FakeKioskHost({});
    const signals = new FakeEmitter();
    await startShell({ electron, createKioskHost: async () => host, paths, development: false, signals, log: recordingLogger() });
    const window = FakeWindow.created[0];
    const close = fakeEvent();
    window?.emit('close', close);
    expect(close.prevented).toBe(true);
    signals.emit('SIGTERM');
    await vi.waitFor(() => expect(app.calls).toContain('quit-proceeds'));
    expect(host.shutdowns).toBe(1);
    const closeWhileQuitting = fakeEvent();
    window?.emit('close', closeWhileQuitting);
    expect(closeWhileQuitting.prevented).toBe(false);
  });

  it('reloads the window after a renderer crash', async () => {
    vi.useFakeTimers();
    const { electron } = fakeElectron();
    await startShell({ electron, createKioskHost: async () => new FakeKioskHost({}), paths, development: false, signals: new FakeEmitter(), log: recordingLogger() });
    const contents = FakeWindow.created[0]?.webContents;
    contents?.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(contents?.reloads).toBe(1);
  });

  it('allows devtools in development', async () => {
    const { electron } = fakeElectron();
    await startShell({ electron, createKioskHost: async () => new FakeKioskHost({}), paths, development: true, signals: new FakeEmitter(), log: recordingLogger() });
    expect(FakeWindow.created[0]?.options.webPreferences?.devTools).toBe(true);
  });

  it('exits with 1 and opens no window when the runtime fails to start', async () => {
    const { electron, app } = fakeElectron();
    const log = recordingLogger();
    await startShell({
      electron,
      createKioskHost: async (): Promise<KioskHost<unknown, unknown>> => {
        throw new Error('config: library: unknown');
      },
      paths,
      development: false,
      signals: new FakeEmitter(),
      log,
    });
    expect(app.calls).toEqual(['enableSandbox', 'exit 1']);
    expect(FakeWindow.created).toEqual([]);
    expect(log.lines.map((l) => l.event)).toEqual(['electron.runtime_failed']);
  });

  it('a second instance exits at once without starting a runtime', async () => {
    const { electron, app } = fakeElectron(false);
    const create = vi.fn(async () => new FakeKioskHost({}));
    await startShell({ electron, createKioskHost: create, paths, development: false, signals: new FakeEmitter(), log: recordingLogger() });
    expect(app.calls).toEqual(['enableSandbox', 'exit 1']);
    expect(create).not.toHaveBeenCalled();
  });
});
