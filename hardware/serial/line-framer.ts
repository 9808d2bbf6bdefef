// Splits a byte stream into lines ended by a configurable suffix (CR, CRLF or LF).

export type LineSuffix = 'CR' | 'CRLF' | 'LF';

const SUFFIX_BYTES: Record<LineSuffix, Buffer> = {
  CR: Buffer.from([0x0d]),
  CRLF: Buffer.from([0x0d, 0x0a]),
  LF: Buffer.from([0x0a]),
};

export function suffixBytes(suffix: LineSuffix): Buffer {
  return Buffer.from(SUFFIX_BYTES[suffix]);
}

/** The bytes a device sends for one line: the payload followed by the suffix. */
export function encodeLine(payload: Uint8Array | string, suffix: LineSuffix): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : Buffer.from(payload);
  return Buffer.concat([body, SUFFIX_BYTES[suffix]]);
}

export interface LineFramerOptions {
  suffix: LineSuffix;
  /** A line longer than this is dropped (a stuck or noisy device must not grow memory). */
  maxLength?: number;
  /** Drop empty lines, e.g. the LF of a CRLF reader configured as CR. Default true. */
  skipEmpty?: boolean;
}

export class LineFramer {
  private readonly suffix: Buffer;
  private readonly maxLength: number;
  private readonly skipEmpty: boolean;
  private buffer = Buffer.alloc(0);
  private discarding = false;
  /** Lines dropped because they grew past maxLength. */
  overflows = 0;

  constructor(options: LineFramerOptions) {
    this.suffix = SUFFIX_BYTES[options.suffix];
    this.maxLength = options.maxLength ?? 1024;
    this.skipEmpty = options.skipEmpty ?? true;
  }

  /** Feeds bytes; returns every line completed by them, without the suffix. */
  push(chunk: Uint8Array): Buffer[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const lines: Buffer[] = [];
    let index: number;
    while ((index = this.buffer.indexOf(this.suffix)) !== -1) {
      const line = this.buffer.subarray(0, index);
      this.buffer = this.buffer.subarray(index + this.suffix.length);
      if (this.discarding) {
        this.discarding = false;
        continue;
      }
      if (line.length > this.maxLength) {
        this.overflows += 1;
        continue;
      }
      if (line.length > 0 || !this.skipEmpty) lines.push(Buffer.from(line));
    }
    // Keep a possible partial suffix, drop the rest of an overlong line.
    if (this.buffer.length > this.maxLength + this.suffix.length) {
      this.overflows += this.discarding ? 0 : 1;
      this.discarding = true;
      this.buffer = Buffer.from(this.buffer.subarray(this.buffer.length - (this.suffix.length - 1)));
    }
    return lines;
  }

  /** Bytes waiting for a suffix. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Forgets a half line, e.g. after a reconnect. */
  reset(): void {
    this.buffer = Buffer.alloc(0);
    this.discarding = false;
  }
}
