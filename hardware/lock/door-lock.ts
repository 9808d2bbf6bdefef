// The door lock: release(ms) energises the relay and guarantees it goes off again after the
// time, on close(), on open() (a crash or power cut never leaves the door open) and after
// the relay board reconnects. Failing to switch off is retried until it succeeds. With a
// watchdog, a second thread ends the release even when this thread hangs; emergencyOff() is for
// crash handlers.
import { EventEmitter } from 'node:events';
import { type DeviceStatus, deviceStatus } from '../device-status';
import { LockError, type Relay, type RelayConfirmation } from './relay';
import type { ReleaseWatchdog } from './release-watchdog';

export type LockReason = 'start-up' | 'reconnect' | 'timer' | 'lock' | 'shutdown' | 'release-failed';

export interface DoorLockEvents {
  released: [{ at: Date; until: Date; confirmation: RelayConfirmation }];
  locked: [{ at: Date; reason: LockReason; confirmation: RelayConfirmation }];
  /** A switch failed (not thrown: the lock keeps retrying the switch-off). */
  fault: [LockError];
  status: [DeviceStatus];
}

export interface DoorLockOptions {
  relay: Relay;
  /** Longest release accepted (default 60 000 ms). */
  maxReleaseMs?: number;
  /** Wait between attempts to switch off after a failure (default 500 ms). */
  offRetryMs?: number;
  /** Ends every release from its own thread if this one misses the time (started by open()). */
  watchdog?: ReleaseWatchdog;
  /** How long after the release time the watchdog steps in (default 100 ms). */
  watchdogGraceMs?: number;
  now?: () => number;
}

const asLockError = (error: unknown) => (error instanceof LockError ? error : new LockError('write-failed', error instanceof Error ? error.message : String(error)));

export class DoorLock extends EventEmitter<DoorLockEvents> {
  private readonly relay: Relay;
  private readonly now: () => number;
  private readonly maxReleaseMs: number;
  private readonly offRetryMs: number;
  private opened = false;
  private started = false;
  private releasedUntil: number | null = null;
  private lastReleaseEnd: number | null = null;
  private releaseTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private offFault: LockError | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly watchdog: ReleaseWatchdog | null;
  private readonly watchdogGraceMs: number;
  private armedId: number | null = null;

  constructor(options: DoorLockOptions) {
    super();
    this.relay = options.relay;
    this.now = options.now ?? Date.now;
    this.maxReleaseMs = options.maxReleaseMs ?? 60_000;
    this.offRetryMs = options.offRetryMs ?? 500;
    this.watchdog = options.watchdog ?? null;
    this.watchdogGraceMs = options.watchdogGraceMs ?? 100;
    this.watchdog?.on('fired', ({ ok, detail }) => {
      if (!ok) this.emit('fault', new LockError('write-failed', `release watchdog could not switch off: ${detail}`));
    });
    this.watchdog?.on('error', (error) => this.emit('fault', new LockError('write-failed', error.message)));
    this.relay.on('status', (status) => {
      if (this.started && status.state === 'connected') void this.switchOff('reconnect');
      this.emit('status', this.status());
    });
  }

  /** Opens the relay and switches it off before anything else. */
  async open(): Promise<DeviceStatus> {
    if (this.opened) return this.status();
    this.opened = true;
    await this.watchdog?.start();
    const status = await this.relay.open();
    this.started = true;
    if (status.state === 'connected') await this.switchOff('start-up');
    return this.status();
  }

  /** Switches off, then closes the relay. */
  async close(): Promise<void> {
    if (!this.opened) return;
    await this.switchOff('shutdown');
    this.opened = false;
    this.started = false;
    this.clearTimers();
    await this.relay.close();
    await this.watchdog?.stop();
  }

