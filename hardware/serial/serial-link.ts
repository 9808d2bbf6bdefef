// One serial device at one path: opens it, reads bytes, writes (drained), and keeps trying to
// reopen it with back-off when it goes away (cable unplugged, pty closed) until close().
import { EventEmitter } from 'node:events';
import type { PortStatus, SerialBinding, SerialBindingPort } from './binding';
import { type DeviceStatus, whenConnected } from '../device-status';
import { KeptOpen, type ReconnectOptions } from '../reconnect';
import { SerialLinkError } from './errors';
import { writeSync } from 'node:fs';
import { portFd, withEndOfDeviceRead } from './unix-port-read';
import { watchPresence } from './presence-check';

export type { PortStatus } from './binding';

export interface SerialLinkOptions {
  path: string;
  baudRate?: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits?: 1 | 1.5 | 2;
  /** The serialport binding; defaults to the platform's native one (loaded on first open). */
  binding?: SerialBinding;
  /** false: stay disconnected after a failure. */
  reconnect?: ReconnectOptions | false;
  /**
   * While connected, check this often (ms) that the device path still exists: a USB adapter
   * vanishes from /dev when pulled, socat removes its links when it exits. Default 1000; only
   * for a path that exists when the port opens (not for fakes or COM ports); false: never.
   */
  presenceCheckMs?: number | false;
  now?: () => number;
}

export interface SerialLinkEvents {
  data: [Buffer];
  status: [DeviceStatus];
}

const READ_SIZE = 4096;

async function nativeBinding(): Promise<SerialBinding> {
  const { SerialPort } = await import('serialport');
  return SerialPort.binding as SerialBinding;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}

/** Device absent vs. present-but-failing: ENOENT is "unplugged", anything else an error. */
function stateForOpenError(error: unknown): 'disconnected' | 'error' {
  return /ENOENT|no such file|not found/i.test(describe(error)) ? 'disconnected' : 'error';
}

export class SerialLink extends EventEmitter<SerialLinkEvents> {
  readonly path: string;
  private readonly options: SerialLinkOptions;
  private binding: SerialBinding | undefined;
  private readonly kept: KeptOpen<SerialBindingPort>;
  private stopPresenceCheck: () => void = () => undefined;
  private writeChain: Promise<void> = Promise.resolve();

  constructor(options: SerialLinkOptions) {
    super();
    this.options = options;
    this.path = options.path;
    this.binding = options.binding;
    this.kept = new KeptOpen(
      options,
      {
        open: () => this.openPort(),
        // A port that is no longer open has nothing left to close.
        close: (port) => (port.isOpen ? port.close() : undefined),
        openFailureState: stateForOpenError,
        describe,
        attach: (port) => {
          this.startPresenceCheck(port);
          void this.readLoop(port);
        },
        detach: () => this.stopPresenceCheck(),
      },
      (status) => this.emit('status', status),
    );
  }

  status(): DeviceStatus {
    return this.kept.status();
  }

  get isConnected(): boolean {
    return this.kept.handle !== null;
  }

  private get port(): SerialBindingPort | null {
    return this.kept.handle;
  }

  /**
   * Starts the link and makes one attempt to open the device. Resolves with the resulting
   * status; a missing device is not an error here: the link keeps retrying in the background.
   */
  open(): Promise<DeviceStatus> {
    return this.kept.open();
  }

  /** Stops reconnecting and closes the device. The link can be opened again later. */
  close(): Promise<void> {
    return this.kept.close();
  }

  /** Resolves once connected; rejects with a `timeout` SerialLinkError after `timeoutMs`. */
  whenConnected(timeoutMs = 5000): Promise<void> {
    return whenConnected(this, timeoutMs, () => new SerialLinkError('timeout', `${this.path} did not connect within ${timeoutMs} ms`));
  }

  /** Writes bytes in order and resolves once the OS has transmitted them (drained). */
  write(bytes: Uint8Array): Promise<void> {
    const run = this.writeChain.then(() => this.writeNow(Buffer.from(bytes)));
    // The caller gets `run` and its error; the chain itself only must not stay rejected.
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  /** The open port's file descriptor (native Linux/macOS ports only), e.g. for a watchdog thread. */
  get fd(): number | null {
    return this.port ? portFd(this.port) : null;
  }

  /**
   * Writes bytes at once with a blocking system call on the port's fd, bypassing the write queue:
   * for a crash handler, where no callback will ever run. Returns false when the port has no fd
   * (not connected, a fake) or the kernel did not take every byte.
   */
  writeSync(bytes: Uint8Array): boolean {
    const fd = this.fd;
    if (fd === null) return false;
    let written = 0;
    for (let tries = 0; written < bytes.length && tries < 100; tries += 1) {
      try {
        written += writeSync(fd, bytes, written, bytes.length - written);
      } catch (error) {
        // The port is non-blocking: a full output queue answers EAGAIN; anything else is final.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return false;
      }
    }
    return written === bytes.length;
  }

  /** Modem-status lines (CTS/DSR/DCD), e.g. for a door contact. */
  async get(): Promise<PortStatus> {
    const port = this.port;
    if (!port) throw new SerialLinkError('not-connected', `${this.path} is not connected`);
    try {
      return await port.get();
    } catch (error) {
      throw new SerialLinkError('modem-status-failed', `${this.path}: cannot read modem status: ${describe(error)}`);
    }
  }

  private async writeNow(bytes: Buffer): Promise<void> {
    const port = this.port;
    if (!this.kept.isWanted) throw new SerialLinkError('closed', `${this.path} is closed`);
    if (!port) throw new SerialLinkError('not-connected', `${this.path} is not connected`);
    try {
      await port.write(bytes);
      await port.drain();
    } catch (error) {
      if (!(error as { canceled?: boolean }).canceled) this.kept.lost(port, error);
      throw new SerialLinkError('write-failed', `${this.path}: write failed: ${describe(error)}`);
    }
  }

  private async openPort(): Promise<SerialBindingPort> {
    this.binding ??= await nativeBinding();
    const opened = await this.binding.open({
      path: this.path,
      baudRate: this.options.baudRate ?? 9600,
      dataBits: this.options.dataBits ?? 8,
      parity: this.options.parity ?? 'none',
      stopBits: this.options.stopBits ?? 1,
    });
    return withEndOfDeviceRead(opened);
  }

  /** While `port` is current, a vanished device path counts as a lost device. */
  private startPresenceCheck(port: SerialBindingPort): void {
    const everyMs = this.options.presenceCheckMs ?? 1000;
    this.stopPresenceCheck();
    if (everyMs === false) return;
    this.stopPresenceCheck = watchPresence(this.path, everyMs, () => this.kept.lost(port, new Error(`${this.path} is gone`)));
  }

  private async readLoop(port: SerialBindingPort): Promise<void> {
    const buffer = Buffer.alloc(READ_SIZE);
    while (this.port === port) {
      try {
        const { bytesRead } = await port.read(buffer, 0, READ_SIZE);
        if (this.port !== port) return;
        if (bytesRead > 0) this.emit('data', Buffer.from(buffer.subarray(0, bytesRead)));
      } catch (error) {
        if ((error as { canceled?: boolean }).canceled || this.port !== port) return;
        this.kept.lost(port, error);
        return;
      }
    }
  }
}
