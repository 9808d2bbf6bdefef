// Finds FEIG frames in a byte stream: frames split over chunks, several per chunk, garbage in
// between. Never throws on input; bad bytes come out as typed errors, one per garbage run.
import { feigCrc16 } from './crc';
import { ADVANCED_OVERHEAD, ADVANCED_START, type FeigFrame, FeigFrameError, STANDARD_OVERHEAD } from './frame';

export type FeigParserOutput = { readonly frame: FeigFrame } | { readonly error: FeigFrameError };

export interface FeigFrameParserOptions {
  /** Smallest payload a valid frame has: 1 for replies (the STATUS byte), 0 for requests. */
  minPayload?: number;
  /** Longest advanced frame accepted (default 8192); longer length fields are garbage. */
  maxLength?: number;
}

export class FeigFrameParser {
  private readonly minPayload: number;
  private readonly maxLength: number;
  private buffer = Buffer.alloc(0);
  private resyncing = false;

  constructor(options: FeigFrameParserOptions = {}) {
    this.minPayload = options.minPayload ?? 0;
    this.maxLength = options.maxLength ?? 8192;
  }

  /** Bytes held while waiting for the rest of a frame. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Forgets buffered bytes, e.g. before a new command or after a timeout or reconnect. */
  reset(): void {
    this.buffer = Buffer.alloc(0);
    this.resyncing = false;
  }

  push(chunk: Uint8Array): FeigParserOutput[] {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const out: FeigParserOutput[] = [];
    while (this.buffer.length > 0) {
      const advanced = this.buffer[0] === ADVANCED_START;
      if (advanced && this.buffer.length < 3) break;
      const length = advanced ? (this.buffer[1]! << 8) | this.buffer[2]! : this.buffer[0]!;
      const minimum = (advanced ? ADVANCED_OVERHEAD : STANDARD_OVERHEAD) + this.minPayload;
      if (length < minimum || length > this.maxLength) {
        this.skip(out, 'bad-length', `length field ${length} is outside ${minimum}..${this.maxLength}`);
        continue;
      }
      if (this.buffer.length < length) {
        // A stray byte can look like a long length field; a complete frame behind it wins.
        const later = this.findCompleteFrame();
        if (later === -1) break;
        this.skip(out, 'bad-length', `length field ${length} runs past a complete frame`, later);
        continue;
      }
      const bytes = this.buffer.subarray(0, length);
      if (!crcMatches(bytes)) {
        this.skip(out, 'bad-crc', `frame of ${length} bytes has a bad CRC`);
        continue;
      }
      const header = advanced ? 3 : 1;
      out.push({
        frame: {
          format: advanced ? 'advanced' : 'standard',
          address: bytes[header]!,
          command: bytes[header + 1]!,
          payload: Uint8Array.from(bytes.subarray(header + 2, length - 2)),
        },
      });
      this.buffer = this.buffer.subarray(length);
      this.resyncing = false;
    }
    return out;
  }

  /** Start of the first complete, CRC-valid frame after position 0 (bounded scan), or -1. */
  private findCompleteFrame(): number {
    const end = Math.min(this.buffer.length - STANDARD_OVERHEAD - this.minPayload, LOOKAHEAD_LIMIT);
    for (let at = 1; at <= end; at++) {
      const advanced = this.buffer[at] === ADVANCED_START;
      if (advanced && at + 3 > this.buffer.length) continue;
      const length = advanced ? (this.buffer[at + 1]! << 8) | this.buffer[at + 2]! : this.buffer[at]!;
      const minimum = (advanced ? ADVANCED_OVERHEAD : STANDARD_OVERHEAD) + this.minPayload;
      if (length < minimum || length > this.maxLength || at + length > this.buffer.length) continue;
      if (crcMatches(this.buffer.subarray(at, at + length))) return at;
    }
    return -1;
  }

  /** Drops bytes and looks for a frame start after them; reports only the first of a run. */
  private skip(out: FeigParserOutput[], reason: 'bad-length' | 'bad-crc', message: string, count = 1): void {
    if (!this.resyncing) out.push({ error: new FeigFrameError(reason, message) });
    this.resyncing = true;
    this.buffer = this.buffer.subarray(count);
  }
}

const LOOKAHEAD_LIMIT = 1024;

function crcMatches(frame: Uint8Array): boolean {
  const length = frame.length;
  return feigCrc16(frame.subarray(0, length - 2)) === (frame[length - 2]! | (frame[length - 1]! << 8));
}
