// FBS: each SIP2 message is POSTed as XML to https://<host>/rest/sip2/<agency> (HTTP for
// the simulator). No login message, no error detection, no CR.
import http from 'node:http';
import https from 'node:https';
import { maskCprLike, maskSip2Fields } from '../sip2/mask';
import { decodeText, encodeText, type Sip2Encoding } from '../sip2/text';
import { buildFbsRequest, FbsErrorAnswer, parseFbsResponse } from './fbs-envelope';
import { MAX_MESSAGE_BYTES } from '../sip2/framer';
import { LinkError, ReplyTooLargeError, type Sip2Link } from './link';

/**
 * The most an FBS answer may hold. The SIP2 message inside is held to the raw link's frame
 * limit (64 KiB, far above a 64 with a few hundred loans); XML escaping can grow text up to
 * six times (`&quot;`), and the envelope adds a few hundred bytes: 1 MiB covers both, and
 * keeps a broken or hostile server from filling the kiosk's memory.
 */
export const MAX_FBS_BODY_BYTES = 1024 * 1024;

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
          // Verified unless the caller says otherwise in code (NODE_TLS_REJECT_UNAUTHORIZED is ignored).
          ...(this.url.protocol === 'https:' ? { rejectUnauthorized: true, ...this.options.tls } : {}),
          method: 'POST',
          agent: false, // a fresh socket per message: a failed one cannot poison the next
          headers: { 'content-type': 'application/xml; charset=UTF-8', 'content-length': body.length },
        },
        (response) => {
          const fail = (error: LinkError) => {
            clearTimeout(timer);
            request.destroy();
            reject(error);
          };
          const declared = Number(response.headers['content-length'] ?? 0);
          if (declared > MAX_FBS_BODY_BYTES) {
            fail(new ReplyTooLargeError('the FBS answer', MAX_FBS_BODY_BYTES));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_FBS_BODY_BYTES) fail(new ReplyTooLargeError('the FBS answer', MAX_FBS_BODY_BYTES));
            else chunks.push(chunk);
          });
          response.on('error', (error) => fail(new LinkError(`FBS answer broke off: ${error.message}`, true, { cause: error })));
          response.on('end', () => {
            clearTimeout(timer);
            if (size > MAX_FBS_BODY_BYTES) return;
            const xml = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200) {
              reject(new LinkError(`FBS answered HTTP ${response.statusCode ?? '?'}`, true));
              return;
            }
            try {
              const message = encodeText(parseFbsResponse(xml), encoding);
              if (message.length > MAX_MESSAGE_BYTES) reject(new ReplyTooLargeError('the SIP2 message in the FBS answer', MAX_MESSAGE_BYTES));
              else resolve(message);
            } catch (error) {
              if (error instanceof FbsErrorAnswer) {
                reject(new FbsErrorAnswer(maskCprLike(maskSip2Fields(error.message)))); // FBS may echo the request
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
