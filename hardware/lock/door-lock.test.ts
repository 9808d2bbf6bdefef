import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSerialBinding } from '../serial/fake-binding.testkit';
import { DoorLock } from './door-lock';
import { HidRelay } from './hid-relay';
import { LcusRelay } from './lcus-relay';
import { HidRelaySimulator } from './relay-sims';
import type { LockReason } from './door-lock';

const ON = Buffer.from([0x00, 0xff, 0x01, 0, 0, 0, 0, 0, 0]);
const OFF = Buffer.from([0x00, 0xfd, 0x01, 0, 0, 0, 0, 0, 0]);

describe('DoorLock on a dcttech HID relay (simulated board)', () => {
  let lock: DoorLock | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
  });
  afterEach(async () => {
    await lock?.close();
    lock = undefined;
    vi.useRealTimers();
  });

  function setUp(board: HidRelaySimulator, options: { relay?: number } = {}) {
    const relay = new HidRelay({ open: async () => board, relay: options.relay, reconnect: { initialDelayMs: 100, maxDelayMs: 100 } });
    lock = new DoorLock({ relay, offRetryMs: 50 });
    const locked: LockReason[] = [];
    lock.on('locked', (e) => locked.push(e.reason));
    return { relay, lock, locked };
  }

  it('switches a relay left on by a crash off at start-up, confirmed by read-back', async () => {
    const board = new HidRelaySimulator({ initialMask: 0b1 });
    const { lock, locked, relay } = setUp(board);
    expect((await lock.open()).state).toBe('connected');
    expect(board.isOn()).toBe(false);
    expect(board.featureReportsReceived).toEqual([OFF]);
    expect(locked).toEqual(['start-up']);
    expect(relay.boardSerial).toBe('SIM01');
  });

  it('releases for exactly the given time', async () => {
    const board = new HidRelaySimulator();
    const { lock, locked } = setUp(board);
    await lock.open();
    const released = vi.fn();
    lock.on('released', released);
    await lock.release(5000);
    expect(board.isOn()).toBe(true);
    expect(lock.isReleased).toBe(true);
    expect(released).toHaveBeenCalledWith({ at: new Date('2025-03-01T10:00:00Z'), until: new Date('2025-03-01T10:00:05Z'), confirmation: 'read-back' });
    await vi.advanceTimersByTimeAsync(4999);
    expect(board.isOn()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(board.isOn()).toBe(false);
    expect(locked).toEqual(['start-up', 'timer']);
    expect(board.history.map((s) => [s.on, s.at.toISOString()])).toEqual([
      [true, '2025-03-01T10:00:00.000Z'],
      [false, '2025-03-01T10:00:05.000Z'],
    ]);
    expect(board.featureReportsReceived).toEqual([OFF, ON, OFF]);
  });

  it('a second release restarts the time; lock() ends it early', async () => {
    const board = new HidRelaySimulator();
    const { lock } = setUp(board);
    await lock.open();
    await lock.release(3000);
    await vi.advanceTimersByTimeAsync(2000);
    await lock.release(3000);
    await vi.advanceTimersByTimeAsync(2500);
    expect(board.isOn()).toBe(true);
    await lock.lock();
    expect(board.isOn()).toBe(false);
    expect(lock.wasReleasedWithin(100)).toBe(true);
    await vi.advanceTimersByTimeAsync(101);
    expect(lock.wasReleasedWithin(100)).toBe(false);
  });

  it('close() during a release switches off before closing', async () => {
    const board = new HidRelaySimulator();
    const { lock, locked } = setUp(board);
    await lock.open();
    await lock.release(10_000);
    await lock.close();
    expect(board.isOn()).toBe(false);
    expect(board.closed).toBe(true);
    expect(locked).toEqual(['start-up', 'shutdown']);
  });

  it('uses the configured relay on a multi-relay board', async () => {
    const board = new HidRelaySimulator({ relays: 2 });
    const { lock } = setUp(board, { relay: 2 });
    await lock.open();
    await lock.release(1000);
    expect(board.stateMask).toBe(0b10);
  });

  it('refuses a bad release time without touching the relay', async () => {
    const board = new HidRelaySimulator();
    const { lock } = setUp(board);
    await lock.open();
    for (const ms of [0, -1, Number.NaN, 60_001, Number.POSITIVE_INFINITY]) {
      await expect(lock.release(ms)).rejects.toMatchObject({ name: 'LockError', code: 'bad-duration' });
    }
    expect(board.featureReportsReceived).toEqual([OFF]);
  });

  it('a relay that does not follow is an error, never a silent open', async () => {
    const board = new HidRelaySimulator();
    const { lock } = setUp(board);
    await lock.open();
    board.stuck = true;
    await expect(lock.release(1000)).rejects.toMatchObject({ code: 'not-confirmed', message: 'relay 1 reads off after switching on' });
    expect(lock.isReleased).toBe(false);
  });

  it('a relay stuck on reports error and keeps trying to switch off', async () => {
    const board = new HidRelaySimulator();
    const { lock } = setUp(board);
    await lock.open();
    await lock.release(1000);
    board.stuck = true;
    const faults: string[] = [];
    lock.on('fault', (e) => faults.push(e.code));
    await vi.advanceTimersByTimeAsync(1000);
    expect(lock.status()).toMatchObject({ state: 'error', detail: 'cannot confirm the lock is off: relay 1 reads on after switching off' });
    await vi.advanceTimersByTimeAsync(100);
    expect(faults).toEqual(['not-confirmed', 'not-confirmed', 'not-confirmed']);
    board.stuck = false;
    await vi.advanceTimersByTimeAsync(50);
    expect(board.isOn()).toBe(false);
    expect(lock.status().state).toBe('connected');
  });

  it('switches off when the board comes back after an unplug', async () => {
    const board = new HidRelaySimulator();
    const { lock, locked } = setUp(board);
    await lock.open();
    await lock.release(60_000);
    board.unplug();
    expect(lock.status().state).toBe('disconnected');
    board.replug(); // a board on a powered hub may keep its relay on
    await vi.advanceTimersByTimeAsync(100);
    expect(board.isOn()).toBe(false);
    expect(locked).toEqual(['start-up', 'reconnect']);
    expect(lock.isReleased).toBe(false);
  });
});

