// Who may open the bridge: the upgrade is checked (path, the page's own Origin and Host, this
// start's key, a free screen slot) before the screen bridge ever sees it.
import { type IncomingMessage } from 'node:http';
import { type Duplex } from 'node:stream';
import { type Logger } from '../log';
import { BRIDGE_PATH } from '../screen-contract';
import { allowedHosts, allowedOrigins } from './page-origin';
import { type ScreenBridge } from './screen-bridge';
import { authenticate } from './session-key';

export interface BridgeAdmissionOptions {
  /** The port the server listens on (known once it listens). */
  port: () => number;
  sessionKey: string;
  maxClients: number;
  bridge: Pick<ScreenBridge, 'clientCount' | 'accept'>;
  log: Logger;
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The HTTP server's `upgrade` listener: admitted upgrades go to the bridge, the rest get an HTTP refusal. */
export function bridgeUpgradeHandler(options: BridgeAdmissionOptions): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const { log } = options;
  return (req, socket, head) => {
    const port = options.port();
    const path = (req.url ?? '').split('?')[0];
    const origin = req.headers.origin ?? '';
    if (path !== BRIDGE_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    // A page from any other origin (or a DNS-rebound name) must never drive the kiosk.
    if (!allowedOrigins(port).includes(origin) || !allowedHosts(port).includes(req.headers.host ?? '')) {
      log.warn('browser.origin_refused', { origin: origin.slice(0, 100) });
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    // Before a slot is taken: a local program can forge Origin and Host, never the page's cookie.
    if (authenticate({ headers: req.headers }, port, options.sessionKey).ok !== true) {
      log.warn('browser.key_refused', { what: 'bridge' });
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    if (options.bridge.clientCount() >= options.maxClients) {
      log.warn('browser.too_many_clients', { maxClients: options.maxClients });
      return refuseUpgrade(socket, 503, 'Service Unavailable');
    }
    options.bridge.accept(req, socket, head);
  };
}
