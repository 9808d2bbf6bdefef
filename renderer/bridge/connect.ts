// One call for the screens: the Electron preload's API when running in the kiosk shell, otherwise
// (browser mode, Playwright, Chromium kiosk) a WebSocket client with the same shape.
import { BRIDGE_PATH, type KioskApi } from './types';
import { createWebSocketBridge, type SocketLike, type WebSocketBridge } from './ws-client';

/** The preload's API; in browser mode also whether the runtime is reachable (in Electron the
 * runtime and the screen live and die together). */
export type ScreenBridge = KioskApi & Partial<Pick<WebSocketBridge, 'onConnection'>>;

export interface ConnectOptions {
  /** The page's window (tests pass their own). */
  window?: Pick<Window, 'kiosk' | 'location'>;
  createSocket?: (url: string) => SocketLike;
}

/** The WebSocket URL of the bridge on the page's own origin. */
export function bridgeUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${BRIDGE_PATH}`;
}

export function connectBridge(options: ConnectOptions = {}): ScreenBridge {
  const page = options.window ?? window;
  if (page.kiosk) return page.kiosk;
  return createWebSocketBridge({ url: bridgeUrl(page.location), createSocket: options.createSocket });
}
