// The release watchdog over a real socat pty with the LCUS simulator: it ends a release from its
// own thread when this thread is blocked, stays quiet when the lock ends the release itself, and
// switches off on request for crash handlers (DoorLock.emergencyOff).
import { openSync, readSync, closeSync, constants } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DoorLock } from '../../hardware/lock/door-lock';
import { encodeLcus } from '../../hardware/lock/lcus-codec';
import { LcusRelay } from '../../hardware/lock/lcus-relay';
import { LcusRelaySimulator } from '../../hardware/lock/relay-sims';
import { ReleaseWatchdog } from '../../hardware/lock/release-watchdog';
import { requireTool } from '../support/required-tools';
import { ReplugablePty, eventually } from './pty-helpers';

const OFF = encodeLcus(1, false);
const ON = encodeLcus(1, true);

/** Blocks this thread for `ms` (its timers cannot fire), reading what arrives on `fd` meanwhile. */
function blockAndRead(fd: number, ms: number): { bytes: Buffer; at: number }[] {
  const seen: { bytes: Buffer; at: number }[] = [];
  const buffer = Buffer.alloc(64);
  const end = performance.now() + ms;
  while (performance.now() < end) {
    try {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n > 0) seen.push({ bytes: Buffer.from(buffer.subarray(0, n)), at: performance.now() });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
  return seen;
}

describe.skipIf(!requireTool('socat'))('release watchdog on an LCUS relay over a pty', () => {
  let pty: ReplugablePty;
  let lock: DoorLock;
  let watchdog: ReleaseWatchdog;

  beforeEach(async () => {
    pty = new ReplugablePty();
    await pty.plug();
    watchdog = new ReleaseWatchdog();
    lock = new DoorLock({ relay: new LcusRelay({ path: pty.deviceLink }), watchdog, watchdogGraceMs: 50 });
  });

  afterEach(async () => {
    await lock.close();
    await pty.dispose();
  });

  it('switches the relay off within the release time + grace while this thread is blocked', async () => {
    // The module end is read synchronously here: an async simulator could not run while blocked.
    const simulator = openSync(pty.simulatorLink, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    try {
      await lock.open();
      await lock.release(300);
      const start = performance.now();
      const seen = blockAndRead(simulator, 900);
      const bytes = Buffer.concat(seen.map((s) => s.bytes));
      expect(bytes.includes(ON)).toBe(true);
      const offAt = seen.find((s) => s.bytes.includes(OFF) && bytes.indexOf(OFF, bytes.indexOf(ON)) !== -1)?.at;
      expect(offAt, 'the watchdog did not switch the relay off').toBeDefined();
      expect(offAt! - start).toBeLessThan(300 + 50 + 150);
      expect(watchdog.firedCount).toBe(1);
    } finally {
      closeSync(simulator);
    }
  });

  it('does not fire when the lock ends the release itself, and guards the next release', async () => {
    const sim = new LcusRelaySimulator({ path: pty.simulatorLink });
    await sim.start();
    try {
      await lock.open();
      await lock.release(200);
      await eventually(() => sim.history.filter((s) => !s.on).length === 2, 3000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(watchdog.firedCount).toBe(0);
      // A release armed while the previous switch-off is in flight stays guarded: that switch-off's
      // disarm names the earlier release only. Blocked here, only the watchdog can end it.
      await lock.release(5000);
      void lock.lock();
      await lock.release(200);
      const until = performance.now() + 500;
      while (performance.now() < until);
      expect(watchdog.firedCount).toBe(1);
      // The watchdog's off, then the lock's own (late) one once this thread runs again.
      await eventually(() => sim.history.length === 8, 3000);
      expect(sim.history.map((s) => s.on)).toEqual([false, true, false, true, false, true, false, false]);
    } finally {
      await sim.stop();
    }
  });

  it('emergencyOff() switches off before it returns (for crash handlers)', async () => {
    const simulator = openSync(pty.simulatorLink, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    try {
      await lock.open();
      await lock.release(5000);
      blockAndRead(simulator, 100); // drain the start-up off and the on
      expect(lock.emergencyOff()).toBe(true);
      const bytes = Buffer.concat(blockAndRead(simulator, 100).map((s) => s.bytes));
      expect(bytes).toEqual(OFF);
    } finally {
      closeSync(simulator);
    }
  });

  it('the watchdog thread switches off on request when the relay cannot itself', async () => {
    const simulator = openSync(pty.simulatorLink, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    try {
      await lock.open();
      await lock.release(5000);
      blockAndRead(simulator, 100);
      expect(watchdog.tripSync(500)).toBe(true);
      expect(Buffer.concat(blockAndRead(simulator, 100).map((s) => s.bytes))).toEqual(OFF);
    } finally {
      closeSync(simulator);
    }
  });
});
