// Ends a frame when the line goes quiet for `intervalMs`: for devices with no delimiter.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface InterByteTimeoutOptions {
  intervalMs: number;
  /** A frame is emitted early when it reaches this length (default 65536). */
  maxLength?: number;
  onFrame(frame: Buffer): void;
  timers?: Timers;
}

export class InterByteTimeoutFramer {
  private readonly options: InterByteTimeoutOptions;
  private readonly timers: Timers;
  private readonly maxLength: number;
  private parts: Buffer[] = [];
  private length = 0;
  private timer: unknown = null;

  constructor(options: InterByteTimeoutOptions) {
    if (!(options.intervalMs > 0)) throw new RangeError('intervalMs must be a positive number');
    this.options = options;
    this.timers = options.timers ?? realTimers;
    this.maxLength = options.maxLength ?? 65536;
  }

  push(chunk: Uint8Array): void {
    let rest = Buffer.from(chunk);
    while (rest.length > 0) {
      const room = this.maxLength - this.length;
      this.parts.push(rest.subarray(0, room));
      this.length += Math.min(room, rest.length);
      rest = rest.subarray(room);
      if (this.length >= this.maxLength) this.flush();
    }
    this.restartTimer();
  }

  /** Emits whatever is buffered now. */
  flush(): void {
    this.stopTimer();
    if (this.length === 0) return;
    const frame = Buffer.concat(this.parts);
    this.parts = [];
    this.length = 0;
    this.options.onFrame(frame);
  }

  /** Drops buffered bytes without emitting them. */
  reset(): void {
    this.stopTimer();
    this.parts = [];
    this.length = 0;
  }

  private restartTimer(): void {
    this.stopTimer();
    if (this.length > 0) this.timer = this.timers.setTimeout(() => this.flush(), this.options.intervalMs);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
