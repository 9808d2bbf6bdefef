// A USB printer-class device (/dev/usb/lpN) written as a file. Opened non-blocking so a status
// read that gets no answer cannot hang a thread; reopened with back-off when the printer is
// unplugged. A plain file also works (for tests): it accepts bytes and answers no status.
import { EventEmitter } from 'node:events';
import { constants, promises as fs } from 'node:fs';
import { Reconnect, type ReconnectOptions } from '../reconnect';
import { type DeviceStatus, deviceStatus } from '../serial';
import type { PrinterTransport, PrinterTransportEvents } from './transport';

/** The printer is not there (or went away) when bytes had to be written. */
export class PrinterTransportError extends Error {
  override name = 'PrinterTransportError';
  constructor(
    readonly code: 'not-connected' | 'write-failed',
    message: string,
  ) {
    super(message);
  }
}

export interface FilePrinterOptions {
  path: string;
  reconnect?: ReconnectOptions | false;
  /** Longest a write may wait for a busy printer before failing (default 5000 ms). */
  writeTimeoutMs?: number;
}

const POLL_MS = 10;
const LOST = new Set(['EIO', 'ENODEV', 'ENXIO', 'EPIPE', 'EBADF', 'ENOENT']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? '';
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class FilePrinterTransport extends EventEmitter<PrinterTransportEvents> implements PrinterTransport {
  readonly path: string;
  private readonly options: FilePrinterOptions;
  private handle: fs.FileHandle | null = null;
  private readable = false;
  private readonly reconnect: Reconnect;
  private current: DeviceStatus;

  constructor(options: FilePrinterOptions) {
    super();
    this.options = options;
    this.path = options.path;
    this.current = deviceStatus('disconnected', new Date(), 'not opened');
    this.reconnect = new Reconnect(options, () => this.attempt());
  }

  get isConnected(): boolean {
    return this.handle !== null;
  }

  get canQuery(): boolean {
    return this.readable;
  }

  status(): DeviceStatus {
    return this.current;
  }

  async open(): Promise<DeviceStatus> {
    if (!this.reconnect.start()) return this.current;
    await this.attempt();
    return this.current;
  }

  async close(): Promise<void> {
    this.reconnect.stop();
    const handle = this.handle;
    this.handle = null;
    // Closing on purpose: a handle that fails to close is gone either way; the status says closed.
    await handle?.close().catch(() => undefined);
    this.setStatus('disconnected', 'closed');
  }

  async write(bytes: Uint8Array): Promise<void> {
    const deadline = Date.now() + (this.options.writeTimeoutMs ?? 5000);
    let offset = 0;
    while (offset < bytes.length) {
      const handle = this.handle;
      if (!handle) throw new PrinterTransportError('not-connected', `${this.path} is not connected`);
      try {
        offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
      } catch (error) {
        if (codeOf(error) === 'EAGAIN' && Date.now() < deadline) {
          await sleep(POLL_MS);
          continue;
        }
        if (LOST.has(codeOf(error))) this.lost(handle, error);
        throw new PrinterTransportError('write-failed', `${this.path}: write failed: ${describe(error)}`);
      }
    }
  }

  async query(request: Uint8Array, accept: (byte: number) => boolean, timeoutMs: number): Promise<number | null> {
    await this.write(request);
    if (!this.readable) return null;
    const buffer = Buffer.alloc(64);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const handle = this.handle;
      if (!handle) return null;
      try {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        const byte = buffer.subarray(0, bytesRead).find(accept);
        if (byte !== undefined) return byte;
      } catch (error) {
        if (codeOf(error) !== 'EAGAIN') {
          if (LOST.has(codeOf(error))) this.lost(handle, error);
          return null;
        }
      }
      await sleep(POLL_MS);
    }
    return null;
  }

  private async attempt(): Promise<void> {
    if (!this.reconnect.isWanted || this.handle) return;
    const flags = constants.O_NONBLOCK | constants.O_NOCTTY;
    let handle: fs.FileHandle;
    let readWrite = true;
    try {
      handle = await fs.open(this.path, constants.O_RDWR | flags).catch((error: unknown) => {
        // Some lp devices (or permissions) allow writing only: print without status then.
        if (codeOf(error) !== 'EACCES' && codeOf(error) !== 'EROFS') throw error;
        readWrite = false;
        return fs.open(this.path, constants.O_WRONLY | flags);
      });
    } catch (error) {
      this.setStatus(codeOf(error) === 'ENOENT' ? 'disconnected' : 'error', `cannot open: ${describe(error)}`);
      this.reconnect.retry();
      return;
    }
    if (!this.reconnect.isWanted) {
      // Opened after close() was asked for: nobody wants this handle, whatever its close says.
      await handle.close().catch(() => undefined);
      return;
    }
    const stat = await handle.stat().catch(() => null);
    this.readable = readWrite && stat !== null && !stat.isFile();
    this.handle = handle;
    this.reconnect.connected();
    this.setStatus('connected');
  }

  private lost(handle: fs.FileHandle, error: unknown): void {
    if (this.handle !== handle) return;
    this.handle = null;
    // The device is already lost (recorded in the status below); its close can only fail the same way.
    void handle.close().catch(() => undefined);
    this.setStatus('disconnected', `lost: ${describe(error)}`);
    this.reconnect.retry();
  }

  private setStatus(state: DeviceStatus['state'], detail?: string): void {
    if (this.current.state === state && this.current.detail === detail) return;
    this.current = deviceStatus(state, new Date(), detail);
    this.emit('status', this.current);
  }
}
