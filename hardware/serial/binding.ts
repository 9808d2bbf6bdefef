// The slice of serialport's binding interface (@serialport/bindings-interface) the link uses,
// declared here because that package's `exports` map hides its own type declarations.
// serialport's native binding, @serialport/binding-mock and FakeSerialBinding all fit it.

export interface PortStatus {
  cts: boolean;
  dsr: boolean;
  dcd: boolean;
}

export interface SerialOpenOptions {
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 1.5 | 2;
  parity?: string;
  lock?: boolean;
  rtscts?: boolean;
  xon?: boolean;
  xoff?: boolean;
  xany?: boolean;
  hupcl?: boolean;
}

export interface SerialBindingPort {
  readonly isOpen: boolean;
  close(): Promise<void>;
  /** Resolves with at least one byte; rejects with `canceled: true` after close(). */
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }>;
  write(buffer: Buffer): Promise<void>;
  get(): Promise<PortStatus>;
  drain(): Promise<void>;
}

export interface SerialPortInfo {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  pnpId?: string | undefined;
  locationId?: string | undefined;
  productId?: string | undefined;
  vendorId?: string | undefined;
}

export interface SerialBinding {
  list(): Promise<SerialPortInfo[]>;
  open(options: SerialOpenOptions): Promise<SerialBindingPort>;
}
