// Keeping a device open: after a failed open, or when the device goes away, try again with
// back-off until close(). Shared by the serial link, the HID connection and the file printer.

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
 * When a driver tries to open its device again. `reconnect` is read from the driver's options
 * at each retry (false: stay disconnected after a failure); `attempt` is the driver's open.
 */
export class Reconnect {
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
