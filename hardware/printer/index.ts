// The receipt printer: receipt model, ESC/POS rendering and decoding, transports, device, simulator.
export { CODE_TABLE_NUMBER, codePageFromTableNumber, decodeText, encodeText, type CodePage } from './code-pages';
export {
  line,
  ReceiptError,
  type Alignment,
  type BarcodeLine,
  type CutLine,
  type FeedLine,
  type QrLine,
  type Receipt,
  type ReceiptLine,
  type TextLine,
  type TextStyle,
} from './receipt';
export { renderReceipt, type RenderOptions } from './escpos-render';
export { EscPosDecoder, type PrintedEvent, type PrintedLine } from './escpos-decoder';
export {
  isStatusByte,
  offlineFromByte,
  PAPER_STATUS_REQUEST,
  paperStatusByte,
  paperStatusFromByte,
  PRINTER_STATUS_REQUEST,
  printerStatusByte,
  type PaperStatus,
} from './escpos-status';
export { SerialPrinterTransport, type PrinterTransport, type PrinterTransportEvents, type SerialPrinterOptions } from './transport';
export { FilePrinterTransport, PrinterTransportError, type FilePrinterOptions } from './file-transport';
export {
  PrinterUnavailableError,
  ReceiptPrinter,
  type PaperState,
  type PrinterStatus,
  type PrinterUnavailableReason,
  type ReceiptPrinterEvents,
  type ReceiptPrinterOptions,
} from './receipt-printer';
export { EscPosPrinterSimulator, startPrinterSimulator, type PrinterSimulatorEvents, type PrinterSimulatorOptions } from './printer-simulator';
