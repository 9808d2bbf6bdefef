// A USB printer-class device (/dev/usb/lpN) written as a file. Opened non-blocking so a status
// read that gets no answer cannot hang a thread; reopened with back-off when the printer is
// unplugged. A plain file also works (for tests): it accepts bytes and answers no status.
import { EventEmitter } from 'node:events';
import { constants, promises as fs } from 'node:fs';
import type { DeviceStatus } from '../device-status';
import { KeptOpen, type ReconnectOptions } from '../reconnect';
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

/** An open printer file, and whether status can be read back from it. */
interface PrinterFile {
  handle: fs.FileHandle;
  readable: boolean;
}

/** Opens non-blocking, read-write when allowed; some lp devices (or permissions) allow writing only. */
async function openPrinterFile(path: string): Promise<PrinterFile> {
  const flags = constants.O_NONBLOCK | constants.O_NOCTTY;
  let readWrite = true;
  const handle = await fs.open(path, constants.O_RDWR | flags).catch((error: unknown) => {
    // Print without status then.
    if (codeOf(error) !== 'EACCES' && codeOf(error) !== 'EROFS') throw error;
    readWrite = false;
    return fs.open(path, constants.O_WRONLY | flags);
  });
  const stat = await handle.stat().catch(() => null);
  // A plain file (tests) accepts bytes and answers no status.
  return { handle, readable: readWrite && stat !== null && !stat.isFile() };
}

export class FilePrinterTransport extends EventEmitter<PrinterTransportEvents> implements PrinterTransport {
  readonly path: string;
  private readonly options: FilePrinterOptions;
  private readonly kept: KeptOpen<PrinterFile>;

  constructor(options: FilePrinterOptions) {
    super();
    this.options = options;
    this.path = options.path;
    this.kept = new KeptOpen(
      options,
      {
        open: () => openPrinterFile(this.path),
        close: (file) => file.handle.close(),
        openFailureState: (error) => (codeOf(error) === 'ENOENT' ? 'disconnected' : 'error'),
      },
      (status) => this.emit('status', status),
    );
  }

  get isConnected(): boolean {
    return this.kept.handle !== null;
  }

  get canQuery(): boolean {
    return this.kept.handle?.readable ?? false;
  }

  status(): DeviceStatus {
    return this.kept.status();
  }

  open(): Promise<DeviceStatus> {
    return this.kept.open();
  }

  close(): Promise<void> {
    return this.kept.close();
  }

  async write(bytes: Uint8Array): Promise<void> {
    const deadline = Date.now() + (this.options.writeTimeoutMs ?? 5000);
    let offset = 0;
    while (offset < bytes.length) {
      const file = this.kept.handle;
      if (!file) throw new PrinterTransportError('not-connected', `${this.path} is not connected`);
      try {
        offset += (await file.handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
      } catch (error) {
        if (codeOf(error) === 'EAGAIN' && Date.now() < deadline) {
          await sleep(POLL_MS);
          continue;
        }
        if (LOST.has(codeOf(error))) this.kept.lost(file, error);
        throw new PrinterTransportError('write-failed', `${this.path}: write failed: ${describe(error)}`);
      }
    }
  }

  async query(request: Uint8Array, accept: (byte: number) => boolean, timeoutMs: number): Promise<number | null> {
    await this.write(request);
    if (!this.canQuery) return null;
    const buffer = Buffer.alloc(64);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const file = this.kept.handle;
      if (!file) return null;
      try {
        const { bytesRead } = await file.handle.read(buffer, 0, buffer.length, null);
        const byte = buffer.subarray(0, bytesRead).find(accept);
        if (byte !== undefined) return byte;
      } catch (error) {
        if (codeOf(error) !== 'EAGAIN') {
          if (LOST.has(codeOf(error))) this.kept.lost(file, error);
          return null;
        }
      }
      await sleep(POLL_MS);
    }
    return null;
  }
}
