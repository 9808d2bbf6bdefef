// FBS: each SIP2 message is POSTed as XML to https://<host>/rest/sip2/<agency> (HTTP for
// the simulator). No login message, no error detection, no CR.
import http from 'node:http';
import https from 'node:https';
import { maskCprLike } from '../sip2/trace';
import { decodeText, encodeText, type Sip2Encoding } from '../sip2/text';
import { buildFbsRequest, FbsErrorAnswer, parseFbsResponse } from './fbs-envelope';
import { LinkError, type Sip2Link } from './link';

export interface FbsLinkOptions {
  /** The endpoint, e.g. `https://cicero-fbs.com/rest/sip2/DK-775100`. */
  url: string;
  login: string;
  password: string;
  /** TLS options for https (ca, rejectUnauthorized...). */
  tls?: https.RequestOptions;
  encoding?: Sip2Encoding;
}

export class FbsLink implements Sip2Link {
  readonly kind = 'fbs' as const;
  private readonly url: URL;

  constructor(private readonly options: FbsLinkOptions) {
    this.url = new URL(options.url);
    if (this.url.protocol !== 'https:' && this.url.protocol !== 'http:') {
      throw new Error(`the FBS address must be http(s), got ${this.url.protocol}`);
    }
  }

  // Stateless HTTP: always ready; a failing POST says whether the ILS is reachable.
  get connected(): boolean {
    return true;
  }

  async connect(): Promise<void> {}

  close(): void {}

  exchange(bytes: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    const encoding = this.options.encoding ?? 'utf-8';
    const message = decodeText(bytes, encoding).replace(/[\r\n]+$/, '');
    const body = Buffer.from(buildFbsRequest(message, this.options.login, this.options.password), 'utf8');
    const client = this.url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      let sent = false;
      const request = client.request(
        this.url,
        {
          ...(this.url.protocol === 'https:' ? this.options.tls : {}),
          method: 'POST',
          agent: false, // a fresh socket per message: a failed one cannot poison the next
          headers: { 'content-type': 'application/xml; charset=UTF-8', 'content-length': body.length },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(new LinkError(`FBS answer broke off: ${error.message}`, true, { cause: error })));
          response.on('end', () => {
            clearTimeout(timer);
            const xml = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200) {
              reject(new LinkError(`FBS answered HTTP ${response.statusCode ?? '?'}`, true));
              return;
            }
            try {
              resolve(encodeText(parseFbsResponse(xml), encoding));
            } catch (error) {
              if (error instanceof FbsErrorAnswer) {
                reject(new FbsErrorAnswer(maskCprLike(error.message)));
              } else {
                reject(new LinkError('FBS sent an answer that is not an FBS envelope', true, { cause: error }));
              }
            }
          });
        },
      );
      const timer = setTimeout(() => {
        request.destroy();
        reject(new LinkError(`no answer from FBS within ${timeoutMs} ms`, sent));
      }, timeoutMs);
      request.on('socket', (socket) => socket.once(this.url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (sent = true)));
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(new LinkError(`cannot reach FBS at ${this.url.host}: ${error.message}`, sent, { cause: error }));
      });
      request.end(body);
    });
  }
}
