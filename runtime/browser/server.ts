// Browser mode: serves the renderer on 127.0.0.1 and bridges the kiosk runtime to it over a
// WebSocket that speaks the same contract as the Electron preload (views out, UI events in).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { type KioskHost } from '../kiosk-host';
import { type Logger, silentLogger } from '../log';
import { BRIDGE_PATH, EVENT_CHANNEL, MAX_FRAME_BYTES, parseScreenFrame, viewFrame } from './contract';

export { BRIDGE_PATH } from './contract';
import { browserModeConnectSrc, contentSecurityPolicy } from './csp';
import { authenticate, createSessionKey, KEY_PARAM, keyCookie } from './session-key';
import { readStatic } from './static-files';

/** Only loopback: a kiosk's runtime (which opens the door) is never reachable from the network. */
export const BROWSER_HOST = '127.0.0.1';
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

/** The Origin and Host values a page served by this server sends; nothing else may connect. */
export function allowedOrigins(port: number): string[] {
  return [`http://${BROWSER_HOST}:${port}`, `http://localhost:${port}`];
}

function allowedHosts(port: number): string[] {
  return [`${BROWSER_HOST}:${port}`, `localhost:${port}`];
}

export function securityHeaders(port: number): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy({ connectSrc: browserModeConnectSrc(port) }),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'cache-control': 'no-cache',
  };
}

const NOT_AUTHENTICATED = Buffer.from('This kiosk screen opens only from the URL that `kiosk start` printed (it carries this start\'s key).\n');

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startBrowserServer<View, UiEvent>(
  options: BrowserServerOptions<View, UiEvent>,
): Promise<BrowserServer> {
  const log = options.log ?? silentLogger;
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  const sessionKey = options.sessionKey ?? createSessionKey();
  let port = 0;
  let latestFrame: string | null = null;
  const alive = new WeakSet<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  const handleHttp = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = securityHeaders(port);
    if (!allowedHosts(port).includes(req.headers.host ?? '')) {
      res.writeHead(421, headers).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    // Nothing (not even the scripts) without this start's key: only the page the runtime served has it.
    const auth = authenticate(req, port, sessionKey);
    if (auth.ok === false) {
      log.warn('browser.key_refused', { what: 'page' });
      res.writeHead(401, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'content-length': NOT_AUTHENTICATED.length });
      res.end(req.method === 'HEAD' ? undefined : NOT_AUTHENTICATED);
      return;
    }
    if (auth.ok === 'trade') {
      // The key leaves the address bar (and history) at once; the cookie carries it from now on.
      res.writeHead(303, { ...headers, location: auth.location, 'set-cookie': keyCookie(port, sessionKey) }).end();
      return;
    }
    if ((req.url ?? '/').split('?')[0] === BRIDGE_PATH) {
      res.writeHead(426, { ...headers, upgrade: 'websocket' }).end();
      return;
    }
    const file = await readStatic(options.rendererDir, req.url ?? '/');
    res.writeHead(file.status, { ...headers, 'content-type': file.contentType, 'content-length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      log.error('browser.http_failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    const origin = req.headers.origin ?? '';
    if (path !== BRIDGE_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    // A page from any other origin (or a DNS-rebound name) must never drive the kiosk.
    if (!allowedOrigins(port).includes(origin) || !allowedHosts(port).includes(req.headers.host ?? '')) {
      log.warn('browser.origin_refused', { origin: origin.slice(0, 100) });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    // Before a slot is taken: a local program can forge Origin and Host, never the page's cookie.
    if (authenticate({ headers: req.headers }, port, sessionKey).ok !== true) {
      log.warn('browser.key_refused', { what: 'bridge' });
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    if (wss.clients.size >= maxClients) {
      log.warn('browser.too_many_clients', { maxClients });
      return refuseUpgrade(socket, 503, 'Service Unavailable');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('error', (error) => log.warn('browser.client_error', { error }));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        log.warn('browser.event_dropped', { reason: 'a binary frame' });
        return;
      }
      const frame = parseScreenFrame(data.toString());
      if (!frame.ok) {
        log.warn('browser.event_dropped', { reason: frame.reason });
        return;
      }
      if (frame.value.channel === EVENT_CHANNEL) {
        try {
          // Checked for shape here; the host drops event types it does not know (KioskHost.send).
          options.host.send(frame.value.event as unknown as UiEvent);
        } catch (error) {
          log.error('browser.host_send_failed', { error });
        }
      } else if (latestFrame !== null) {
        ws.send(latestFrame);
      }
    });
    if (latestFrame !== null) ws.send(latestFrame);
    log.info('browser.client_connected', { clients: wss.clients.size });
  });

  const unsubscribe = options.host.subscribe((view) => {
    try {
      latestFrame = viewFrame(view);
    } catch (error) {
      log.error('browser.view_not_json', { error });
      return;
    }
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(latestFrame);
    }
  });

  const ping = setInterval(() => {
    for (const client of wss.clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, options.pingIntervalMs ?? 15_000);
  ping.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, BROWSER_HOST, () => resolve());
    });
  } catch (error) {
    clearInterval(ping);
    unsubscribe();
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  const origin = `http://${BROWSER_HOST}:${port}/`;
  return {
    url: `${origin}?${KEY_PARAM}=${sessionKey}`,
    origin,
    port,
    clientCount: () => wss.clients.size,
    close: async () => {
      clearInterval(ping);
      unsubscribe();
      for (const client of wss.clients) client.close(1001, 'server closing');
      // Give screens a moment to answer the close handshake, then cut whoever did not.
      const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
      const timer = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 500);
      await closed;
      clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
