// Raw SIP2 over TCP, optionally TLS: one socket, messages framed by CR.
import net from 'node:net';
import tls from 'node:tls';
import { Sip2Framer } from '../sip2/framer';
import { LinkError, type Sip2Link } from './link';

export interface TcpLinkOptions {
  host: string;
  port: number;
  /** TLS options (ca, servername, rejectUnauthorized...) to speak SIP2 over TLS. */
  tls?: tls.ConnectionOptions;
}

interface Waiter {
  resolve(bytes: Uint8Array): void;
  reject(error: LinkError): void;
}

export class TcpLink implements Sip2Link {
  readonly kind: 'tcp' | 'tls';
  private socket: net.Socket | undefined;
  private readonly framer = new Sip2Framer();
  private waiter: Waiter | undefined;

  constructor(private readonly options: TcpLinkOptions) {
    this.kind = options.tls ? 'tls' : 'tcp';
  }

  get connected(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  connect(timeoutMs: number): Promise<void> {
    this.close();
    const { host, port } = this.options;
    return new Promise((resolve, reject) => {
      const socket = this.options.tls
        ? // Verified unless the caller says otherwise in code (NODE_TLS_REJECT_UNAUTHORIZED is ignored).
          tls.connect({ rejectUnauthorized: true, ...this.options.tls, host, port })
        : net.connect({ host, port });
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new LinkError(`cannot connect to the ILS at ${host}:${port}: ${error.message}`, false, { cause: error }));
      };
      const timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      socket.once('error', fail);
      socket.once(this.options.tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        socket.off('error', fail);
        this.adopt(socket);
        resolve();
      });
    });
  }

  exchange(bytes: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(new LinkError('not connected to the ILS', false));
    return new Promise((resolve, reject) => {
      // A late answer could be mistaken for the next request's: start over on a new socket.
      const timer = setTimeout(() => this.drop(new LinkError(`no answer from the ILS within ${timeoutMs} ms`, true)), timeoutMs);
      this.waiter = {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      socket.write(bytes);
    });
  }

  close(): void {
    this.drop(new LinkError('the connection to the ILS was closed', true));
  }

  /** Forgets the socket and fails a request waiting on it. */
  private drop(error: LinkError): void {
    const socket = this.socket;
    this.socket = undefined;
    this.framer.reset();
    if (socket && !socket.destroyed) socket.destroy();
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(error);
  }

  private adopt(socket: net.Socket): void {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    socket.on('data', (chunk: Buffer) => {
      let frames: Uint8Array[];
      try {
        frames = this.framer.push(chunk);
      } catch (error) {
        this.fail(socket, new LinkError('the ILS sent an endless line', true, { cause: error }));
        return;
      }
      for (const frame of frames) this.deliver(frame);
    });
    socket.on('error', (error) => this.fail(socket, new LinkError(`ILS connection error: ${error.message}`, true, { cause: error })));
    socket.on('close', () => this.fail(socket, new LinkError('the ILS closed the connection', true)));
  }

  // A message nobody waits for (unsolicited, or a second copy) answers nothing: dropped.
  private deliver(frame: Uint8Array): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve(frame);
  }

  private fail(socket: net.Socket, error: LinkError): void {
    if (this.socket === socket) this.drop(error);
  }
}
