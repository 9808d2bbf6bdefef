import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeEmitter, fakeEvent, recordingLogger } from '../test/electron/fakes';
import { createKioskWindow, lockDownContents, lockDownSession, type SessionLike } from './lockdown';

/** A BrowserWindow stand-in that keeps the options it was opened with. */
class CapturingWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('createKioskWindow', () => {
  const production = createKioskWindow(CapturingWindow, { preloadPath: '/app/dist/electron/preload.cjs', development: false }).options;

  it('opens a fullscreen kiosk window without a menu, shown only when ready', () => {
    expect(production).toMatchObject({ fullscreen: true, kiosk: true, frame: false, autoHideMenuBar: true, show: false });
  });

  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    expect(production.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('allows devtools only in development, changing nothing else', () => {
    const development = createKioskWindow(CapturingWindow, { preloadPath: '/app/dist/electron/preload.cjs', development: true }).options;
    expect(development.webPreferences?.devTools).toBe(true);
    expect({ ...development.webPreferences, devTools: false }).toEqual(production.webPreferences);
  });
});

function fakeSession() {
  const handlers: {
    request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    device?: Parameters<SessionLike['setDevicePermissionHandler']>[0];
    headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
  } = {};
  const session: SessionLike = {
    setPermissionRequestHandler: (h) => (handlers.request = h),
    setPermissionCheckHandler: (h) => (handlers.check = h),
    setDevicePermissionHandler: (h) => (handlers.device = h),
    webRequest: { onHeadersReceived: (h) => (handlers.headers = h) },
  };
  return { session, handlers };
}

describe('lockDownSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'hid', 'serial', 'usb', 'clipboard-read', 'fullscreen', 'openExternal', 'unknown'])(
    'denies a %s permission request and check',
    (permission) => {
      const { session, handlers } = fakeSession();
      const log = recordingLogger();
      lockDownSession(session, log);
      const answers: boolean[] = [];
      handlers.request?.({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(handlers.check?.({}, permission)).toBe(false);
      expect(handlers.device?.({ deviceType: 'hid' })).toBe(false);
      expect(log.lines).toEqual([{ level: 'warn', event: 'electron.permission_denied', fields: { permission } }]);
    },
  );

  it('replaces any Content-Security-Policy header with the kiosk one', () => {
    const { session, handlers } = fakeSession();
    lockDownSession(session, recordingLogger());
    let result: { responseHeaders?: Record<string, string[] | string> } | undefined;
    handlers.headers?.(
      { responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"] } },
      (response) => (result = response),
    );
    expect(result?.responseHeaders?.['content-type']).toEqual(['text/html']);
    expect(result?.responseHeaders?.['content-security-policy']).toBeUndefined();
    const csp = result?.responseHeaders?.['Content-Security-Policy'];
    expect(Array.isArray(csp) && csp.length === 1 && csp[0]?.startsWith("default-src 'self'; script-src 'self';")).toBe(true);
    expect(String(csp)).not.toContain('unsafe-eval');
  });
});

function fakeContents() {
  const emitter = new FakeEmitter();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: (details: { url: string }) => { action: 'deny' }) => (openHandler = h),
  });
  return { contents, open: (url: string) => openHandler?.({ url }) };
}

describe('lockDownContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('refuses %s, even to the app itself, and logs only the origin', (name) => {
    const { contents } = fakeContents();
    const log = recordingLogger();
    lockDownContents(contents, log);
    const away = fakeEvent({ url: 'https://evil.example/steal?card=1234567890' });
    const own = fakeEvent({ url: 'app://kiosk/other.html' });
    contents.emit(name, away);
    contents.emit(name, own);
    expect([away.prevented, own.prevented]).toEqual([true, true]);
    expect(log.lines.map((l) => l.fields)).toEqual([
      { event: name, origin: 'https://evil.example', own: false },
      { event: name, origin: 'app://kiosk', own: true },
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('1234567890');
  });

  it('refuses every new window', () => {
    const { contents, open } = fakeContents();
    lockDownContents(contents, recordingLogger());
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://kiosk/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses webviews', () => {
    const { contents } = fakeContents();
    const log = recordingLogger();
    lockDownContents(contents, log);
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
    expect(log.lines.map((l) => l.event)).toEqual(['electron.webview_refused']);
  });
});
