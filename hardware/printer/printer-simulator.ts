// A simulated ESC/POS receipt printer on the simulator end of a pty pair: decodes what the
// driver sends into printed lines (PC865 by default) and answers DLE EOT from a paper state
// tests and the UI can change (ok, near end, out, offline).
import { type SerialBinding, SerialSimulator } from '../serial';
import type { CodePage } from './code-pages';
import { EscPosDecoder, type PrintedEvent } from './escpos-decoder';
import { type PaperStatus, paperStatusByte, printerStatusByte } from './escpos-status';

export interface PrinterSimulatorOptions {
  /** The simulator end of the pty pair. */
  path: string;
  baudRate?: number;
  codePage?: CodePage;
  binding?: SerialBinding;
}

export interface PrinterSimulatorEvents {
  printed: [PrintedEvent];
  /** Everything printed since the previous cut, when the paper is cut. */
  receipt: [PrintedEvent[]];
}

type Printed = Exclude<PrintedEvent, { kind: 'status-request' }>;

export class EscPosPrinterSimulator extends SerialSimulator<PrinterSimulatorEvents> {
  private decoder: EscPosDecoder;
  private readonly codePage: CodePage;
  private paper: PaperStatus = 'ok';
  private offline = false;
  private held: Printed[] = [];
  private output: Printed[] = [];
  private sinceCut: Printed[] = [];
  private raw: Buffer[] = [];

  constructor(options: PrinterSimulatorOptions) {
    super({ path: options.path, baudRate: options.baudRate ?? 9600, binding: options.binding });
    this.codePage = options.codePage ?? 'pc865';
    this.decoder = new EscPosDecoder(this.codePage);
    this.link.on('data', (chunk) => this.onData(chunk));
    this.link.on('status', () => (this.decoder = new EscPosDecoder(this.codePage)));
  }

  /** Paper out (or offline) holds printing until the paper is back, as a real printer does. */
  setPaper(paper: PaperStatus): void {
    this.paper = paper;
    this.release();
  }

  setOffline(offline: boolean): void {
    this.offline = offline;
    this.release();
  }

  paperState(): { paper: PaperStatus; offline: boolean } {
    return { paper: this.paper, offline: this.offline };
  }

  /** Everything printed so far (lines, barcodes, QR codes, feeds, cuts). */
  printed(): Printed[] {
    return [...this.output];
  }

  /** The text of every printed line. */
  lines(): string[] {
    return this.output.flatMap((event) => (event.kind === 'line' ? [event.text] : []));
  }

  /** Every byte the driver sent, as received on the line. */
  receivedBytes(): Buffer {
    return Buffer.concat(this.raw);
  }

  clear(): void {
    this.output = [];
    this.sinceCut = [];
    this.raw = [];
  }

  /** Resolves with the next receipt once it is cut. */
  nextReceipt(timeoutMs = 5000): Promise<PrintedEvent[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('receipt', onReceipt);
        reject(new Error(`no receipt cut within ${timeoutMs} ms`));
      }, timeoutMs);
      const onReceipt = (receipt: PrintedEvent[]) => {
        clearTimeout(timer);
        resolve(receipt);
      };
      this.once('receipt', onReceipt);
    });
  }

  private onData(chunk: Buffer): void {
    this.raw.push(chunk);
    for (const event of this.decoder.push(chunk)) {
      if (event.kind === 'status-request') this.answer(event.n);
      else if (this.ready()) this.print(event);
      else this.held.push(event);
    }
  }

  private answer(n: number): void {
    const reply = n === 4 ? paperStatusByte(this.paper) : n === 1 ? printerStatusByte(this.offline || this.paper === 'out') : 0x12;
    // A simulator (demo and tests): a reply the reader never gets shows as its own status timeout.
    void this.link.write(Uint8Array.of(reply)).catch(() => undefined);
  }

  private ready(): boolean {
    return !this.offline && this.paper !== 'out';
  }

  private release(): void {
    if (!this.ready()) return;
    const held = this.held;
    this.held = [];
    held.forEach((event) => this.print(event));
  }

  private print(event: Printed): void {
    this.output.push(event);
    this.sinceCut.push(event);
    this.emit('printed', event);
    if (event.kind !== 'cut') return;
    const receipt = this.sinceCut;
    this.sinceCut = [];
    this.emit('receipt', receipt);
  }
}

/** Starts a simulated printer on `linkPath` (the registry entry for `kiosk simulate printer`). */
export async function startPrinterSimulator(linkPath: string, options: Omit<PrinterSimulatorOptions, 'path'> = {}): Promise<EscPosPrinterSimulator> {
  const simulator = new EscPosPrinterSimulator({ ...options, path: linkPath });
  await simulator.start();
  return simulator;
}
