// Browser mode's side of the contract: the same { onView, send } as the Electron preload, over a
// WebSocket to runtime/browser/server.ts. It reconnects when the socket drops (the runtime
// restarted, the machine slept) and hands every new listener the latest view at once. When the
// socket drops it forgets that view (it may show a patron) and tells `onConnection` listeners, so
// the screen can clear itself at once.
import type { ScreenView } from '../../electron/contract';
import { EVENT_CHANNEL, type KioskApi, VIEW_CHANNEL } from './types';

/** The part of the browser's WebSocket the bridge uses (tests pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: { data?: unknown }) => void): void;
}

export interface WebSocketBridgeOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** Reconnect delays: from minRetryMs, doubling, at most maxRetryMs. */
  minRetryMs?: number;
  maxRetryMs?: number;
}

export type WebSocketBridge = KioskApi & {
  /** Closes the socket for good (no reconnect). */
  close(): void;
  /** True while the socket is open: events sent now reach the runtime. */
  isConnected(): boolean;
  /** Called with false when the runtime goes away (once per loss) and true when it is back. */
  onConnection(listener: (connected: boolean) => void): () => void;
};

const OPEN = 1;

function viewIn(data: unknown): { view: ScreenView } | null {
  if (typeof data !== 'string') return null;
  try {
    const frame = JSON.parse(data) as { channel?: unknown; view?: unknown };
    if (frame === null || typeof frame !== 'object' || frame.channel !== VIEW_CHANNEL || !('view' in frame)) return null;
    return { view: frame.view as ScreenView };
  } catch {
    return null;
  }
}

export function createWebSocketBridge(options: WebSocketBridgeOptions): WebSocketBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const minRetryMs = options.minRetryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5000;
  const listeners = new Set<(view: ScreenView) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let reported: boolean | null = null;
  let latest: { view: ScreenView } | null = null;
  let socket: SocketLike | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const notify = (listener: (view: ScreenView) => void, view: ScreenView) => {
    try {
      listener(view);
    } catch (error) {
      console.error('kiosk bridge: a view listener failed', error);
    }
  };

  const report = (connected: boolean) => {
    if (reported === connected) return;
    reported = connected;
    for (const listener of [...connectionListeners]) {
      try {
        listener(connected);
      } catch (error) {
        console.error('kiosk bridge: a connection listener failed', error);
      }
    }
  };

  const connect = () => {
    retryTimer = null;
    if (closed) return;
    const current = createSocket(options.url);
    socket = current;
    current.addEventListener('open', () => {
      failures = 0;
      report(true);
    });
    current.addEventListener('message', (event) => {
      const frame = viewIn(event.data);
      if (frame === null) return;
      latest = frame;
      for (const listener of [...listeners]) notify(listener, frame.view);
    });
    current.addEventListener('close', () => {
      if (socket !== current || closed) return;
      socket = null;
      // The last view may show a patron's name and loans: nobody may see it while the runtime is away.
      latest = null;
      report(false);
      const delay = Math.min(maxRetryMs, minRetryMs * 2 ** failures);
      failures += 1;
      retryTimer = setTimeout(connect, delay);
    });
  };

  connect();

  return Object.freeze({
    onView(listener: (view: ScreenView) => void): () => void {
      listeners.add(listener);
      const known = latest;
      // Asynchronous like the preload's first view, so callers see one behaviour in both modes.
      if (known !== null) queueMicrotask(() => listeners.has(listener) && notify(listener, known.view));
      return () => {
        listeners.delete(listener);
      };
    },
    send(event: Parameters<KioskApi['send']>[0]): void {
      // While disconnected the event is dropped: a tap replayed minutes later would be wrong.
      if (socket === null || socket.readyState !== OPEN) return;
      socket.send(JSON.stringify({ channel: EVENT_CHANNEL, event }));
    },
    close(): void {
      closed = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      socket?.close(1000, 'bridge closed');
      socket = null;
    },
    isConnected: () => socket !== null && socket.readyState === OPEN,
    onConnection(listener: (connected: boolean) => void): () => void {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },
  });
}
