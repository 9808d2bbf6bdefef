// One SIP2 conversation over a link: one request at a time, login on (re)connect, AY
// sequence numbers, `96` -> resend our message, a corrupt reply or one that does not answer
// this request (AY, AA, AB; AZ missing with error detection on) -> ask again with `97`.
import { IlsLoginError, IlsOutcomeUnknownError, IlsProtocolError, IlsUnavailableError, IlsUnusableAnswerError } from '../errors';
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
import { replyMismatch } from './reply-match';

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
    // The caller gets `run`'s error; the queue only needs to know it is done.
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
    const name = NAME.get(message.code) ?? message.code;
    const sequence = this.nextSequence();
    const request = this.encode(message, sequence);
    let outgoing = request;
    let outOfStep = false;
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
      const read = this.read(raw, message, sequence);
      if ('reply' in read && read.reply.code === '96') {
        if (attempt < maxResends) {
          outgoing = request; // the ACS could not read ours: same bytes, same sequence number
          continue;
        }
        throw new IlsProtocolError(`the ILS kept asking to resend ${name}`);
      }
      if ('unreadable' in read || 'mismatch' in read) {
        outOfStep ||= 'mismatch' in read;
        this.options.trace?.(`! refused: ${'mismatch' in read ? read.mismatch : read.unreadable.message}`);
        if (attempt < maxResends && link.kind !== 'fbs') {
          outgoing = this.encode({ code: '97' }); // ask the ACS to send its answer again
          continue;
        }
        this.close();
        throw 'mismatch' in read
          ? new IlsUnusableAnswerError(name, `the ILS's answer does not answer this ${name} request (${read.mismatch})`)
          : new IlsUnusableAnswerError(name, `the ILS's answer to ${name} could not be read (${read.unreadable.problem})`, { cause: read.unreadable });
      }
      const reply = read.reply;
      if (reply.code !== RESPONSE_CODE[message.code]) {
        this.close();
        throw new IlsUnusableAnswerError(name, `the ILS answered ${name} with message ${reply.code}`);
      }
      // Answers arrived out of step on this connection: whatever else is in flight on it could
      // be taken for the next request's answer, so the next request starts on a fresh one.
      if (outOfStep) this.close();
      return reply;
    }
  }

  /**
   * The reply, if it is readable, carries the error detection we asked for (AZ, and AY equal
   * to the request's), and names the patron and item asked about. `96` needs no AY.
   */
  private read(raw: Uint8Array, request: Sip2Request, sequence: number): { reply: Sip2Message } | { unreadable: Sip2ParseError } | { mismatch: string } {
    let decoded: DecodedSip2;
    try {
      decoded = decodeSip2(raw, { encoding: this.options.encoding });
    } catch (error) {
      if (!(error instanceof Sip2ParseError)) throw error;
      return { unreadable: error };
    }
    const reply = decoded.message;
    if (reply.code === '96') return { reply };
    if (this.options.errorDetection && this.options.link.kind !== 'fbs') {
      if (!decoded.errorDetection) return { unreadable: new Sip2ParseError('checksum', 'no AZ checksum although error detection is on', reply.code) };
      if (decoded.sequence === undefined) return { mismatch: 'no AY sequence number' };
      if (decoded.sequence !== sequence) return { mismatch: `AY${decoded.sequence} instead of AY${sequence}` };
    }
    const mismatch = reply.code === RESPONSE_CODE[request.code] ? replyMismatch(request, reply) : undefined;
    return mismatch ? { mismatch } : { reply };
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
