import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EndOfDeviceError, hasUnixInternals, readUnixPort, withEndOfDeviceRead } from './unix-port-read';
import { FakeSerialBinding } from './fake-binding.testkit';
import type { SerialBindingPort } from './binding';

/** Just enough of a native unix port: an fd, a poller, and the binding interface. */
function unixPort(fd: number | null = 7) {
  const poller = new EventEmitter();
  const port = {
    fd,
    poller: { once: (event: 'readable', cb: (error: Error | null) => void) => poller.once(event, cb) },
    get isOpen() {
      return port.fd !== null;
    },
    close: () => Promise.resolve(),
    read: () => Promise.reject(new Error('the binding read must not be used')),
    write: () => Promise.resolve(),
    get: () => Promise.resolve({ cts: false, dsr: false, dcd: false }),
    drain: () => Promise.resolve(),
  };
  return { port, poller };
}

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('readUnixPort', () => {
  it('treats a 0-byte read as the end of the device, after exactly one read', async () => {
    const { port } = unixPort();
    let reads = 0;
    const error = await readUnixPort(port, Buffer.alloc(8), 0, 8, () => {
      reads++;
      return Promise.resolve({ bytesRead: 0 });
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndOfDeviceError);
    expect(error).toMatchObject({ code: 'EOF', disconnect: true });
    expect(reads).toBe(1);
  });

  it('waits for the poller on EAGAIN, then returns the bytes read into the buffer', async () => {
    const { port, poller } = unixPort();
    const answers = [() => Promise.reject(errno('EAGAIN')), () => Promise.resolve({ bytesRead: 3 })];
    const calls: number[] = [];
    const buffer = Buffer.alloc(8);
    const reading = readUnixPort(port, buffer, 2, 6, (fd, buf, offset) => {
      calls.push(fd);
      buf.write('abc', offset);
      return answers.shift()!();
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([7]);
    expect(poller.listenerCount('readable')).toBe(1);
    poller.emit('readable', null);
    const result = await reading;
    expect(result.bytesRead).toBe(3);
    expect(result.buffer.subarray(2, 5).toString()).toBe('abc');
    expect(calls).toEqual([7, 7]);
  });

  it('rejects as canceled when the port is closed, and passes other errors on', async () => {
    const closed = unixPort(null).port;
    await expect(readUnixPort(closed, Buffer.alloc(1), 0, 1, () => Promise.resolve({ bytesRead: 1 }))).rejects.toMatchObject({ canceled: true });
    const { port, poller } = unixPort();
    const waiting = readUnixPort(port, Buffer.alloc(1), 0, 1, () => Promise.reject(errno('EAGAIN')));
    await new Promise((resolve) => setImmediate(resolve));
    poller.emit('readable', Object.assign(new Error('Canceled'), { canceled: true }));
    await expect(waiting).rejects.toMatchObject({ canceled: true });
    await expect(readUnixPort(port, Buffer.alloc(1), 0, 1, () => Promise.reject(errno('EIO')))).rejects.toMatchObject({ code: 'EIO' });
  });
});

describe('withEndOfDeviceRead', () => {
  it('wraps native unix ports only', async () => {
    const { port } = unixPort();
    expect(hasUnixInternals(port as unknown as SerialBindingPort)).toBe(true);
    const wrapped = withEndOfDeviceRead(port as unknown as SerialBindingPort);
    expect(wrapped).not.toBe(port);
    expect(wrapped.isOpen).toBe(true);
    await expect(wrapped.read(Buffer.alloc(2), 1, 2)).rejects.toBeInstanceOf(RangeError);
    const binding = new FakeSerialBinding();
    binding.device('/dev/fake');
    const fake = await binding.open({ path: '/dev/fake', baudRate: 9600 });
    expect(withEndOfDeviceRead(fake)).toBe(fake);
  });
});
