// Renders a receipt to ESC/POS bytes (../shared/docs/PROTOCOLS.md section 8): init, code
// table, then each line; style commands are sent only when the style changes.
import { CODE_TABLE_NUMBER, type CodePage, encodeText } from './code-pages';
import { type Alignment, type BarcodeLine, type CutLine, type QrLine, type Receipt, ReceiptError, type TextLine } from './receipt';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const LF = 0x0a;

const ALIGN: Record<Alignment, number> = { left: 0, center: 1, right: 2 };
const QR_LEVEL = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 } as const;
const MAX_QR_BYTES = 7089;

export interface RenderOptions {
  codePage?: CodePage;
}

interface Style {
  align: number;
  bold: boolean;
  size: number;
}

export function renderReceipt(receipt: Receipt, options: RenderOptions = {}): Uint8Array {
  const page = options.codePage ?? 'pc865';
  const out: number[] = [ESC, 0x40, ESC, 0x74, CODE_TABLE_NUMBER[page]];
  // After ESC @ the printer is left-aligned, not bold, normal size.
  const style: Style = { align: 0, bold: false, size: 0 };
  const setAlign = (align: Alignment | undefined) => {
    const value = ALIGN[align ?? 'left'];
    if (value !== style.align) out.push(ESC, 0x61, (style.align = value));
  };
  receipt.lines.forEach((entry, index) => {
    switch (entry.kind) {
      case 'text':
        setAlign(entry.align);
        renderText(entry, index, style, page, out);
        break;
      case 'barcode':
        setAlign(entry.align);
        renderBarcode(entry, index, out);
        break;
      case 'qr':
        setAlign(entry.align);
        renderQr(entry, index, out);
        break;
      case 'feed':
        out.push(ESC, 0x64, checkRange(entry.lines, 0, 255, 'feed lines', index));
        break;
      case 'cut':
        renderCut(entry, index, out);
        break;
      default:
        throw new ReceiptError(index, `unknown line kind '${(entry as { kind: unknown }).kind}'`);
    }
  });
  return Uint8Array.from(out);
}

function renderText(entry: TextLine, index: number, style: Style, page: CodePage, out: number[]): void {
  const bold = entry.bold ?? false;
  if (bold !== style.bold) {
    style.bold = bold;
    out.push(ESC, 0x45, bold ? 1 : 0);
  }
  const width = checkRange(entry.width ?? 1, 1, 8, 'width', index);
  const height = checkRange(entry.height ?? 1, 1, 8, 'height', index);
  const size = ((width - 1) << 4) | (height - 1);
  if (size !== style.size) out.push(GS, 0x21, (style.size = size));
  for (const text of entry.text.split('\n')) out.push(...encodeText(text, page), LF);
}

function renderBarcode(entry: BarcodeLine, index: number, out: number[]): void {
  if (!/^[\x20-\x7e]{1,250}$/.test(entry.data)) throw new ReceiptError(index, 'a CODE128 barcode holds 1-250 printable ASCII characters');
  // '{' starts a code set switch in the printer's CODE128 data, so a literal one is doubled.
  const data = [...Buffer.from(`{B${entry.data.replace(/\{/g, '{{')}`, 'ascii')];
  if (data.length > 255) throw new ReceiptError(index, 'barcode data is too long');
  out.push(GS, 0x68, checkRange(entry.height ?? 80, 1, 255, 'barcode height', index));
  out.push(GS, 0x77, checkRange(entry.moduleWidth ?? 2, 2, 6, 'barcode module width', index));
  out.push(GS, 0x48, 0x02, GS, 0x6b, 0x49, data.length, ...data);
}

function renderQr(entry: QrLine, index: number, out: number[]): void {
  const data = Buffer.from(entry.data, 'utf8');
  if (data.length === 0 || data.length > MAX_QR_BYTES) throw new ReceiptError(index, `QR data must be 1-${MAX_QR_BYTES} bytes`);
  const size = checkRange(entry.moduleSize ?? 6, 1, 16, 'QR module size', index);
  const stored = data.length + 3;
  out.push(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
  out.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, size);
  out.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, QR_LEVEL[entry.errorLevel ?? 'M']);
  out.push(GS, 0x28, 0x6b, stored & 0xff, stored >> 8, 0x31, 0x50, 0x30, ...data);
  out.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
}

function renderCut(entry: CutLine, index: number, out: number[]): void {
  if (entry.feedLines === undefined) out.push(GS, 0x56, entry.partial ? 0x01 : 0x00);
  else out.push(GS, 0x56, entry.partial ? 0x42 : 0x41, checkRange(entry.feedLines, 0, 255, 'cut feed lines', index));
}

function checkRange(value: number, min: number, max: number, what: string, index: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new ReceiptError(index, `${what} must be an integer from ${min} to ${max}`);
  return value;
}
