// Splits a byte stream into SIP2 messages at CR (CRLF and a bare LF are accepted too).
// Pure: the transport feeds chunks in and gets whole messages out.

export const MAX_MESSAGE_BYTES = 64 * 1024;

export class Sip2FrameTooLongError extends Error {
  override name = 'Sip2FrameTooLongError';
  constructor() {
    super(`no message terminator within ${MAX_MESSAGE_BYTES} bytes`);
  }
}

export class Sip2Framer {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;

  /** Whole messages completed by `chunk`, without their terminators; empty lines are skipped. */
  push(chunk: Uint8Array): Uint8Array[] {
    const messages: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i];
      if (byte !== 0x0d && byte !== 0x0a) continue;
      const message = this.take(chunk.subarray(start, i));
      if (message.length > MAX_MESSAGE_BYTES) {
        this.reset();
        throw new Sip2FrameTooLongError(); // a long line that happened to arrive in one chunk
      }
      if (message.length > 0) messages.push(message);
      start = i + 1;
    }
    if (start < chunk.length) {
      this.pending.push(chunk.slice(start));
      this.pendingLength += chunk.length - start;
      if (this.pendingLength > MAX_MESSAGE_BYTES) {
        this.reset();
        throw new Sip2FrameTooLongError();
      }
    }
    return messages;
  }

  reset(): void {
    this.pending = [];
    this.pendingLength = 0;
  }

  private take(last: Uint8Array): Uint8Array {
    if (this.pending.length === 0) return last.slice();
    const out = new Uint8Array(this.pendingLength + last.length);
    let at = 0;
    for (const part of this.pending) {
      out.set(part, at);
      at += part.length;
    }
    out.set(last, at);
    this.reset();
    return out;
  }
}
