// The receipt printer as the kiosk sees it: prints receipts, polls paper and online status with
// DLE EOT, and tells the rest of the product when paper runs low, runs out or the printer
// goes offline, so the kiosk can stop offering receipts.
import { EventEmitter } from 'node:events';
import { type DeviceStatus, deviceStatus } from '../device-status';
import type { CodePage } from './code-pages';
import { renderReceipt } from './escpos-render';
import {
  isStatusByte,
  offlineFromByte,
  PAPER_STATUS_REQUEST,
  type PaperStatus,
  paperStatusFromByte,
  PRINTER_STATUS_REQUEST,
} from './escpos-status';
import type { Receipt } from './receipt';
import type { PrinterTransport } from './transport';

export type PaperState = PaperStatus | 'unknown';

export interface PrinterStatus {
  readonly device: DeviceStatus;
  /** 'unknown' when the printer cannot report (write-only device file, no answer). */
  readonly paper: PaperState;
  /** null when unknown. */
  readonly online: boolean | null;
}

export interface ReceiptPrinterEvents {
  status: [PrinterStatus];
  paper: [PaperState];
  online: [boolean];
}

export interface ReceiptPrinterOptions {
  codePage?: CodePage;
  /** How often to ask for paper status (default 5000 ms; 0 = only before each print). */
  pollIntervalMs?: number;
  /** How long to wait for a status byte (default 500 ms). */
  statusTimeoutMs?: number;
}

export type PrinterUnavailableReason = 'disconnected' | 'paper-out' | 'offline';

/** The receipt was not sent because the printer cannot print it now. */
export class PrinterUnavailableError extends Error {
  override name = 'PrinterUnavailableError';
  constructor(readonly reason: PrinterUnavailableReason) {
    super(`receipt printer unavailable: ${reason}`);
  }
}

export class ReceiptPrinter extends EventEmitter<ReceiptPrinterEvents> {
  private readonly options: ReceiptPrinterOptions;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private current: PrinterStatus;
  private opened = false;
  private readonly onTransportStatus = (device: DeviceStatus) => {
    this.update({ device });
    // A printer that comes back is asked at once rather than at the next poll.
    if (this.opened && device.state === 'connected') void this.pollStatus();
  };

  constructor(
    readonly transport: PrinterTransport,
    options: ReceiptPrinterOptions = {},
  ) {
    super();
    this.options = options;
    this.current = { device: transport.status(), paper: 'unknown', online: null };
  }

  async open(): Promise<PrinterStatus> {
    this.transport.on('status', this.onTransportStatus);
    await this.transport.open();
    this.update({ device: this.transport.status() });
    if (this.transport.isConnected) await this.pollStatus();
    this.opened = true;
    const interval = this.options.pollIntervalMs ?? 5000;
    if (interval > 0) this.timer = setInterval(() => void this.pollStatus(), interval);
    return this.current;
  }

  async close(): Promise<void> {
    this.opened = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.transport.off('status', this.onTransportStatus);
    await this.chain;
    await this.transport.close();
    this.update({ device: this.transport.status() });
  }

  status(): PrinterStatus {
    return this.current;
  }

  /** Asks the printer for its online and paper state (DLE EOT 1, then DLE EOT 4). */
  checkStatus(): Promise<PrinterStatus> {
    return this.queue(async () => {
      if (!this.transport.isConnected || !this.transport.canQuery) {
        this.update({ device: this.transport.status(), paper: 'unknown', online: null });
        return this.current;
      }
      const timeout = this.options.statusTimeoutMs ?? 500;
      const printer = await this.transport.query(PRINTER_STATUS_REQUEST, isStatusByte, timeout);
      const paper = printer === null ? null : await this.transport.query(PAPER_STATUS_REQUEST, isStatusByte, timeout);
      this.update({
        device: this.transport.status(),
        online: printer === null ? null : !offlineFromByte(printer),
        paper: paper === null ? 'unknown' : paperStatusFromByte(paper),
      });
      return this.current;
    });
  }

  /** A status check nobody waits for: when it fails, the failure becomes the printer's status
   * (an error the kiosk's device status and diagnostics show) instead of being dropped. */
  private async pollStatus(): Promise<void> {
    try {
      await this.checkStatus();
    } catch (error) {
      const detail = `status request failed: ${error instanceof Error ? error.message : String(error)}`;
      this.update({ device: deviceStatus('error', new Date(), detail) });
    }
  }

  /** Renders and prints; refuses (PrinterUnavailableError) when out of paper, offline or unplugged. */
  async print(receipt: Receipt): Promise<void> {
    await this.printBytes(renderReceipt(receipt, { codePage: this.options.codePage ?? 'pc865' }));
  }

  async printBytes(bytes: Uint8Array): Promise<void> {
    const status = await this.checkStatus();
    if (!this.transport.isConnected) throw new PrinterUnavailableError('disconnected');
    if (status.paper === 'out') throw new PrinterUnavailableError('paper-out');
    if (status.online === false) throw new PrinterUnavailableError('offline');
    await this.queue(() => this.transport.write(bytes));
  }

  /** Status queries and receipts never interleave on the line. */
  private queue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task);
    // The caller gets `run` and its error; the chain itself only must not stay rejected.
    this.chain = run.catch(() => undefined);
    return run;
  }

  private update(change: Partial<PrinterStatus>): void {
    const next = { ...this.current, ...change };
    if (next.device.state !== 'connected') Object.assign(next, { paper: 'unknown', online: null });
    const previous = this.current;
    if (previous.device === next.device && previous.paper === next.paper && previous.online === next.online) return;
    this.current = next;
    if (previous.paper !== next.paper) this.emit('paper', next.paper);
    if (previous.online !== next.online && next.online !== null) this.emit('online', next.online);
    this.emit('status', next);
  }
}
