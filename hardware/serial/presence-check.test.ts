import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { watchPresence } from './presence-check';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchPresence', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-presence-'));
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('calls onGone exactly once after the path disappears', async () => {
    const device = path.join(dir, 'ttyUSB0');
    writeFileSync(device, '');
    let gone = 0;
    stops.push(watchPresence(device, 10, () => gone++));
    await sleep(50);
    expect(gone).toBe(0);
    unlinkSync(device);
    const deadline = Date.now() + 2000;
    while (gone === 0 && Date.now() < deadline) await sleep(10);
    await sleep(50);
    expect(gone).toBe(1);
  });

  it('does not watch a path that is not there to begin with, nor after stop', async () => {
    let gone = 0;
    stops.push(watchPresence(path.join(dir, 'COM3'), 10, () => gone++));
    const device = path.join(dir, 'ttyACM0');
    writeFileSync(device, '');
    const stop = watchPresence(device, 10, () => gone++);
    stop();
    unlinkSync(device);
    await sleep(60);
    expect(gone).toBe(0);
  });
});
