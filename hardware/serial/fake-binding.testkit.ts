// An in-memory serialport binding for unit tests: devices can be plugged, unplugged, made to
// send bytes and to show modem-status lines; every byte the driver writes is recorded.
import type { PortStatus, SerialBinding, SerialBindingPort, SerialOpenOptions, SerialPortInfo } from './binding';

class CanceledError extends Error {
  readonly canceled = true;
}

interface PendingRead {
  buffer: Buffer;
  offset: number;
  length: number;
  resolve(result: { buffer: Buffer; bytesRead: number }): void;
  reject(error: Error): void;
}

/** One fake device as the test sees it. */
export class FakeSerialDevice {
  /** Every write from the driver, in order. */
  readonly writes: Buffer[] = [];
  modem: PortStatus = { cts: false, dsr: false, dcd: false };
  /** Called for each write, e.g. to answer like the device does. */
  onWrite: ((bytes: Buffer) => void) | null = null;
  /** Set to make get() fail, as it does on a pty. */
  modemError: Error | null = null;
  plugged = true;
  port: FakeSerialPort | null = null;

  constructor(readonly path: string) {}

  /** The device sends bytes to the driver. */
  send(bytes: Uint8Array | string): void {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
    this.port?.deliver(data);
  }

  /** All bytes written so far, concatenated. */
  written(): Buffer {
    return Buffer.concat(this.writes);
  }

  /** Pulls the cable: the open port fails its pending read, new opens fail. */
  unplug(): void {
    this.plugged = false;
    this.port?.fail(new Error('EIO: i/o error, read'));
    this.port = null;
  }

  plug(): void {
    this.plugged = true;
  }
}

export class FakeSerialPort implements SerialBindingPort {
  isOpen = true;
  private inbox: Buffer[] = [];
  private pending: PendingRead | null = null;

  constructor(
    readonly openOptions: Required<SerialOpenOptions>,
    private readonly device: FakeSerialDevice,
  ) {}

  deliver(data: Buffer): void {
    this.inbox.push(data);
    this.drainInbox();
  }

  fail(error: Error): void {
    this.isOpen = false;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  async close(): Promise<void> {
    this.isOpen = false;
    if (this.device.port === this) this.device.port = null;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(new CanceledError('port closed'));
  }

  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    if (!this.isOpen) return Promise.reject(new Error('port is not open'));
    return new Promise((resolve, reject) => {
      this.pending = { buffer, offset, length, resolve, reject };
      this.drainInbox();
    });
  }

  async write(buffer: Buffer): Promise<void> {
    if (!this.isOpen) throw new Error('EIO: i/o error, write');
    const copy = Buffer.from(buffer);
    this.device.writes.push(copy);
    this.device.onWrite?.(copy);
  }

  async get(): Promise<PortStatus> {
    if (this.device.modemError) throw this.device.modemError;
    return { ...this.device.modem };
  }

  async drain(): Promise<void> {}

  private drainInbox(): void {
    const pending = this.pending;
    const next = this.inbox[0];
    if (!pending || !next) return;
    const count = Math.min(next.length, pending.length);
    next.copy(pending.buffer, pending.offset, 0, count);
    if (count === next.length) this.inbox.shift();
    else this.inbox[0] = next.subarray(count);
    this.pending = null;
    pending.resolve({ buffer: pending.buffer, bytesRead: count });
  }
}

export class FakeSerialBinding implements SerialBinding {
  private readonly devices = new Map<string, FakeSerialDevice>();

  /** Adds (or returns) the device at `path`, plugged in. */
  device(path: string): FakeSerialDevice {
    let device = this.devices.get(path);
    if (!device) {
      device = new FakeSerialDevice(path);
      this.devices.set(path, device);
    }
    return device;
  }

  async list(): Promise<SerialPortInfo[]> {
    return [...this.devices.values()]
      .filter((d) => d.plugged)
      .map((d) => ({ path: d.path, manufacturer: undefined, serialNumber: undefined, pnpId: undefined, locationId: undefined, productId: undefined, vendorId: undefined }));
  }

  async open(options: SerialOpenOptions): Promise<FakeSerialPort> {
    const device = this.devices.get(options.path);
    if (!device?.plugged) throw new Error(`ENOENT: no such file or directory, cannot open ${options.path}`);
    if (device.port) throw new Error(`Error Resource temporarily unavailable Cannot lock port`);
    const full: Required<SerialOpenOptions> = {
      dataBits: 8,
      lock: true,
      stopBits: 1,
      parity: 'none',
      rtscts: false,
      xon: false,
      xoff: false,
      xany: false,
      hupcl: true,
      ...options,
    };
    const port = new FakeSerialPort(full, device);
    device.port = port;
    return port;
  }
}
