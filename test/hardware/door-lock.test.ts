// Door lock on an LCUS serial relay against the LCUS simulator over real socat ptys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireTool } from '../support/required-tools';
import { DoorLock } from '../../hardware/lock/door-lock';
import { LcusRelay } from '../../hardware/lock/lcus-relay';
import { LcusRelaySimulator } from '../../hardware/lock/relay-sims';
import { ReplugablePty, eventually } from './pty-helpers';

describe.skipIf(!requireTool('socat'))('door lock on an LCUS relay over a pty', () => {
  let pty: ReplugablePty;
  let lock: DoorLock;
  let sim: LcusRelaySimulator;

  beforeEach(async () => {
    pty = new ReplugablePty();
    await pty.plug();
    sim = new LcusRelaySimulator({ path: pty.simulatorLink });
    await sim.start();
    // Slower back-off than the simulator's, so after a replug the module is listening first.
    lock = new DoorLock({ relay: new LcusRelay({ path: pty.deviceLink, reconnect: { initialDelayMs: 300, maxDelayMs: 300 } }) });
  });

  afterEach(async () => {
    await lock.close();
    await sim.stop();
    await pty.dispose();
  });

  it('switches off at start-up, releases, and switches off after the time', async () => {
    await lock.open();
    await eventually(() => sim.history.length === 1);
    expect(sim.history[0]).toMatchObject({ relay: 1, on: false });
    await lock.release(300);
    await eventually(() => sim.history.length === 3, 3000);
    const [, on, off] = sim.history;
    expect([on?.on, off?.on]).toEqual([true, false]);
    expect(off!.at.getTime() - on!.at.getTime()).toBeGreaterThanOrEqual(250);
    expect(sim.isOn()).toBe(false);
  });

  it('switches off on close()', async () => {
    await lock.open();
    await lock.release(60_000);
    await eventually(() => sim.isOn());
    await lock.close();
    await eventually(() => !sim.isOn());
    expect(sim.history.map((s) => s.on)).toEqual([false, true, false]);
  });

  it('switches off again when the module comes back after an unplug', async () => {
    await lock.open();
    await lock.release(60_000);
    await eventually(() => sim.isOn());
    await pty.unplug();
    await eventually(() => lock.status().state === 'disconnected');
    await expect(lock.release(1000)).rejects.toMatchObject({ code: 'not-connected' });
    await pty.plug();
    await sim.link.whenConnected(5000);
    await eventually(() => !sim.isOn(), 5000);
    expect(sim.history.map((s) => s.on)).toEqual([false, true, false]);
    expect(lock.isReleased).toBe(false);
    await lock.release(200);
    await eventually(() => sim.history.length === 5, 3000);
    expect(sim.history.map((s) => s.on)).toEqual([false, true, false, true, false]);
  });
});
