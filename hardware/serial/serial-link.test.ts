import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSerialBinding } from './fake-binding.testkit';
import { backoffDelay } from '../reconnect';
import { SerialLink } from './serial-link';
import { SerialLinkError } from './errors';
import type { DeviceStatus } from '../device-status';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the maximum', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { initialDelayMs: 100, maxDelayMs: 1000 }));
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });
  it('uses 250 ms doubling to 5 s by default', () => {
    expect(backoffDelay(0)).toBe(250);
    expect(backoffDelay(100)).toBe(5000);
  });
});

describe('SerialLink over a fake binding', () => {
  let link: SerialLink | undefined;
  afterEach(async () => {
    await link?.close();
    vi.useRealTimers();
  });

  it('opens, passes received bytes on and writes exact bytes', async () => {
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/ttyUSB0');
    link = new SerialLink({ path: '/dev/ttyUSB0', binding, baudRate: 9600, now: () => 1000 });
    const data: Buffer[] = [];
    link.on('data', (chunk) => data.push(chunk));
    const status = await link.open();
    expect(status).toEqual({ state: 'connected', since: new Date(1000) });
    device.send(Buffer.from([0xa0, 0x01, 0x01, 0xa2]));
    await flush();
    expect(Buffer.concat(data)).toEqual(Buffer.from([0xa0, 0x01, 0x01, 0xa2]));
    await link.write(Buffer.from([0x10, 0x04, 0x04]));
    expect(device.written()).toEqual(Buffer.from([0x10, 0x04, 0x04]));
    expect(device.port?.openOptions.baudRate).toBe(9600);
  });

  it('keeps writes in order when they overlap', async () => {
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/ttyS0');
    link = new SerialLink({ path: '/dev/ttyS0', binding });
    await link.open();
    await Promise.all([link.write(Buffer.from('a')), link.write(Buffer.from('b')), link.write(Buffer.from('c'))]);
    expect(device.written().toString()).toBe('abc');
  });

  it('reports a missing device as disconnected and connects when it appears', async () => {
    vi.useFakeTimers();
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/ttyACM0');
    device.plugged = false;
    link = new SerialLink({ path: '/dev/ttyACM0', binding, reconnect: { initialDelayMs: 100, maxDelayMs: 400 } });
    const status = await link.open();
    expect(status.state).toBe('disconnected');
    expect(status.detail).toMatch(/^cannot open: ENOENT/);
    device.plug();
    await vi.advanceTimersByTimeAsync(100);
    expect(link.status().state).toBe('connected');
  });

  it('reconnects with back-off after an unplug and works again', async () => {
    vi.useFakeTimers();
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/ttyUSB1');
    link = new SerialLink({ path: '/dev/ttyUSB1', binding, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } });
    const seen: DeviceStatus['state'][] = [];
    link.on('status', (s) => seen.push(s.state));
    await link.open();
    device.unplug();
    await vi.advanceTimersByTimeAsync(0);
    expect(link.status()).toMatchObject({ state: 'disconnected', detail: 'lost: EIO: i/o error, read' });
    await expect(link.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'not-connected' });
    await vi.advanceTimersByTimeAsync(100 + 200 + 400); // three failed attempts
    device.plug();
    await vi.advanceTimersByTimeAsync(799);
    expect(link.isConnected).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(link.isConnected).toBe(true);
    // The second 'disconnected' carries the new detail (lost -> cannot open); since stays.
    expect(seen).toEqual(['connected', 'disconnected', 'disconnected', 'connected']);
    await link.write(Buffer.from('ok'));
    expect(device.written().toString()).toBe('ok');
  });

  it('does not reconnect when reconnect is false', async () => {
    vi.useFakeTimers();
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/x');
    link = new SerialLink({ path: '/dev/x', binding, reconnect: false });
    await link.open();
    device.unplug();
    device.plug();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(link.isConnected).toBe(false);
  });

  it('reads modem status and types its failures', async () => {
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/door');
    link = new SerialLink({ path: '/dev/door', binding });
    await expect(link.get()).rejects.toMatchObject({ code: 'not-connected' });
    await link.open();
    device.modem = { cts: true, dsr: false, dcd: true };
    expect(await link.get()).toEqual({ cts: true, dsr: false, dcd: true });
    device.modemError = new Error('Inappropriate ioctl for device, cannot get');
    const error = await link.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SerialLinkError);
    expect(error).toMatchObject({ code: 'modem-status-failed' });
  });

  it('close stops everything and a write after close is a typed error', async () => {
    const binding = new FakeSerialBinding();
    binding.device('/dev/y');
    link = new SerialLink({ path: '/dev/y', binding });
    await link.open();
    await link.close();
    expect(link.status()).toMatchObject({ state: 'disconnected', detail: 'closed' });
    await expect(link.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'closed' });
    // Reopen works (the port lock was released).
    await link.open();
    expect(link.isConnected).toBe(true);
  });

  it('close() then open() in quick succession opens the port once', async () => {
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/quick');
    link = new SerialLink({ path: '/dev/quick', binding });
    const first = link.open();
    const closing = link.close();
    const second = link.open();
    await Promise.all([first, closing, second]);
    await flush();
    expect(link.status().state).toBe('connected');
    device.send('x');
    const got: Buffer[] = [];
    link.on('data', (c) => got.push(c));
    device.send('y');
    await flush();
    expect(Buffer.concat(got).toString()).toContain('y');
  });

  it('reports a device that is present but refuses to open as error', async () => {
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/busy');
    const other = new SerialLink({ path: '/dev/busy', binding, reconnect: false });
    await other.open();
    link = new SerialLink({ path: '/dev/busy', binding, reconnect: false });
    const status = await link.open();
    expect(status.state).toBe('error');
    expect(status.detail).toMatch(/Cannot lock port/);
    await other.close();
    expect(device.port).toBeNull();
  });

  it('whenConnected times out with a typed error', async () => {
    vi.useFakeTimers();
    const binding = new FakeSerialBinding();
    link = new SerialLink({ path: '/dev/none', binding });
    await link.open();
    const wait = link.whenConnected(500);
    const assertion = expect(wait).rejects.toMatchObject({ code: 'timeout' });
    await vi.advanceTimersByTimeAsync(500);
    await assertion;
  });
});