describe('DoorLock on an LCUS serial relay (fake binding)', () => {
  afterEach(() => vi.useRealTimers());

  it('writes off at start-up, then the exact on and off commands', async () => {
    vi.useFakeTimers();
    const binding = new FakeSerialBinding();
    const module = binding.device('/dev/ttyUSB3');
    const lock = new DoorLock({ relay: new LcusRelay({ path: '/dev/ttyUSB3', binding }) });
    const confirmations: string[] = [];
    lock.on('locked', (e) => confirmations.push(e.confirmation));
    await lock.open();
    expect(module.written()).toEqual(Buffer.from([0xa0, 0x01, 0x00, 0xa1]));
    await lock.release(2000);
    expect(module.written()).toEqual(Buffer.from([0xa0, 0x01, 0x00, 0xa1, 0xa0, 0x01, 0x01, 0xa2]));
    await vi.advanceTimersByTimeAsync(2000);
    expect(module.written()).toEqual(Buffer.from([0xa0, 0x01, 0x00, 0xa1, 0xa0, 0x01, 0x01, 0xa2, 0xa0, 0x01, 0x00, 0xa1]));
    expect(confirmations).toEqual(['written', 'written']);
    await lock.close();
    expect(module.writes.at(-1)).toEqual(Buffer.from([0xa0, 0x01, 0x00, 0xa1]));
  });

  it('release on a missing module is a typed error', async () => {
    const binding = new FakeSerialBinding();
    const lock = new DoorLock({ relay: new LcusRelay({ path: '/dev/none', binding, reconnect: false }) });
    await lock.open();
    await expect(lock.release(1000)).rejects.toMatchObject({ code: 'not-connected' });
    await lock.close();
  });
});

describe('what the fail-safe paths get from each relay', () => {
  it('an LCUS relay offers its port fd and off bytes only while connected; without an fd no blocking write', async () => {
    const binding = new FakeSerialBinding();
    binding.device('/dev/ttyUSB3');
    const relay = new LcusRelay({ path: '/dev/ttyUSB3', binding, relay: 2 });
    expect(relay.offTarget()).toBeNull();
    expect(relay.switchOffSync()).toBe(false);
    await relay.open();
    expect(relay.offTarget()).toBeNull(); // a fake port has no fd (a native one does: test/hardware)
    await relay.close();
  });

  it('a HID relay names its board and the off report for the watchdog thread, by path or by USB id', () => {
    const byId = new HidRelay({ relay: 2, open: async () => new HidRelaySimulator() });
    expect(byId.offTarget()).toEqual({ kind: 'hid', path: null, vendorId: 0x16c0, productId: 0x05df, report: Buffer.from([0, 0xfd, 2, 0, 0, 0, 0, 0, 0]) });
    const byPath = new HidRelay({ selector: { path: '/dev/hidraw3' }, open: async () => new HidRelaySimulator() });
    expect(byPath.offTarget()).toMatchObject({ kind: 'hid', path: '/dev/hidraw3', report: OFF });
    expect(byPath.switchOffSync()).toBe(false); // not connected
  });

  it('emergencyOff() on a lock that was never opened does nothing', () => {
    const lock = new DoorLock({ relay: new HidRelay({ open: async () => new HidRelaySimulator() }) });
    expect(lock.emergencyOff()).toBe(false);
  });
});
