// A link carries one SIP2 message and brings back the next one. Raw TCP/TLS and the FBS
// HTTP envelope both fit; the session above adds sequence numbers, resends and login.

/** Why a link could not bring back an answer, and whether the request may have arrived. */
export class LinkError extends Error {
  override name = 'LinkError';
  constructor(
    message: string,
    /** True when the bytes may have reached the ILS (written, or sent over HTTP). */
    readonly delivered: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The answer grew past what any SIP2 answer needs: refused before more of it is read. */
export class ReplyTooLargeError extends LinkError {
  override name = 'ReplyTooLargeError';
  constructor(what: string, limitBytes: number) {
    super(`${what} is larger than ${limitBytes} bytes; refused`, true);
  }
}

export interface Sip2Link {
  /** Raw SIP2 (93 login, error detection, CR) or the FBS envelope (none of these). */
  readonly kind: 'tcp' | 'tls' | 'fbs';
  readonly connected: boolean;
  connect(timeoutMs: number): Promise<void>;
  /** Sends one message; resolves with the next message received. Throws LinkError. */
  exchange(bytes: Uint8Array, timeoutMs: number): Promise<Uint8Array>;
  close(): void;
}
