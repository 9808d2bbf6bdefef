// The WebSocket side of browser mode: every connected screen gets the latest view, its UI events
// go to the kiosk host, and a screen that stops answering pings is dropped.
import { type IncomingMessage } from 'node:http';
import { type Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { type KioskHost } from '../front-end-port';
import { type Logger } from '../log';
import { EVENT_CHANNEL, MAX_FRAME_BYTES, parseScreenFrame, viewFrame } from '../screen-contract';

export interface ScreenBridge {
  clientCount(): number;
  /** Takes an upgrade the server has already admitted. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Stops sending views and pinging (the screens stay connected). */
  stop(): void;
  /** stop(), then closes every screen, cutting those that do not answer within half a second. */
  close(): Promise<void>;
}

export function openScreenBridge<View, UiEvent>(options: { host: KioskHost<View, UiEvent>; pingIntervalMs: number; log: Logger }): ScreenBridge {
  const { log } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const views = { latest: null as string | null };
  const alive = new WeakSet<WebSocket>();
  wss.on('connection', (ws: WebSocket) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('error', (error) => log.warn('browser.client_error', { error }));
    ws.on('message', (data: RawData, isBinary: boolean) => receiveFrame(ws, data, isBinary, views.latest, options.host, log));
    if (views.latest !== null) ws.send(views.latest);
    log.info('browser.client_connected', { clients: wss.clients.size });
  });
  const unsubscribe = sendViews(wss, options.host, views, log);
  const ping = pingScreens(wss, alive, options.pingIntervalMs);
  const stop = () => {
    clearInterval(ping);
    unsubscribe();
  };
  return {
    clientCount: () => wss.clients.size,
    accept: (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
    stop,
    close: async () => {
      stop();
      await closeScreens(wss);
    },
  };
}

/** One frame from a screen: a UI event goes to the host, a view request is answered with the latest view. */
function receiveFrame<UiEvent>(ws: WebSocket, data: RawData, isBinary: boolean, latestFrame: string | null, host: KioskHost<unknown, UiEvent>, log: Logger): void {
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
      host.send(frame.value.event as unknown as UiEvent);
    } catch (error) {
      log.error('browser.host_send_failed', { error });
    }
  } else if (latestFrame !== null) {
    ws.send(latestFrame);
  }
}

/** Every view of the host, as a frame, to every open screen; returns the unsubscribe. */
function sendViews<View>(wss: WebSocketServer, host: KioskHost<View, unknown>, views: { latest: string | null }, log: Logger): () => void {
  return host.subscribe((view) => {
    try {
      views.latest = viewFrame(view);
    } catch (error) {
      log.error('browser.view_not_json', { error });
      return;
    }
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(views.latest);
    }
  });
}

/** Pings every screen each interval; one that missed the last ping is cut. */
function pingScreens(wss: WebSocketServer, alive: WeakSet<WebSocket>, intervalMs: number): NodeJS.Timeout {
  const ping = setInterval(() => {
    for (const client of wss.clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, intervalMs);
  ping.unref();
  return ping;
}

async function closeScreens(wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.close(1001, 'server closing');
  // Give screens a moment to answer the close handshake, then cut whoever did not.
  const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
  const timer = setTimeout(() => {
    for (const client of wss.clients) client.terminate();
  }, 500);
  await closed;
  clearTimeout(timer);
}
