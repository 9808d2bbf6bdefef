// Kiosk lockdown as small functions over the window and session set-up, so tests can check every
// option with fakes shaped like Electron's objects (Electron itself never runs in tests).
// Type-only: importing 'electron' for real would need its binary (absent in tests and CI).
import type { BrowserWindowConstructorOptions } from 'electron';
import { type Logger } from '../runtime/log';
import { contentSecurityPolicy } from '../runtime/browser/csp';
import { isAppUrl } from './app-protocol';

export interface WindowOptionsInput {
  preloadPath: string;
  /** Development builds may open devtools; a kiosk never does. */
  development: boolean;
}

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Opens the kiosk window. The options are a literal inside `new BrowserWindow(...)` on purpose:
 * that is the shape the security scanner (electron/security-scan.test.ts) can read and check.
 */
export function createKioskWindow<W>(BrowserWindow: WindowConstructor<W>, { preloadPath, development }: WindowOptionsInput): W {
  return new BrowserWindow({
    show: false,
    fullscreen: true,
    kiosk: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    webPreferences: {
      // Reviewed: the preload exposes only onView/send (electron/build.test.ts runs the bundle to check).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // The OS spellchecker would fetch dictionaries from the network and underline patrons' input.
      spellcheck: false,
      safeDialogs: true,
      // A middle click must not open anything, not even a refused window.
      disableBlinkFeatures: 'Auxclick',
      devTools: development,
    },
  });
}

type Deny = { preventDefault(): void };

/** The parts of Electron's Session the lockdown touches. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[] | string> },
        callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
}

/** Every permission (camera, notifications, HID, serial, geolocation...) is refused, asked or checked. */
export function lockDownSession(session: SessionLike, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('electron.permission_denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  const csp = contentSecurityPolicy();
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}

/** The parts of Electron's WebContents the lockdown touches. */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: Deny & { url?: string }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

function originOf(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    // Node gives custom schemes such as app:// an opaque origin ("null"); spell it out instead.
    if (parsed.origin !== 'null') return parsed.origin;
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return 'unparseable';
  }
}

/**
 * Navigation, redirects, new windows and webviews are refused for every web contents. The screens
 * are one page that changes by views, so no legitimate navigation exists to allow.
 */
export function lockDownContents(contents: ContentsLike, log: Logger): void {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
    contents.on(event, (e) => {
      e.preventDefault();
      // The origin only: a URL's path or query could carry a card number.
      log.warn('electron.navigation_refused', { event, origin: originOf(e.url), own: isAppUrl(e.url ?? '') });
    });
  }
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    log.warn('electron.webview_refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('electron.window_open_refused', { origin: originOf(url) });
    return { action: 'deny' };
  });
}
