import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeHidDevice, FakeHidOpener } from './fake-hid-device.testkit';
import { HidConnection } from './hid-connection';

describe('HidConnection', () => {
  let connection: HidConnection | undefined;
  afterEach(async () => {
    await connection?.close();
    vi.useRealTimers();
  });

  it('opens by vendor/product id, passes reports on, and sends feature reports', async () => {
    const device = new FakeHidDevice();
    const opener = new FakeHidOpener(() => device);
    connection = new HidConnection({ selector: { vendorId: 0x16c0, productId: 0x05df }, open: opener.open, now: () => 5 });
    expect(connection.name).toBe('16C0:05DF');
    const reports: Buffer[] = [];
    connection.on('data', (r) => reports.push(r));
    expect(await connection.open()).toEqual({ state: 'connected', since: new Date(5) });
    device.report([0, 0, 0x1e, 0, 0, 0, 0, 0]);
    expect(reports).toEqual([Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0])]);
    await connection.sendFeatureReport([0, 0xff, 1, 0, 0, 0, 0, 0, 0]);
    expect(device.featureReportsSent).toEqual([Buffer.from([0, 0xff, 1, 0, 0, 0, 0, 0, 0])]);
    expect(opener.selectors).toEqual([{ vendorId: 0x16c0, productId: 0x05df }]);
  });

  it('reconnects after an unplug with back-off', async () => {
    vi.useFakeTimers();
    const opener = new FakeHidOpener();
    connection = new HidConnection({ selector: { path: '/dev/hidraw3' }, open: opener.open, reconnect: { initialDelayMs: 50 } });
    await connection.open();
    const first = opener.opened[0] as FakeHidDevice;
    opener.plugged = false;
    first.unplug();
    expect(connection.status()).toMatchObject({ state: 'disconnected', detail: 'lost: could not read from HID device' });
    expect(first.closed).toBe(true);
    await expect(connection.getFeatureReport(0, 9)).rejects.toMatchObject({ code: 'not-connected' });
    await vi.advanceTimersByTimeAsync(50);
    expect(connection.status().detail).toMatch(/^cannot open/);
    opener.plugged = true;
    await vi.advanceTimersByTimeAsync(100);
    expect(connection.isConnected).toBe(true);
    expect(opener.opened).toHaveLength(2);
  });

  it('a failing feature report marks the device lost and throws a typed error', async () => {
    const device = new FakeHidDevice();
    connection = new HidConnection({ selector: { path: 'x' }, open: async () => device, reconnect: false });
    await connection.open();
    device.unplugged = true;
    await expect(connection.getFeatureReport(0, 9)).rejects.toMatchObject({ name: 'HidError', code: 'io-failed' });
    expect(connection.status().state).toBe('disconnected');
  });
});
