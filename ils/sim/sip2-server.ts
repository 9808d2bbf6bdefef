// The simulated ILS over raw SIP2 (TCP, optionally TLS): login, error detection answered
// as each request uses it, 97 -> the last answer again, faults injected per request.
import net from 'node:net';
import tls from 'node:tls';
import { decodeSip2, type DecodedSip2, encodeSip2 } from '../sip2/codec';
import { Sip2ParseError } from '../sip2/errors';
import { Sip2Framer } from '../sip2/framer';
import { type Sip2Message, type Sip2Request } from '../sip2/messages';
import { decodeText, type Sip2Encoding } from '../sip2/text';
import { maskSip2 } from '../sip2/trace';
import { corruptMessage, delay, type SimFaults } from './faults';
import { respond, type ResponderContext } from './responder';

export interface Sip2ServerContext {
  responder: (request: Sip2Request) => ResponderContext;
  faults: SimFaults;
  user: string;
  password: string;
  encoding: Sip2Encoding;
  log: (line: string) => void;
}

export interface ListenOptions {
  host?: string;
  port?: number;
  /** Key and certificate to speak SIP2 over TLS. */
  tls?: tls.TlsOptions;
}

/** SIP2 is one request at a time: a client with more than this many waiting is flooding. */
export const MAX_PENDING_REQUESTS = 16;

const REQUESTS = new Set(['93', '99', '23', '63', '11', '09', '29', '65', '35', '37', '17', '19', '15']);

export class Sip2Server {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly ctx: Sip2ServerContext) {}

  listen(options: ListenOptions = {}): Promise<{ host: string; port: number }> {
    const server = options.tls ? tls.createServer(options.tls, (s) => this.accept(s)) : net.createServer((s) => this.accept(s));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        const address = server.address() as net.AddressInfo;
        resolve({ host: address.address, port: address.port });
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const session = { loggedIn: false, lastReply: undefined as Uint8Array | undefined };
    const framer = new Sip2Framer();
    let queue = Promise.resolve();
    let pending = 0;
    socket.on('data', (chunk: Buffer) => {
      let frames: Uint8Array[];
      try {
        frames = framer.push(chunk);
      } catch (error) {
        this.ctx.log(`sip2.frame-refused: ${error instanceof Error ? error.message : String(error)}; closing the connection`);
        socket.destroy();
        return;
      }
      pending += frames.length;
      if (pending > MAX_PENDING_REQUESTS) {
        this.ctx.log('sip2: too many requests waiting; closing the connection');
        socket.destroy();
        return;
      }
      for (const frame of frames) {
        queue = queue
          .then(() => this.handle(socket, session, frame))
          .catch((error: unknown) => {
            this.ctx.log(`sip2.request-failed: ${error instanceof Error ? error.message : String(error)}; closing the connection`);
            socket.destroy();
          })
          .finally(() => {
            pending -= 1;
          });
      }
    });
  }

  private async handle(socket: net.Socket, session: { loggedIn: boolean; lastReply: Uint8Array | undefined }, frame: Uint8Array): Promise<void> {
    const { faults, encoding, log } = this.ctx;
    if (socket.destroyed) return;
    if (faults.isSilent()) return;
    const drop = faults.takeDrop();
    if (drop === 'before-processing') {
      socket.destroy();
      return;
    }
    const checksummed = /AZ[0-9A-Fa-f]{4}[\r\n]*$/.test(Buffer.from(frame.subarray(-8)).toString('latin1'));
    if (faults.takeReject()) {
      this.send(socket, encodeSip2({ code: '96' }, { encoding, ...(checksummed ? { errorDetection: {} } : {}) }));
      return;
    }
    let decoded: DecodedSip2;
    try {
      decoded = decodeSip2(frame, { encoding, liberal: true });
    } catch (error) {
      if (!(error instanceof Sip2ParseError)) throw error;
      log(`sip2: unreadable request (${error.problem})`);
      // An unsupported message gets no answer (BX says what is supported); garbage gets 96.
      if (error.problem !== 'unsupported-message') {
        this.send(socket, encodeSip2({ code: '96' }, { encoding, ...(checksummed ? { errorDetection: {} } : {}) }));
      }
      return;
    }
    const request = decoded.message;
    log(`sip2: < ${maskSip2(decodeText(frame, encoding))}`);
    if (request.code === '97') {
      if (session.lastReply) this.send(socket, session.lastReply);
      return;
    }
    if (!REQUESTS.has(request.code)) return;
    let reply: Sip2Message | undefined;
    if (request.code === '93') {
      session.loggedIn = request.loginUserId === this.ctx.user && request.loginPassword === this.ctx.password;
      reply = { code: '94', ok: session.loggedIn };
    } else if (!session.loggedIn && request.code !== '99') {
      log('sip2: request before login; closing the connection');
      socket.destroy();
      return;
    } else {
      reply = respond(request as Sip2Request, this.ctx.responder(request as Sip2Request));
    }
    if (!reply) return;
    const bytes = encodeSip2(reply, {
      encoding,
      ...(decoded.errorDetection ? { errorDetection: decoded.sequence === undefined ? {} : { sequence: decoded.sequence } } : {}),
    });
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    if (drop === 'after-processing') {
      socket.destroy();
      return;
    }
    session.lastReply = bytes;
    this.send(socket, faults.takeCorrupt() ? corruptMessage(bytes) : bytes);
  }

  private send(socket: net.Socket, bytes: Uint8Array): void {
    if (socket.destroyed) return;
    this.ctx.log(`sip2: > ${maskSip2(decodeText(bytes, this.ctx.encoding))}`);
    socket.write(bytes);
  }
}