  /** Unlocks for `ms`; resolves once the relay is confirmed on. */
  async release(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms <= 0 || ms > this.maxReleaseMs) {
      throw new LockError('bad-duration', `release time must be between 1 and ${this.maxReleaseMs} ms`);
    }
    if (!this.opened) throw new LockError('not-connected', 'the lock is not open');
    const at = this.now();
    // The off timer (and the watchdog) is armed before the relay is switched on, so no path leaves it on.
    this.armReleaseTimer(ms);
    this.armWatchdog(ms);
    this.releasedUntil = at + ms;
    let confirmation: RelayConfirmation;
    try {
      confirmation = await this.serial(() => this.relay.set(true));
    } catch (error) {
      await this.switchOff('release-failed');
      throw asLockError(error);
    }
    if (this.releasedUntil !== null) this.emit('released', { at: new Date(at), until: new Date(at + ms), confirmation });
  }

  /** Locks now, ending a release early. */
  async lock(): Promise<void> {
    await this.switchOff('lock');
    if (this.offFault) throw this.offFault;
  }

  get isReleased(): boolean {
    return this.releasedUntil !== null && this.now() < this.releasedUntil;
  }

  /** Released now or less than `graceMs` ago (a patron may pull the door as it relocks). */
  wasReleasedWithin(graceMs: number): boolean {
    return this.isReleased || (this.lastReleaseEnd !== null && this.now() - this.lastReleaseEnd <= graceMs);
  }

  status(): DeviceStatus {
    const relay = this.relay.status();
    if (relay.state === 'connected' && this.offFault) return deviceStatus('error', new Date(this.now()), `cannot confirm the lock is off: ${this.offFault.message}`);
    return relay;
  }

  /**
   * For crash handlers: switches the relay off before this function returns, with blocking calls
   * (the relay's own, then the watchdog thread's). True when one of them confirms it.
   */
  emergencyOff(): boolean {
    if (!this.opened) return false;
    this.releasedUntil = null;
    let done = false;
    try {
      done = this.relay.switchOffSync?.() ?? false;
    } catch {
      // Crash path: nothing may run here but the next way off (the watchdog thread); the caller
      // (runtime/fail-safe) logs whether the lock went off.
      done = false;
    }
    return done || (this.watchdog?.tripSync() ?? false);
  }

  private async switchOff(reason: LockReason): Promise<void> {
    if (this.releasedUntil !== null) this.lastReleaseEnd = this.now();
    this.releasedUntil = null;
    this.clearTimers();
    const armed = this.armedId;
    try {
      const confirmation = await this.serial(() => this.relay.set(false));
      // Only the release this switch-off ended: a release armed meanwhile stays guarded.
      if (armed !== null) this.watchdog?.disarm(armed);
      if (this.armedId === armed) this.armedId = null;
      const hadFault = this.offFault !== null;
      this.offFault = null;
      this.emit('locked', { at: new Date(this.now()), reason, confirmation });
      if (hadFault) this.emit('status', this.status());
    } catch (error) {
      this.offFault = asLockError(error);
      this.emit('fault', this.offFault);
      this.emit('status', this.status());
      // A disconnected board is switched off when it reconnects; anything else is retried.
      const retry = this.opened && reason !== 'shutdown' && this.offFault.code !== 'not-connected';
      if (retry) this.retryTimer = setTimeout(() => void this.switchOff(reason), this.offRetryMs);
    }
  }

  private armWatchdog(ms: number): void {
    const target = this.watchdog?.running ? this.relay.offTarget?.() : null;
    if (!this.watchdog || !target) return;
    try {
      this.armedId = this.watchdog.arm(ms + this.watchdogGraceMs, target);
    } catch (error) {
      this.emit('fault', new LockError('write-failed', `release watchdog not armed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  private armReleaseTimer(ms: number): void {
    this.clearTimers();
    this.releaseTimer = setTimeout(() => void this.switchOff('timer'), ms);
  }

  private clearTimers(): void {
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.releaseTimer = null;
    this.retryTimer = null;
  }

  /** Relay switches run one at a time, in the order asked. */
  private serial<T>(action: () => Promise<T>): Promise<T> {
    const run = this.queue.then(action, action);
    // The caller gets `run` and its error; the queue itself only must not stay rejected.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
