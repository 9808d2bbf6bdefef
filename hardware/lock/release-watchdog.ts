// An independent limit on a release, for relay boards with no hardware timer (LCUS, dcttech):
// a worker thread with its own clock is told "on for N ms" before the relay switches on and
// "off" once it is confirmed off; when the time passes without that, the thread switches the
// relay off itself (release-watchdog-thread.ts). The main thread may be stuck in a loop (its
// timers never fire) and the door still locks. It cannot outlive the process: after a SIGKILL the
// service manager's restart and ExecStopPost (`kiosk lock off`) switch off.
import { EventEmitter } from 'node:events';
import { fstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { RelayOffTarget } from './relay';
import { RELEASE_WATCHDOG_THREAD } from './release-watchdog-thread';

/** node-hid's entry file for the thread (its eval'd code resolves nothing itself), or null. */
function nodeHidModule(): string | null {
  try {
    return createRequire(import.meta.url).resolve('node-hid');
  } catch {
    // Not installed: the thread reports 'node-hid cannot be loaded' if it ever needs it.
    return null;
  }
}

export interface ReleaseWatchdogEvents {
  /** The watchdog switched the relay off itself (the main thread missed the release's end). */
  fired: [{ ok: boolean; detail: string }];
  /** The thread failed or ended unexpectedly: releases are no longer guarded. */
  error: [Error];
}

const GENERATION = 0;
const FIRED = 1;
const TRIPS = 2;
const TRIP_OK = 3;

export class ReleaseWatchdog extends EventEmitter<ReleaseWatchdogEvents> {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private ctl: Int32Array | null = null;
  private nextId = 1;

  /** Starts the thread; resolves once it runs. Idempotent. */
  async start(): Promise<void> {
    if (this.worker) return;
    const control = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(RELEASE_WATCHDOG_THREAD, { eval: true, workerData: { control, port: port2, hidModule: nodeHidModule() }, transferList: [port2] });
    this.worker = worker;
    this.port = port1;
    this.ctl = new Int32Array(control);
    port1.on('message', (message: { type: string; ok: boolean; detail: string }) => {
      if (message.type === 'fired') this.emit('fired', { ok: message.ok, detail: message.detail });
    });
    port1.unref();
    worker.on('error', (error) => this.emit('error', error));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.clear();
      this.emit('error', new Error(`release watchdog thread ended (code ${code}): releases are no longer guarded`));
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('online', resolve);
      worker.once('error', reject);
    });
    worker.unref(); // the watchdog never keeps the process alive
  }

  get running(): boolean {
    return this.worker !== null;
  }

  /** How often the watchdog had to switch off itself. */
  get firedCount(): number {
    return this.ctl ? Atomics.load(this.ctl, FIRED) : 0;
  }

  /** Guards a release of `ms` (call before switching on); returns the id to disarm it with. */
  arm(ms: number, target: RelayOffTarget): number {
    const id = this.nextId++;
    if (target.kind === 'fd') {
      const s = fstatSync(target.fd);
      this.send({ type: 'arm', id, ms, target: { ...target, identity: `${s.dev}:${s.ino}:${s.rdev}` } });
    } else {
      this.send({ type: 'arm', id, ms, target });
    }
    return id;
  }

  /** The release `id` ended with the relay confirmed off (a later release stays armed). */
  disarm(id: number): void {
    this.send({ type: 'disarm', id });
  }

  /**
   * Blocks (up to `timeoutMs`) while the thread switches the last armed relay off now: for crash
   * handlers whose own switch-off failed. True when the thread confirms it wrote the command.
   */
  tripSync(timeoutMs = 500): boolean {
    const ctl = this.ctl;
    if (!ctl) return false;
    const before = Atomics.load(ctl, TRIPS);
    this.send({ type: 'trip' });
    Atomics.wait(ctl, TRIPS, before, timeoutMs);
    return Atomics.load(ctl, TRIPS) !== before && Atomics.load(ctl, TRIP_OK) === 1;
  }

  /** Stops the thread (after the relay was switched off for good). */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    this.worker = null; // an exit from here on is expected
    const timer = setTimeout(() => void worker.terminate(), 1000);
    await exited;
    clearTimeout(timer);
    this.clear();
  }

  private send(message: object): void {
    if (!this.port || !this.ctl) return;
    this.port.postMessage(message);
    Atomics.add(this.ctl, GENERATION, 1);
    Atomics.notify(this.ctl, GENERATION);
  }

  private clear(): void {
    this.port?.close();
    this.worker = null;
    this.port = null;
    this.ctl = null;
  }
}
