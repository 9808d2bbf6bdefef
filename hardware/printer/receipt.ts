// A receipt as data: what the kiosk wants printed, independent of the printer's command set.

export type Alignment = 'left' | 'center' | 'right';

export interface TextStyle {
  bold?: boolean;
  align?: Alignment;
  /** Character magnification 1-8 (default 1). */
  width?: number;
  height?: number;
}

export interface TextLine extends TextStyle {
  kind: 'text';
  /** One printed line; a '\n' inside starts another line with the same style. */
  text: string;
}

export interface BarcodeLine {
  kind: 'barcode';
  /** CODE128 (code set B): printable ASCII, at most 250 characters. */
  data: string;
  /** Bar height in dots (default 80). */
  height?: number;
  /** Narrow bar width 2-6 (default 2). */
  moduleWidth?: number;
  align?: Alignment;
}

export interface QrLine {
  kind: 'qr';
  data: string;
  /** Module size in dots 1-16 (default 6). */
  moduleSize?: number;
  errorLevel?: 'L' | 'M' | 'Q' | 'H';
  align?: Alignment;
}

export interface FeedLine {
  kind: 'feed';
  lines: number;
}

export interface CutLine {
  kind: 'cut';
  partial?: boolean;
  /** Feed this many lines before cutting (GS V 65/66 n); without it the cut is immediate. */
  feedLines?: number;
}

export type ReceiptLine = TextLine | BarcodeLine | QrLine | FeedLine | CutLine;

export interface Receipt {
  lines: ReceiptLine[];
}

/** The receipt cannot be rendered (a barcode too long, a size out of range...). */
export class ReceiptError extends Error {
  override name = 'ReceiptError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`receipt line ${line + 1}: ${message}`);
  }
}

/** Shorthands for building receipts in code. */
export const line = {
  text: (text: string, style: TextStyle = {}): TextLine => ({ kind: 'text', text, ...style }),
  barcode: (data: string, options: Omit<BarcodeLine, 'kind' | 'data'> = {}): BarcodeLine => ({ kind: 'barcode', data, ...options }),
  qr: (data: string, options: Omit<QrLine, 'kind' | 'data'> = {}): QrLine => ({ kind: 'qr', data, ...options }),
  feed: (lines: number): FeedLine => ({ kind: 'feed', lines }),
  cut: (options: Omit<CutLine, 'kind'> = {}): CutLine => ({ kind: 'cut', ...options }),
};
