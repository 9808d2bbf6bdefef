// How receipt bytes reach the printer: a serial line (hardware/serial's SerialLink), or a USB
// printer-class device file such as /dev/usb/lp0 written as a file (see file-transport.ts).
import { ConnectedDevice } from '../connected-device';
import type { ReconnectOptions } from '../reconnect';
import { type DeviceStatus, type SerialBinding, SerialLink } from '../serial';

export interface PrinterTransportEvents {
  status: [DeviceStatus];
}

export interface PrinterTransport {
  on(event: 'status', listener: (status: DeviceStatus) => void): unknown;
  off(event: 'status', listener: (status: DeviceStatus) => void): unknown;
  readonly path: string;
  open(): Promise<DeviceStatus>;
  close(): Promise<void>;
  status(): DeviceStatus;
  readonly isConnected: boolean;
  /** False when status cannot be read back (e.g. a write-only device file). */
  readonly canQuery: boolean;
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Sends a real-time request and resolves with the first reply byte `accept` takes, or null
   * when nothing acceptable arrives in time (or the transport cannot read at all).
   */
  query(request: Uint8Array, accept: (byte: number) => boolean, timeoutMs: number): Promise<number | null>;
}

export interface SerialPrinterOptions {
  path: string;
  /** Default 9600 8N1 (printers range 9600-115200; match the printer's DIP switches). */
  baudRate?: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  binding?: SerialBinding;
  reconnect?: ReconnectOptions | false;
}

export class SerialPrinterTransport extends ConnectedDevice<PrinterTransportEvents, SerialLink> implements PrinterTransport {
  readonly path: string;

  constructor(options: SerialPrinterOptions) {
    super(
      new SerialLink({
        path: options.path,
        baudRate: options.baudRate ?? 9600,
        dataBits: options.dataBits ?? 8,
        parity: options.parity ?? 'none',
        stopBits: options.stopBits ?? 1,
        ...(options.binding ? { binding: options.binding } : {}),
        ...(options.reconnect !== undefined ? { reconnect: options.reconnect } : {}),
      }),
    );
    this.path = options.path;
  }

  get isConnected(): boolean {
    return this.link.isConnected;
  }

  readonly canQuery = true;

  write(bytes: Uint8Array): Promise<void> {
    return this.link.write(bytes);
  }

  query(request: Uint8Array, accept: (byte: number) => boolean, timeoutMs: number): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const done = (value: number | null) => {
        clearTimeout(timer);
        this.link.off('data', onData);
        resolve(value);
      };
      const onData = (chunk: Buffer) => {
        const byte = chunk.find(accept);
        if (byte !== undefined) done(byte);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      this.link.on('data', onData);
      this.link.write(request).catch((error: unknown) => {
        clearTimeout(timer);
        this.link.off('data', onData);
        reject(error);
      });
    });
  }
}
