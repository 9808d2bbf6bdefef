// The Electron shell's start-up, one small setupX() per concern. It receives Electron's objects
// (main.ts passes the real ones; tests pass fakes) so it never imports Electron itself.
import { type KioskHost } from '../runtime/front-end-port';
import { type Logger } from '../runtime/log';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appRequestHandler } from './app-protocol';
import { type ShellPaths } from './args';
import { type RendererLike, setupCrashRecovery as watchRenderer } from './crash-recovery';
import { type IpcMainLike, setupIpcBridge, type ViewTarget } from './ipc';
import { type ContentsLike, createKioskWindow, lockDownContents, lockDownSession, type SessionLike, type WindowConstructor } from './lockdown';
import { type QuitAppLike, type QuitControl, type SignalSource, setupQuit as watchQuit } from './quit';

/** The kiosk window's web contents: what lockdown, crash recovery and the IPC bridge each use. */
export interface KioskContents extends ViewTarget, Omit<RendererLike, 'on'>, Omit<ContentsLike, 'on'> {
  on: ContentsLike['on'] & RendererLike['on'];
  setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void>;
}

export interface KioskWindow {
  readonly webContents: KioskContents;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): void;
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
  removeMenu(): void;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

export interface ShellAppLike extends QuitAppLike {
  whenReady(): Promise<void>;
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): void;
  on(event: 'window-all-closed', listener: () => void): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: ContentsLike) => void): void;
}

/** The slice of the `electron` module the shell uses. */
export interface ElectronApi {
  app: ShellAppLike;
  BrowserWindow: WindowConstructor<KioskWindow>;
  ipcMain: IpcMainLike;
  Menu: { setApplicationMenu(menu: null): void };
  protocol: {
    registerSchemesAsPrivileged(schemes: Array<typeof APP_SCHEME_PRIVILEGES>): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  session: { defaultSession: SessionLike };
}

export interface ShellOptions<View, UiEvent> {
  electron: ElectronApi;
  /** Starts the runtime (main.ts passes runtime/start-kiosk's startKiosk with the parsed options). */
  createKioskHost: () => Promise<KioskHost<View, UiEvent>>;
  paths: ShellPaths;
  development: boolean;
  signals: SignalSource;
  log: Logger;
}

export function setupSecurity(electron: ElectronApi, rendererDir: string, log: Logger): void {
  lockDownSession(electron.session.defaultSession, log);
  electron.protocol.handle(APP_SCHEME, appRequestHandler(rendererDir));
  electron.app.on('web-contents-created', (_event, contents) => lockDownContents(contents, log));
  // No menu means no accelerators either: no reload, zoom, devtools or close shortcuts.
  electron.Menu.setApplicationMenu(null);
}

export function setupWindow(electron: ElectronApi, paths: ShellPaths, development: boolean, quit: QuitControl, log: Logger): KioskWindow {
  const window = createKioskWindow(electron.BrowserWindow, { preloadPath: paths.preloadPath, development });
  window.removeMenu();
  // Alt+F4 and the like must not close the kiosk; only an orderly quit does.
  window.on('close', (event) => {
    if (!quit.isQuitting()) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  // Pinch-zoom on a touch screen would leave the next patron with an unusable screen.
  window.webContents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => log.warn('electron.zoom_limit_failed', { error }));
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => log.error('electron.load_failed', { error }));
  return window;
}

export function setupIpc<View, UiEvent>(electron: ElectronApi, host: KioskHost<View, UiEvent>, window: KioskWindow, log: Logger): () => void {
  return setupIpcBridge({ ipcMain: electron.ipcMain, host, target: () => (window.isDestroyed() ? null : window.webContents), log });
}

export function setupCrashRecovery(window: KioskWindow, quit: QuitControl, log: Logger): void {
  watchRenderer(window.webContents, { log, isQuitting: quit.isQuitting });
}

export function setupQuit(electron: ElectronApi, signals: SignalSource, runtime: () => Promise<KioskHost<unknown, unknown> | null>, log: Logger): QuitControl {
  return watchQuit({
    app: electron.app,
    signals,
    log,
    shutdown: async () => {
      const host = await runtime();
      await host?.shutdown();
    },
  });
}

/** Registers what must precede `ready`, then runs onReady. Resolves once the window is open. */
export async function startShell<View, UiEvent>(options: ShellOptions<View, UiEvent>): Promise<void> {
  const { electron, log } = options;
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  electron.app.enableSandbox();
  // Two kiosk runtimes would fight over the lock and the serial ports.
  if (!electron.app.requestSingleInstanceLock()) {
    log.error('electron.already_running');
    electron.app.exit(1);
    return;
  }
  let starting: Promise<KioskHost<View, UiEvent>> | null = null;
  const quit = setupQuit(electron, options.signals, async () => (starting ? starting.catch(() => null) : null), log);

  await electron.app.whenReady();
  setupSecurity(electron, options.paths.rendererDir, log);
  starting = options.createKioskHost();
  let host: KioskHost<View, UiEvent>;
  try {
    host = await starting;
  } catch (error) {
    log.error('electron.runtime_failed', { error });
    electron.app.exit(1);
    return;
  }
  const window = setupWindow(electron, options.paths, options.development, quit, log);
  setupIpc(electron, host, window, log);
  setupCrashRecovery(window, quit, log);
  log.info('electron.ready', { development: options.development });
}
