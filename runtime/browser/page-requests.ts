// The screen's page and its assets over plain HTTP: loopback Host only, GET/HEAD only, nothing
// without this start's key (traded once for a cookie), the bridge path only by upgrade.
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { refuseOtherMethods } from '../local-http';
import { type Logger } from '../log';
import { BRIDGE_PATH } from '../screen-contract';
import { browserModeConnectSrc, contentSecurityPolicy } from './csp';
import { allowedHosts } from './page-origin';
import { authenticate, keyCookie } from './session-key';
import { readStatic } from './static-files';

export interface PageRequestOptions {
  /** The port the server listens on (known once it listens). */
  port: () => number;
  sessionKey: string;
  rendererDir: string;
  log: Logger;
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

/** The HTTP request listener of the browser server; a failure answers 500 and is logged. */
export function pageRequestHandler(options: PageRequestOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    servePage(req, res, options).catch((error: unknown) => {
      options.log.error('browser.http_failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}

async function servePage(req: IncomingMessage, res: ServerResponse, options: PageRequestOptions): Promise<void> {
  const port = options.port();
  const headers = securityHeaders(port);
  if (!allowedHosts(port).includes(req.headers.host ?? '')) {
    res.writeHead(421, headers).end();
    return;
  }
  if (refuseOtherMethods(req, res, ['GET', 'HEAD'], headers)) return;
  // Nothing (not even the scripts) without this start's key: only the page the runtime served has it.
  const auth = authenticate(req, port, options.sessionKey);
  if (auth.ok === false) {
    options.log.warn('browser.key_refused', { what: 'page' });
    res.writeHead(401, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'content-length': NOT_AUTHENTICATED.length });
    res.end(req.method === 'HEAD' ? undefined : NOT_AUTHENTICATED);
    return;
  }
  if (auth.ok === 'trade') {
    // The key leaves the address bar (and history) at once; the cookie carries it from now on.
    res.writeHead(303, { ...headers, location: auth.location, 'set-cookie': keyCookie(port, options.sessionKey) }).end();
    return;
  }
  if ((req.url ?? '/').split('?')[0] === BRIDGE_PATH) {
    res.writeHead(426, { ...headers, upgrade: 'websocket' }).end();
    return;
  }
  const file = await readStatic(options.rendererDir, req.url ?? '/');
  res.writeHead(file.status, { ...headers, 'content-type': file.contentType, 'content-length': file.body.length });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
