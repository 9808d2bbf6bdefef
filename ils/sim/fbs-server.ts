// The simulated ILS behind the FBS envelope: POST /rest/sip2/<institution> with the SIP2
// message in XML; answers in the FBS dialect. Faults apply per request.
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { decodeSip2, encodeSip2 } from '../sip2/codec';
import { Sip2ParseError } from '../sip2/errors';
import { type Sip2Request } from '../sip2/messages';
import { decodeText, encodeText } from '../sip2/text';
import { maskSip2 } from '../sip2/trace';
import { buildFbsError, buildFbsResponse, FbsEnvelopeError, parseFbsRequest } from '../transport/fbs-envelope';
import { delay, type SimFaults } from './faults';
import { respond, type ResponderContext } from './responder';

export interface FbsServerContext {
  institution: string;
  responder: (request: Sip2Request) => ResponderContext;
  faults: SimFaults;
  user: string;
  password: string;
  log: (line: string) => void;
}

const MAX_BODY = 256 * 1024;

export class FbsServer {
  private server: http.Server | undefined;

  constructor(private readonly ctx: FbsServerContext) {}

  listen(options: { host?: string; port?: number } = {}): Promise<{ host: string; port: number; url: string }> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        const address = server.address() as AddressInfo;
        resolve({ host: address.address, port: address.port, url: `http://${address.address}:${address.port}/rest/sip2/${this.ctx.institution}` });
      });
    });
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { faults, log } = this.ctx;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.socket.destroy();
        return;
      }
      chunks.push(chunk);
    }
    if (req.method !== 'POST' || req.url !== `/rest/sip2/${this.ctx.institution}`) {
      this.reply(res, 404, buildFbsError(`no such agency endpoint: ${req.method ?? ''} ${req.url ?? ''}`));
      return;
    }
    if (faults.isSilent()) return; // the request hangs until the client gives up
    const drop = faults.takeDrop();
    if (drop === 'before-processing') {
      req.socket.destroy();
      return;
    }
    let envelope;
    try {
      envelope = parseFbsRequest(Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      this.reply(res, 400, buildFbsError(error instanceof FbsEnvelopeError ? error.message : 'bad request'));
      return;
    }
    if (envelope.login !== this.ctx.user || envelope.password !== this.ctx.password) {
      this.reply(res, 200, buildFbsError('Login failed: unknown login or wrong password'));
      return;
    }
    log(`fbs: < ${maskSip2(envelope.message)}`);
    let request: Sip2Request;
    try {
      // Liberal in what it accepts, as real FBS is with real clients (BibBox's short 63 summary).
      request = decodeSip2(envelope.message, { liberal: true }).message as Sip2Request;
    } catch (error) {
      this.reply(res, 200, buildFbsError(`ERROR INPUT (${error instanceof Sip2ParseError ? error.problem : 'unreadable'})`));
      return;
    }
    const answer = respond(request, this.ctx.responder(request));
    if (!answer) {
      this.reply(res, 200, buildFbsError('ERROR INPUT (unsupported message)'));
      return;
    }
    const message = decodeText(encodeSip2(answer, { terminator: '' }), 'utf-8');
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    if (drop === 'after-processing') {
      req.socket.destroy();
      return;
    }
    log(`fbs: > ${maskSip2(message)}`);
    const corrupt = faults.takeCorrupt();
    this.reply(res, 200, buildFbsResponse(corrupt ? `#${message.slice(1)}` : message));
  }

  private reply(res: http.ServerResponse, status: number, xml: string): void {
    if (res.destroyed) return;
    const body = encodeText(xml, 'utf-8');
    res.writeHead(status, { 'content-type': 'application/xml;charset=UTF-8', 'content-length': body.length });
    res.end(body);
  }
}
