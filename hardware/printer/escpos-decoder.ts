// Reads an ESC/POS byte stream back into what the paper shows: text lines with their style,
// barcodes, QR codes, feeds and cuts, plus the DLE EOT status requests a printer must answer.
// Streaming: a command split across chunks waits for its remaining bytes. Never throws.
import { type CodePage, codePageFromTableNumber, decodeText } from './code-pages';
import { DLE, ESC, GS, LF } from './escpos-render';
import type { Alignment } from './receipt';

export interface PrintedLine {
  kind: 'line';
  text: string;
  bold: boolean;
  align: Alignment;
  width: number;
  height: number;
}

export type PrintedEvent =
  | PrintedLine
  | { kind: 'barcode'; symbology: number; data: string }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'status-request'; n: number }
  | { kind: 'unknown'; bytes: number[] };

const ALIGNMENTS: Alignment[] = ['left', 'center', 'right'];
/** Parameter bytes of the fixed-length commands the decoder knows but does not act on. */
const ESC_PARAMS: Record<number, number> = { 0x21: 1, 0x2d: 1, 0x32: 0, 0x33: 1, 0x4d: 1, 0x52: 1, 0x56: 1, 0x7b: 1, 0x20: 1, 0x47: 1, 0x4a: 1 };
const GS_PARAMS: Record<number, number> = { 0x42: 1, 0x66: 1, 0x4c: 2, 0x57: 2, 0x62: 1, 0x61: 1 };

export class EscPosDecoder {
  private buffer: number[] = [];
  private page: CodePage;
  private text = '';
  private bold = false;
  private align: Alignment = 'left';
  private size = 0;
  private lineStyle: Omit<PrintedLine, 'kind' | 'text'> | null = null;
  private qrData: number[] | null = null;

  constructor(readonly defaultPage: CodePage = 'pc865') {
    this.page = defaultPage;
  }

  push(chunk: Uint8Array): PrintedEvent[] {
    for (const byte of chunk) this.buffer.push(byte);
    const events: PrintedEvent[] = [];
    let used: number;
    while (this.buffer.length > 0 && (used = this.step(events)) > 0) this.buffer.splice(0, used);
    return events;
  }

  /** Decodes one command or text byte at the buffer's start; 0 = wait for more bytes. */
  private step(events: PrintedEvent[]): number {
    const b = this.buffer;
    const first = b[0]!;
    if (first === LF) {
      this.endLine(events);
      return 1;
    }
    if (first === DLE) {
      if (b.length < 3) return 0;
      if (b[1] !== 0x04) return this.unknown(events, 2);
      events.push({ kind: 'status-request', n: b[2]! });
      return 3;
    }
    if (first === ESC) return b.length < 2 ? 0 : this.escape(events);
    if (first === GS) return b.length < 2 ? 0 : this.group(events);
    if (first >= 0x20) {
      this.lineStyle ??= { bold: this.bold, align: this.align, width: (this.size >> 4) + 1, height: (this.size & 0x0f) + 1 };
      this.text += decodeText(Uint8Array.of(first), this.page);
      return 1;
    }
    return 1; // CR and other control bytes print nothing.
  }

  private escape(events: PrintedEvent[]): number {
    const b = this.buffer;
    const fn = b[1]!;
    if (fn === 0x40) {
      this.bold = false;
      this.align = 'left';
      this.size = 0;
      this.page = this.defaultPage;
      return 2;
    }
    if (b.length < 3) return 0;
    const n = b[2]!;
    switch (fn) {
      case 0x74:
        this.page = codePageFromTableNumber(n) ?? this.page;
        return 3;
      case 0x61:
        this.align = ALIGNMENTS[n % 48] ?? 'left';
        return 3;
      case 0x45:
        this.bold = (n & 1) === 1;
        return 3;
      case 0x64:
        this.endLine(events, false);
        events.push({ kind: 'feed', lines: n });
        return 3;
      default: {
        const params = ESC_PARAMS[fn];
        return params === undefined ? this.unknown(events, 2) : 2 + params;
      }
    }
  }

  private group(events: PrintedEvent[]): number {
    const b = this.buffer;
    const fn = b[1]!;
    if (b.length < 3) return 0;
    const n = b[2]!;
    switch (fn) {
      case 0x21:
        this.size = n;
        return 3;
      case 0x68:
      case 0x77:
      case 0x48:
        return 3;
      case 0x56: {
        const withFeed = n === 0x41 || n === 0x42;
        if (withFeed && b.length < 4) return 0;
        this.endLine(events, false);
        events.push({ kind: 'cut', partial: n === 0x01 || n === 0x31 || n === 0x42 });
        return withFeed ? 4 : 3;
      }
      case 0x6b:
        return this.barcode(events, n);
      case 0x28:
        return this.function(events);
      default: {
        const params = GS_PARAMS[fn];
        return params === undefined ? this.unknown(events, 2) : 2 + params;
      }
    }
  }

  private barcode(events: PrintedEvent[], m: number): number {
    const b = this.buffer;
    let data: number[];
    let used: number;
    if (m <= 6) {
      const end = b.indexOf(0, 3);
      if (end === -1) return b.length > 300 ? this.unknown(events, 3) : 0;
      data = b.slice(3, end);
      used = end + 1;
    } else {
      if (b.length < 4 || b.length < 4 + b[3]!) return 0;
      data = b.slice(4, 4 + b[3]!);
      used = 4 + b[3]!;
    }
    let text = String.fromCharCode(...data);
    // CODE128 data carries code set switches ({A {B {C); a doubled brace is a literal one.
    if (m === 0x49) text = text.replace(/\{([ABCS1234{])/g, (_, code: string) => (code === '{' ? '{' : ''));
    events.push({ kind: 'barcode', symbology: m, data: text });
    return used;
  }

  /** GS ( k pL pH cn fn ...: only the QR store and print functions matter here. */
  private function(events: PrintedEvent[]): number {
    const b = this.buffer;
    if (b.length < 5) return 0;
    const length = b[3]! | (b[4]! << 8);
    if (b.length < 5 + length) return 0;
    const args = b.slice(5, 5 + length);
    if (b[2] === 0x6b && args[0] === 0x31 && args[1] === 0x50) this.qrData = args.slice(3);
    if (b[2] === 0x6b && args[0] === 0x31 && args[1] === 0x51 && this.qrData) {
      events.push({ kind: 'qr', data: Buffer.from(this.qrData).toString('utf8') });
    }
    return 5 + length;
  }

  private endLine(events: PrintedEvent[], always = true): void {
    if (!always && this.text === '') return;
    const style = this.lineStyle ?? { bold: this.bold, align: this.align, width: (this.size >> 4) + 1, height: (this.size & 0x0f) + 1 };
    events.push({ kind: 'line', text: this.text, ...style });
    this.text = '';
    this.lineStyle = null;
  }

  private unknown(events: PrintedEvent[], length: number): number {
    events.push({ kind: 'unknown', bytes: this.buffer.slice(0, length) });
    return length;
  }
}
