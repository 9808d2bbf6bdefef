// Keeping a device open: after a failed open, or when the device goes away, try again with
// back-off until close(). `KeptOpen` is the open/close/reconnect/status logic of the serial link,
// the HID connection and the file printer transport, written once.
import { type DeviceStatus, deviceStatus, statusChanged } from './device-status';

export interface ReconnectOptions {
  /** First wait after a failure (default 250 ms). */
  initialDelayMs?: number;
  /** Longest wait between attempts (default 5000 ms). */
  maxDelayMs?: number;
  /** Each failed attempt multiplies the wait by this (default 2). */
  factor?: number;
}

/** Delay before reconnect attempt number `attempt` (0-based). */
export function backoffDelay(attempt: number, options: ReconnectOptions = {}): number {
  const initial = options.initialDelayMs ?? 250;
  const max = options.maxDelayMs ?? 5000;
  const factor = options.factor ?? 2;
  return Math.min(max, initial * factor ** Math.min(attempt, 30));
}

/**
 * When to try to open the device again. `reconnect` is read from the driver's options at each
 * retry (false: stay disconnected after a failure); `attempt` is one open attempt.
 */
class Reconnect {
  private wanted = false;
  private attempts = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { reconnect?: ReconnectOptions | false },
    private readonly attempt: () => unknown,
  ) {}

  /** Between open() and close(): the driver wants its device. */
  get isWanted(): boolean {
    return this.wanted;
  }

  /** open(): false when the device is already wanted (nothing to start). */
  start(): boolean {
    if (this.wanted) return false;
    this.wanted = true;
    this.attempts = 0;
    return true;
  }

  /** close(): no more attempts. */
  stop(): void {
    this.wanted = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The device is open: the next failure waits the shortest time again. */
  connected(): void {
    this.attempts = 0;
  }

  /** An open failed or the device went away: try again after the back-off delay (once). */
  retry(): void {
    const reconnect = this.options.reconnect;
    if (!this.wanted || reconnect === false || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, backoffDelay(this.attempts++, reconnect ?? {}));
  }
}

/** How a driver opens, closes and uses one handle of its device (a port, an HID device, a file). */
export interface DeviceOpener<H> {
  /** Opens the device once; throws when it cannot. */
  open(): Promise<H>;
  /** Closes a handle nobody wants any more (closed, lost, or opened after close()). */
  close(handle: H): Promise<unknown> | undefined;
  /** The state a failed open reports (default 'disconnected': the device is not there). */
  openFailureState?(error: unknown): 'disconnected' | 'error';
  /** An error in a technician's words, for the status detail (default: its message). */
  describe?(error: unknown): string;
  /** `handle` became the current one, just before 'connected' is reported: start reading, listen. */
  attach?(handle: H): void;
  /** `handle` is no longer current (closed or lost): stop reading, stop listening. */
  detach?(handle: H): void;
}

export interface KeptOpenOptions {
  /** false: stay disconnected after a failure. */
  reconnect?: ReconnectOptions | false;
  now?: () => number;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One device kept open between open() and close(): one open attempt at a time, retried with
 * back-off after a failed open or a lost handle, and the device's status reported on each change.
 */
export class KeptOpen<H> {
  private current: H | null = null;
  private opening: Promise<void> | null = null;
  private readonly schedule: Reconnect;
  private readonly now: () => number;
  private latest: DeviceStatus;

  constructor(
    options: KeptOpenOptions,
    private readonly device: DeviceOpener<H>,
    private readonly onStatus: (status: DeviceStatus) => void,
  ) {
    this.now = options.now ?? Date.now;
    this.latest = deviceStatus('disconnected', new Date(this.now()), 'not opened');
    this.schedule = new Reconnect(options, () => this.attempt());
  }

  /** The open handle, or null while disconnected. */
  get handle(): H | null {
    return this.current;
  }

  /** Between open() and close(). */
  get isWanted(): boolean {
    return this.schedule.isWanted;
  }

  status(): DeviceStatus {
    return this.latest;
  }

  /** One attempt now, then retries in the background; a missing device is not an error here. */
  async open(): Promise<DeviceStatus> {
    if (!this.schedule.start()) return this.latest;
    await this.attempt();
    return this.latest;
  }

  /** Stops retrying and closes the handle. It can be opened again later. */
  async close(): Promise<void> {
    this.schedule.stop();
    const handle = this.current;
    this.current = null;
    if (handle !== null) {
      this.device.detach?.(handle);
      // Closing on purpose: a handle that fails to close is gone either way; the status says closed.
      await this.device.close(handle)?.catch(() => undefined);
    }
    this.setStatus('disconnected', 'closed');
  }

  /** `handle` failed under us (unplugged, I/O error): drop it and start reconnecting. */
  lost(handle: H, error: unknown): void {
    if (this.current !== handle) return;
    this.current = null;
    this.device.detach?.(handle);
    // The device is already lost (recorded in the status below); its close can only fail the same way.
    void this.device.close(handle)?.catch(() => undefined);
    this.setStatus('disconnected', `lost: ${this.describe(error)}`);
    this.schedule.retry();
  }

  /** One open attempt at a time, even when close() and open() come quickly after each other. */
  private attempt(): Promise<void> {
    if (!this.schedule.isWanted || this.current !== null) return Promise.resolve();
    this.opening ??= this.tryOpen().finally(() => (this.opening = null));
    return this.opening;
  }

  private async tryOpen(): Promise<void> {
    let handle: H;
    try {
      handle = await this.device.open();
    } catch (error) {
      this.setStatus(this.device.openFailureState?.(error) ?? 'disconnected', `cannot open: ${this.describe(error)}`);
      this.schedule.retry();
      return;
    }
    if (!this.schedule.isWanted) {
      // Opened after close() was asked for: nobody wants this handle, whatever its close says.
      await this.device.close(handle)?.catch(() => undefined);
      return;
    }
    this.current = handle;
    this.device.attach?.(handle);
    this.schedule.connected();
    this.setStatus('connected');
  }

  private describe(error: unknown): string {
    return (this.device.describe ?? errorMessage)(error);
  }

  private setStatus(state: DeviceStatus['state'], detail?: string): void {
    if (!statusChanged(this.latest, state, detail)) return;
    const since = this.latest.state === state ? this.latest.since : new Date(this.now());
    this.latest = deviceStatus(state, since, detail);
    this.onStatus(this.latest);
  }
}
