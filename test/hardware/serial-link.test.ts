// The serial link over real socat ptys: bytes both ways, unplug (socat killed) and replug.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialLink } from '../../hardware/serial/serial-link';
import { requireTool } from '../support/required-tools';
import { ReplugablePty, eventually } from './pty-helpers';

describe.skipIf(!requireTool('socat'))('SerialLink over socat ptys', () => {
  let pty: ReplugablePty;
  const links: SerialLink[] = [];
  beforeEach(() => {
    pty = new ReplugablePty();
  });
  afterEach(async () => {
    await Promise.all(links.splice(0).map((l) => l.close()));
    await pty.dispose();
  });
  const link = (path: string) => {
    const l = new SerialLink({ path, reconnect: { initialDelayMs: 20, maxDelayMs: 100 } });
    links.push(l);
    return l;
  };

  it('carries exact bytes both ways and survives unplug/replug at the same path', async () => {
    await pty.plug();
    const driver = link(pty.deviceLink);
    const device = link(pty.simulatorLink);
    const atDriver: Buffer[] = [];
    const atDevice: Buffer[] = [];
    driver.on('data', (c) => atDriver.push(c));
    device.on('data', (c) => atDevice.push(c));
    expect((await driver.open()).state).toBe('connected');
    await device.open();

    await driver.write(Buffer.from([0xa0, 0x01, 0x01, 0xa2]));
    await eventually(() => Buffer.concat(atDevice).length === 4);
    expect(Buffer.concat(atDevice)).toEqual(Buffer.from([0xa0, 0x01, 0x01, 0xa2]));
    await device.write(Buffer.from('0101801234\r'));
    await eventually(() => Buffer.concat(atDriver).length === 11);
    expect(Buffer.concat(atDriver).toString('latin1')).toBe('0101801234\r');

    await pty.unplug();
    await eventually(() => driver.status().state === 'disconnected');
    expect(driver.status().detail).toMatch(/^lost: /);
    await expect(driver.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'not-connected' });

    await pty.plug();
    await driver.whenConnected(3000);
    await device.whenConnected(3000);
    atDevice.length = 0;
    await driver.write(Buffer.from([0xa0, 0x01, 0x00, 0xa1]));
    await eventually(() => Buffer.concat(atDevice).length === 4);
    expect(Buffer.concat(atDevice)).toEqual(Buffer.from([0xa0, 0x01, 0x00, 0xa1]));
  });

  it('waits for a device that is not there yet', async () => {
    const driver = link(pty.deviceLink);
    const status = await driver.open();
    expect(status.state).toBe('disconnected');
    await pty.plug();
    await driver.whenConnected(3000);
    expect(driver.status().state).toBe('connected');
  });

  it('reports that a pty cannot carry modem-status lines', async () => {
    await pty.plug();
    const driver = link(pty.deviceLink);
    await driver.open();
    await expect(driver.get()).rejects.toMatchObject({ code: 'modem-status-failed' });
  });
});
