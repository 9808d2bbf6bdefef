// The door contact (reed switch): polled, debounced, and turned into door events: closed,
// opened, held-open-too-long, forced-open (opened while the lock was not released).
import { EventEmitter } from 'node:events';
import { type DeviceStatus, deviceStatus } from '../device-status';

/** Where the contact's state comes from: modem-status lines, or a simulator. */
export interface ContactSource {
  open(): Promise<DeviceStatus>;
  close(): Promise<void>;
  status(): DeviceStatus;
  /** true = door closed. Throws when the state cannot be read. */
  readClosed(): Promise<boolean>;
  on(event: 'status', listener: (status: DeviceStatus) => void): unknown;
}

export type DoorState = 'closed' | 'open' | 'unknown';

export interface DoorEvent {
  at: Date;
}

export interface DoorContactEvents {
  closed: [DoorEvent];
  opened: [DoorEvent & { authorized: boolean }];
  'held-open-too-long': [DoorEvent & { openSince: Date }];
  'forced-open': [DoorEvent];
  status: [DeviceStatus];
}

export interface DoorContactOptions {
  source: ContactSource;
  /** Was the door allowed to open just now? E.g. `() => lock.wasReleasedWithin(2000)`. */
  isAuthorized: () => boolean;
  pollMs?: number;
  /** Open longer than this -> held-open-too-long, once per opening (default 30 000 ms). */
  heldOpenMs?: number;
  /** Equal readings in a row before a change counts: a bouncing reed switch (default 2). */
  stableReads?: number;
  now?: () => number;
}

export class DoorContact extends EventEmitter<DoorContactEvents> {
  private readonly options: DoorContactOptions;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private current: DoorState = 'unknown';
  private candidate: { closed: boolean; count: number } | null = null;
  private openedAt: number | null = null;
  private heldReported = false;
  private polling = false;
  /** Set while readings fail: the contact's status says so (device status, /health, diagnostics). */
  private readError: DeviceStatus | null = null;

  constructor(options: DoorContactOptions) {
    super();
    this.options = options;
    this.now = options.now ?? Date.now;
    // A change of the source's own state (unplugged, back) is newer news than a failed reading.
    options.source.on('status', (status) => {
      this.readError = null;
      this.emit('status', status);
    });
  }

  get state(): DoorState {
    return this.current;
  }

  status(): DeviceStatus {
    return this.readError ?? this.options.source.status();
  }

  async open(): Promise<DeviceStatus> {
    const status = await this.options.source.open();
    if (!this.timer) this.timer = setInterval(() => void this.poll(), this.options.pollMs ?? 100);
    await this.poll();
    return status;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.options.source.close();
  }

  /** One reading; the interval calls it, tests may too. */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const closed = await this.options.source.readClosed();
      if (this.readError !== null) {
        this.readError = null;
        this.emit('status', this.options.source.status());
      }
      this.observe(closed);
    } catch (error) {
      // Unreadable (e.g. unplugged): forget the state rather than guess it, and say so once.
      if (this.readError === null && this.options.source.status().state === 'connected') {
        this.readError = deviceStatus('error', new Date(this.now()), `door contact cannot be read: ${error instanceof Error ? error.message : String(error)}`);
        this.emit('status', this.readError);
      }
      this.current = 'unknown';
      this.candidate = null;
      this.openedAt = null;
    } finally {
      this.polling = false;
    }
  }

  private observe(closed: boolean): void {
    const needed = this.options.stableReads ?? 2;
    this.candidate = this.candidate?.closed === closed ? { closed, count: this.candidate.count + 1 } : { closed, count: 1 };
    const next: DoorState = closed ? 'closed' : 'open';
    if (next !== this.current && (this.candidate.count >= needed || this.current === 'unknown')) this.change(next);
    this.checkHeldOpen();
  }

  private change(next: DoorState): void {
    const previous = this.current;
    this.current = next;
    const at = new Date(this.now());
    if (next === 'closed') {
      this.openedAt = null;
      if (previous === 'open') this.emit('closed', { at });
      return;
    }
    this.openedAt = at.getTime();
    this.heldReported = false;
    // A door found open at start-up was not seen opening: no opened/forced-open for it.
    if (previous === 'unknown') return;
    const authorized = this.options.isAuthorized();
    this.emit('opened', { at, authorized });
    if (!authorized) this.emit('forced-open', { at });
  }

  private checkHeldOpen(): void {
    if (this.current !== 'open' || this.openedAt === null || this.heldReported) return;
    if (this.now() - this.openedAt < (this.options.heldOpenMs ?? 30_000)) return;
    this.heldReported = true;
    this.emit('held-open-too-long', { at: new Date(this.now()), openSince: new Date(this.openedAt) });
  }
}
