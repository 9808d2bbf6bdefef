// serialport's unix read (bindings-cpp unix-read.js) retries a 0-byte read at once, forever.
// On a tty whose other end hung up (socat gone, USB adapter pulled) Linux may answer every read
// with 0 (end of file) instead of EIO: that retry is a busy loop that never reports the loss.
// Here the read of a Linux/macOS native port is replaced by one where 0 bytes = device gone.
import { read } from 'node:fs';
import { promisify } from 'node:util';
import type { PortStatus, SerialBindingPort } from './binding';

type FsRead = (fd: number, buffer: Buffer, offset: number, length: number, position: null) => Promise<{ bytesRead: number }>;

/** What the native unix port exposes besides the binding interface: its fd and its poller. */
export interface UnixPortInternals {
  readonly fd: number | null;
  readonly poller: { once(event: 'readable', callback: (error: Error | null) => void): unknown };
}

/** The tty answered a read with 0 bytes: its other end is gone. */
export class EndOfDeviceError extends Error {
  override name = 'EndOfDeviceError';
  readonly code = 'EOF';
  /** The same flag serialport puts on its own disconnect errors. */
  readonly disconnect = true;
}

function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

const RETRY_AFTER_POLL = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

export function hasUnixInternals(port: SerialBindingPort): port is SerialBindingPort & UnixPortInternals {
  const candidate = port as Partial<UnixPortInternals>;
  return (typeof candidate.fd === 'number' || candidate.fd === null) && typeof candidate.poller?.once === 'function';
}

function readable(port: UnixPortInternals): Promise<void> {
  return new Promise((resolve, reject) => {
    port.poller.once('readable', (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * One read on a non-blocking native port: waits for the poller while nothing is there, rejects
 * with `canceled: true` once the port is closed, with `EndOfDeviceError` on a 0-byte read.
 */
export async function readUnixPort(
  port: SerialBindingPort & UnixPortInternals,
  buffer: Buffer,
  offset: number,
  length: number,
  fsRead: FsRead = promisify(read) as FsRead,
): Promise<{ buffer: Buffer; bytesRead: number }> {
  for (;;) {
    const fd = port.fd;
    if (!port.isOpen || fd === null) throw canceled();
    let bytesRead: number;
    try {
      ({ bytesRead } = await fsRead(fd, buffer, offset, length, null));
    } catch (error) {
      if (!RETRY_AFTER_POLL.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      if (!port.isOpen) throw canceled();
      await readable(port);
      continue;
    }
    if (bytesRead === 0) throw new EndOfDeviceError('end of device: 0-byte read (the other end hung up)');
    return { buffer, bytesRead };
  }
}

/** The same port, whose read() ends at a 0-byte read; other ports are returned as they are. */
export function withEndOfDeviceRead(port: SerialBindingPort): SerialBindingPort {
  if (!hasUnixInternals(port)) return port;
  return new EndOfDeviceReadPort(port);
}

/** The OS file descriptor of an open native port (null for fakes, COM ports or a closed port). */
export function portFd(port: SerialBindingPort): number | null {
  if (port instanceof EndOfDeviceReadPort) return port.fd;
  return hasUnixInternals(port) && port.isOpen ? port.fd : null;
}

class EndOfDeviceReadPort implements SerialBindingPort {
  constructor(private readonly inner: SerialBindingPort & UnixPortInternals) {}
  get fd(): number | null {
    return this.inner.isOpen ? this.inner.fd : null;
  }
  get isOpen(): boolean {
    return this.inner.isOpen;
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    if (buffer.length < offset + length) return Promise.reject(new RangeError('buffer is too small'));
    return readUnixPort(this.inner, buffer, offset, length);
  }
  write(buffer: Buffer): Promise<void> {
    return this.inner.write(buffer);
  }
  get(): Promise<PortStatus> {
    return this.inner.get();
  }
  drain(): Promise<void> {
    return this.inner.drain();
  }
}
