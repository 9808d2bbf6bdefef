// Small hostile ILS servers for attack tests: a raw SIP2 ACS on 127.0.0.1 whose answers a test
// scripts (wrong patron, wrong sequence number, no checksum, endless lines), and an HTTP
// server for the FBS envelope. Checksums are computed here, independently of ils/sip2.
import http from 'node:http';
import net from 'node:net';

export interface HostileServer {
  port: number;
  /** Every request received, as text without its CR. */
  requests: string[];
  /** Raw bytes received on every connection, in order (to check nothing went in clear). */
  received: Buffer[];
  connections: number;
  close(): Promise<void>;
}

/** What the script answers: text to send (CR added), raw bytes, or nothing. */
export type HostileAnswer = string | Buffer | null | ((socket: net.Socket) => void);

export function checksum(text: string): string {
  let sum = 0;
  for (const byte of Buffer.from(text, 'latin1')) sum += byte;
  return ((-sum) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

/** `text` with error detection: `AY<seq>AZ<checksum>`. */
export function detected(text: string, sequence: number | undefined): string {
  const head = `${text}${sequence === undefined ? '' : `AY${sequence}`}AZ`;
  return `${head}${checksum(head)}`;
}

/** The AY sequence number of a request, if it has one. */
export function sequenceOf(request: string): number | undefined {
  const m = /AY(\d)AZ[0-9A-F]{4}$/.exec(request);
  return m ? Number(m[1]) : undefined;
}

/** A request's field value (first occurrence), e.g. field(request, 'AA'). */
export function field(request: string, code: string): string | undefined {
  return new RegExp(`(?:^|\\|)${code}([^|]*)`).exec(request)?.[1];
}

const DATE = '20261120    100000';

/** A 64 answer for `patronId`: a valid patron whose PIN was right. */
export function patronInformation(patronId: string, extra = ''): string {
  return `64${' '.repeat(14)}009${DATE}${'0000'.repeat(6)}AODK-775100|AA${patronId}|AEMallory Mallorysen|BLY|CQY|${extra}`;
}

/** A 12 answer: checked out, ok. */
export function checkoutOk(patronId: string, itemId: string): string {
  return `121NNY${DATE}AODK-775100|AA${patronId}|AB${itemId}|AJSome title|AH20261218    235959|`;
}

/** An 18 answer: the item is available (never on loan). */
export function itemAvailable(itemId: string): string {
  return `18030001${DATE}AB${itemId}|AJSome title|`;
}

export const STATUS_98 = `98YYYYNN01000320261120    1000002.00AODK-775100|BXYYYYYYYYYYYYYYYY|`;

/** A raw SIP2 server: `script` answers each CR-terminated request. */
export function hostileSip2(script: (request: string) => HostileAnswer): Promise<HostileServer> {
  const state = { requests: [] as string[], received: [] as Buffer[], connections: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      state.received.push(chunk);
      buffer += chunk.toString('latin1');
      let at: number;
      while ((at = buffer.indexOf('\r')) >= 0) {
        const request = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        state.requests.push(request);
        const answer = script(request);
        if (typeof answer === 'function') answer(socket);
        else if (typeof answer === 'string') socket.write(`${answer}\r`, 'latin1');
        else if (answer) socket.write(answer);
      }
    });
  });
  return listen(server, sockets, state);
}

/** An HTTP server for the FBS envelope: `handler` writes the response. */
export function hostileHttp(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<HostileServer> {
  const state = { requests: [] as string[], received: [] as Buffer[], connections: 0 };
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      state.requests.push(body);
      handler(req, res, body);
    });
  });
  server.on('connection', (socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return listen(server, sockets, state);
}

/** The SIP2 message inside an FBS request envelope. */
export function fbsMessage(body: string): string {
  return /<request>([\s\S]*)<\/request>/.exec(body)?.[1] ?? '';
}

export function fbsEnvelope(message: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns2:sip xmlns:ns2="http://axiell.com/Schema/sip.xsd"><response>${message}</response></ns2:sip>`;
}

function listen(server: net.Server, sockets: Set<net.Socket>, state: Omit<HostileServer, 'port' | 'close'>): Promise<HostileServer> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        get requests() {
          return state.requests;
        },
        get received() {
          return state.received;
        },
        get connections() {
          return state.connections;
        },
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise<void>((r) => server.close(() => r()));
        },
      }),
    ),
  );
}
