// Browser mode: serves the renderer on 127.0.0.1 and bridges the kiosk runtime to it over a
// WebSocket that speaks the same contract as the Electron preload (views out, UI events in).
import { createServer } from 'node:http';
import { type KioskHost } from '../front-end-port';
import { listenOn, stopListening } from '../local-http';
import { type Logger, silentLogger } from '../log';
import { bridgeUpgradeHandler } from './bridge-admission';
import { BROWSER_HOST } from './page-origin';
import { pageRequestHandler } from './page-requests';
import { openScreenBridge } from './screen-bridge';
import { createSessionKey, KEY_PARAM } from './session-key';

export const DEFAULT_MAX_CLIENTS = 4;

export interface BrowserServerOptions<View, UiEvent> {
  host: KioskHost<View, UiEvent>;
  /** The built renderer (index.html + assets); a placeholder page is served while it is missing. */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** More screens than this at once are refused (503). */
  maxClients?: number;
  /** How often idle clients are pinged; one that missed the last ping is dropped. */
  pingIntervalMs?: number;
  /** This start's secret (see session-key.ts); a fresh random one unless a test passes its own. */
  sessionKey?: string;
  log?: Logger;
}

export interface BrowserServer {
  /** The page's URL with this start's key: give it only to the screen (see session-key.ts). */
  readonly url: string;
  /** The page's origin without the key. */
  readonly origin: string;
  readonly port: number;
  clientCount(): number;
  close(): Promise<void>;
}

export async function startBrowserServer<View, UiEvent>(
  options: BrowserServerOptions<View, UiEvent>,
): Promise<BrowserServer> {
  const log = options.log ?? silentLogger;
  const sessionKey = options.sessionKey ?? createSessionKey();
  let port = 0;
  const bridge = openScreenBridge({ host: options.host, pingIntervalMs: options.pingIntervalMs ?? 15_000, log });
  const server = createServer(pageRequestHandler({ port: () => port, sessionKey, rendererDir: options.rendererDir, log }));
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  server.on('upgrade', bridgeUpgradeHandler({ port: () => port, sessionKey, maxClients, bridge, log }));
  try {
    port = await listenOn(server, options.port ?? 0, BROWSER_HOST);
  } catch (error) {
    bridge.stop();
    throw error;
  }
  const origin = `http://${BROWSER_HOST}:${port}/`;
  return {
    url: `${origin}?${KEY_PARAM}=${sessionKey}`,
    origin,
    port,
    clientCount: () => bridge.clientCount(),
    close: async () => {
      await bridge.close();
      server.closeAllConnections();
      await stopListening(server);
    },
  };
}
