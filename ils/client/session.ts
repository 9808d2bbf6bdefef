// One SIP2 conversation over a link: one request at a time, login on (re)connect, AY
// sequence numbers, `96` -> resend our message, a corrupt reply -> ask with `97`.
import { IlsLoginError, IlsOutcomeUnknownError, IlsProtocolError, IlsUnavailableError } from '../errors';
import { decodeSip2, type DecodedSip2, encodeSip2 } from '../sip2/codec';
import { Sip2ParseError } from '../sip2/errors';
import {
  MESSAGE_SPECS,
  RESPONSE_CODE,
  type Sip2Message,
  type Sip2MessageOf,
  type Sip2RequestCode,
  type Sip2ResponseTo,
} from '../sip2/messages';
import { decodeText, type Sip2Encoding } from '../sip2/text';
import { maskSip2 } from '../sip2/trace';
import { FbsErrorAnswer } from '../transport/fbs-envelope';
import { LinkError, type Sip2Link } from '../transport/link';

export interface Sip2SessionOptions {
  link: Sip2Link;
  /** The kiosk's SIP2 account (93 login); FBS has none. */
  login?: { user: string; password: string; location?: string };
  errorDetection: boolean;
  encoding: Sip2Encoding;
  requestTimeoutMs: number;
  /** How many times one request may be resent after `96` or re-asked with `97`. */
  maxResends: number;
  /** Debug trace of the traffic, masked (no PIN, password or CPR). */
  trace?: (line: string) => void;
}

const NAME = new Map<string, string>(MESSAGE_SPECS.map((spec) => [spec.code, spec.name]));

export class Sip2Session {
  private sequence = 0;
  private ready = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: Sip2SessionOptions) {}

  get link(): Sip2Link {
    return this.options.link;
  }

  /** Sends `message` once the requests before it are done; resolves with the ACS's answer. */
  request<C extends Sip2RequestCode>(message: Sip2MessageOf<C>): Promise<Sip2ResponseTo<C>> {
    const run = this.queue.then(
      () => this.run(message),
      () => this.run(message),
    );
    this.queue = run.catch(() => undefined);
    return run as Promise<Sip2ResponseTo<C>>;
  }

  close(): void {
    this.ready = false;
    this.options.link.close();
  }

  private async run(message: Sip2Request): Promise<Sip2Message> {
    await this.ensureReady();
    return this.exchange(message);
  }

  private async ensureReady(): Promise<void> {
    const { link, login, requestTimeoutMs } = this.options;
    if (this.ready && link.connected) return;
    this.ready = false;
    try {
      await link.connect(requestTimeoutMs);
    } catch (error) {
      throw new IlsUnavailableError(error instanceof Error ? error.message : 'cannot connect to the ILS', { cause: error });
    }
    if (login && link.kind !== 'fbs') {
      let reply: Sip2Message;
      try {
        reply = await this.exchange({
          code: '93',
          uidAlgorithm: '0',
          pwdAlgorithm: '0',
          loginUserId: login.user,
          loginPassword: login.password,
          ...(login.location ? { locationCode: login.location } : {}),
        });
      } catch (error) {
        link.close();
        // Logging in changes nothing at the ILS: whatever happened, it is safe to try again.
        throw new IlsUnavailableError(`SIP2 login failed: ${error instanceof Error ? error.message : 'no answer'}`, { cause: error });
      }
      if (reply.code !== '94' || !reply.ok) {
        link.close();
        throw new IlsLoginError();
      }
    }
    this.ready = true;
  }

  private nextSequence(): number {
    const sequence = this.sequence;
    this.sequence = (this.sequence + 1) % 10;
    return sequence;
  }

  private encode(message: Sip2Message, sequence?: number): Uint8Array {
    const { errorDetection, encoding, link } = this.options;
    const detect = errorDetection && link.kind !== 'fbs';
    return encodeSip2(message, {
      encoding,
      errorDetection: detect ? (sequence === undefined ? {} : { sequence }) : undefined,
      terminator: link.kind === 'fbs' ? '' : '\r',
    });
  }

  private async exchange(message: Sip2Request): Promise<Sip2Message> {
    const { link, requestTimeoutMs, maxResends } = this.options;
    const expected = RESPONSE_CODE[message.code];
    const name = NAME.get(message.code) ?? message.code;
    const sequence = this.nextSequence();
    const request = this.encode(message, sequence);
    let outgoing = request;
    for (let attempt = 0; ; attempt += 1) {
      this.trace('>', outgoing);
      let raw: Uint8Array;
      try {
        raw = await link.exchange(outgoing, requestTimeoutMs);
      } catch (error) {
        this.ready = false;
        throw this.linkFailure(error, name, outgoing === request && attempt === 0);
      }
      this.trace('<', raw);
      let decoded: DecodedSip2;
      try {
        decoded = decodeSip2(raw, { encoding: this.options.encoding });
      } catch (error) {
        if (!(error instanceof Sip2ParseError)) throw error;
        if (attempt < maxResends && link.kind !== 'fbs') {
          outgoing = this.encode({ code: '97' }); // ask the ACS to send its answer again
          continue;
        }
        this.close();
        throw new IlsOutcomeUnknownError(name, `the ILS's answer to ${name} could not be read (${error.problem})`, { cause: error });
      }
      const reply = decoded.message;
      if (reply.code === '96') {
        if (attempt < maxResends) {
          outgoing = request; // the ACS could not read ours: same bytes, same sequence number
          continue;
        }
        throw new IlsProtocolError(`the ILS kept asking to resend ${name}`);
      }
      if (reply.code !== expected) {
        this.close();
        throw new IlsOutcomeUnknownError(name, `the ILS answered ${name} with message ${reply.code}`);
      }
      // Stale answers cannot arrive (a timeout drops the connection), so an ACS that echoes
      // AY sloppily is tolerated rather than refused: noted in the trace only.
      if (decoded.sequence !== undefined && decoded.sequence !== sequence) this.options.trace?.(`! AY${decoded.sequence} does not echo AY${sequence}`);
      return reply;
    }
  }

  private linkFailure(error: unknown, name: string, firstSend: boolean): Error {
    if (error instanceof FbsErrorAnswer) return new IlsProtocolError(error.message, { cause: error });
    if (error instanceof LinkError) {
      // Once a 96 or 97 round has begun, the request itself may already have been carried out.
      const delivered = error.delivered || !firstSend;
      return delivered
        ? new IlsOutcomeUnknownError(name, `${name}: ${error.message}`, { cause: error })
        : new IlsUnavailableError(`${name}: ${error.message}`, { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  private trace(direction: '>' | '<', bytes: Uint8Array): void {
    const trace = this.options.trace;
    if (trace) trace(`${direction} ${maskSip2(decodeText(bytes, this.options.encoding))}`);
  }
}

type Sip2Request = Sip2MessageOf<Sip2RequestCode>;
