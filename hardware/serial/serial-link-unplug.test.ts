// A link that is only reading (a card reader waiting for a card) must notice its device going
// away, over real socat ptys: serialport's own read spins forever when Linux answers a read on
// the hung-up tty with 0 bytes, which it does when bytes were arriving around the hangup.
import { mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../device-status';
import { requireTool } from '../../test/support/required-tools';
import { openPtyPair } from './pty-pair';
import { SerialLink } from './serial-link';

const CARD = Buffer.from(';0101801234=2912?\r', 'latin1');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The link's next status that is not `connected`, or undefined after `ms`. */
function nextLoss(link: SerialLink, ms: number): Promise<DeviceStatus | undefined> {
  if (link.status().state !== 'connected') return Promise.resolve(link.status());
  return new Promise((resolve) => {
    const onStatus = (status: DeviceStatus) => {
      if (status.state === 'connected') return;
      clearTimeout(timer);
      link.off('status', onStatus);
      resolve(status);
    };
    const timer = setTimeout(() => {
      link.off('status', onStatus);
      resolve(undefined);
    }, ms);
    link.on('status', onStatus);
  });
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(5);
  }
}

describe.skipIf(!requireTool('socat'))('SerialLink when the pty pair goes away', () => {
  let dir: string;
  const links: SerialLink[] = [];
  const closers: (() => Promise<void>)[] = [];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-unplug-'));
  });
  afterEach(async () => {
    await Promise.all(links.splice(0).map((l) => l.close()));
    await Promise.all(closers.splice(0).map((close) => close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const link = (linkPath: string, presenceCheckMs?: number | false) => {
    const l = new SerialLink({ path: linkPath, presenceCheckMs, reconnect: { initialDelayMs: 100, maxDelayMs: 500 } });
    links.push(l);
    return l;
  };

  it('reports 20 unplugs of a link that never writes within 2 s each and leaves no busy loop', async () => {
    for (let i = 0; i < 20; i++) {
      const deviceLink = path.join(dir, `device-${i}`);
      const simulatorLink = path.join(dir, `simulator-${i}`);
      const pair = await openPtyPair({ deviceLink, simulatorLink });
      closers.push(() => pair.close());
      // Presence check off: the read alone has to notice the hangup.
      const driver = link(deviceLink, false);
      let received = 0;
      driver.on('data', (chunk) => (received += chunk.length));
      expect((await driver.open()).state).toBe('connected');

      // Odd rounds: the card reader is still sending as the pair dies (the 0-byte-read case).
      // Even rounds: nothing at all on the line.
      let sending = i % 2 === 1;
      if (sending) {
        const reader = new SerialLink({ path: simulatorLink, reconnect: false, presenceCheckMs: false });
        closers.push(() => reader.close());
        await reader.open();
        const send = (): void => void reader.write(CARD).then(() => sending && send(), () => undefined);
        send();
        await until(() => received >= CARD.length * 3, 3000);
      }
      await pair.close();
      sending = false;

      const status = await nextLoss(driver, 2000);
      expect(status, `round ${i}: still connected 2 s after the unplug`).toMatchObject({ state: 'disconnected' });
      expect(status?.detail).toMatch(/^lost: /);
    }

    // All 20 links stay open, retrying a missing path: that must cost next to nothing. A
    // leftover read loop on one core would use about 2000 ms here, even shared with others.
    const before = process.cpuUsage();
    await sleep(2000);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(700);
    expect(links.map((l) => l.status().state)).toEqual(Array(20).fill('disconnected'));
  }, 20_000);

  it('treats a device path that vanishes while the port stays open as a disconnect', async () => {
    const pair = await openPtyPair();
    closers.push(() => pair.close());
    // A USB adapter leaves /dev when pulled; here only the path goes, the pty itself stays.
    const usbPath = path.join(dir, 'ttyUSB0');
    symlinkSync(pair.devicePath, usbPath);
    const driver = link(usbPath);
    expect((await driver.open()).state).toBe('connected');

    unlinkSync(usbPath);
    const status = await nextLoss(driver, 2000);
    expect(status).toMatchObject({ state: 'disconnected', detail: `lost: ${usbPath} is gone` });
    await sleep(150);
    expect(driver.status()).toMatchObject({ state: 'disconnected', detail: expect.stringMatching(/^cannot open: .*No such file/) });

    symlinkSync(pair.devicePath, usbPath);
    await driver.whenConnected(3000);
    const reader = new SerialLink({ path: pair.simulatorPath, reconnect: false, presenceCheckMs: false });
    closers.push(() => reader.close());
    await reader.open();
    const got: Buffer[] = [];
    driver.on('data', (chunk) => got.push(chunk));
    await reader.write(CARD);
    await until(() => Buffer.concat(got).length === CARD.length, 3000);
    expect(Buffer.concat(got)).toEqual(CARD);
  });
});
