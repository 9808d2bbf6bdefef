// The RFID pad as the kiosk sees it: polls the reader, tracks which tags are on the pad, reads
// and decodes each new tag once, and reports items placed and removed.
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../device-status';
import type { Uid } from './feig/commands';
import type { FeigReader } from './feig/reader';
import { TagPresenceTracker, type PresenceOptions } from './presence';
import { type LibraryTag, type TagDecodeError, tryDecodeTag } from './tag-codec';

/** The tag was seen but its memory could not be read after every attempt. */
export class TagReadError extends Error {
  override name = 'TagReadError';
  constructor(
    readonly uid: Uid,
    readonly failure: unknown,
  ) {
    super(`tag ${uid} could not be read: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
}

export type PlacedItem =
  | { readonly uid: Uid; readonly ok: true; readonly tag: LibraryTag; readonly memory: Uint8Array }
  | { readonly uid: Uid; readonly ok: false; readonly error: TagDecodeError | TagReadError; readonly memory?: Uint8Array };

export interface RfidPadEvents {
  'item-placed': [PlacedItem];
  'item-removed': [{ uid: Uid }];
  /** An inventory failed (timeout, bad reply); the pad keeps polling. */
  'poll-error': [Error];
  status: [DeviceStatus];
}

export interface RfidPadOptions extends PresenceOptions {
  /** Pause between inventories (default 150 ms). */
  intervalMs?: number;
  /** Attempts to read a new tag's memory before reporting it unreadable (default 3). */
  readAttempts?: number;
  /** RF reset before each inventory, so tags a reader left quiet answer again (default true). */
  rfResetBeforeInventory?: boolean;
}

/** The reader operations the pad needs (a FeigReader, or a fake in unit tests). */
export type PadReader = Pick<FeigReader, 'inventory' | 'readUserMemory' | 'rfReset' | 'writeAfi' | 'status' | 'isConnected' | 'on' | 'off'>;

export class RfidPad extends EventEmitter<RfidPadEvents> {
  private readonly tracker: TagPresenceTracker;
  private readonly placed = new Map<Uid, PlacedItem>();
  private readonly readFailures = new Map<Uid, number>();
  private readonly options: RfidPadOptions;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private cycle: Promise<void> | null = null;
  private readonly forwardStatus = (status: DeviceStatus) => this.emit('status', status);

  constructor(
    readonly reader: PadReader,
    options: RfidPadOptions = {},
  ) {
    super();
    this.options = options;
    this.tracker = new TagPresenceTracker(options);
  }

  /** Starts polling; events follow as tags come and go. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.reader.on('status', this.forwardStatus);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.reader.off('status', this.forwardStatus);
    await this.cycle;
  }

  status(): DeviceStatus {
    return this.reader.status();
  }

  /** Items on the pad now, in the order they were placed. */
  items(): PlacedItem[] {
    return [...this.placed.values()];
  }

  /** Writes the AFI (read back and retried by the reader). */
  writeAfi(uid: Uid, afi: number): Promise<void> {
    return this.reader.writeAfi(uid, afi);
  }

  /** One inventory and its consequences; start() calls it in a loop, tests may call it directly. */
  async pollOnce(): Promise<void> {
    if (!this.reader.isConnected) return;
    let uids: Uid[];
    try {
      if (this.options.rfResetBeforeInventory ?? true) await this.reader.rfReset();
      uids = (await this.reader.inventory()).map((record) => record.uid);
    } catch (error) {
      // The tracker is left alone: a failed inventory is no evidence that tags left.
      this.emit('poll-error', error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const change = this.tracker.update(uids);
    for (const uid of change.removed) {
      this.readFailures.delete(uid);
      if (this.placed.delete(uid)) this.emit('item-removed', { uid });
    }
    for (const uid of change.placed) await this.identify(uid);
  }

  private async identify(uid: Uid): Promise<void> {
    let memory: Uint8Array;
    try {
      memory = await this.reader.readUserMemory(uid);
    } catch (error) {
      const failures = (this.readFailures.get(uid) ?? 0) + 1;
      this.readFailures.set(uid, failures);
      if (failures < (this.options.readAttempts ?? 3)) {
        this.tracker.forget(uid);
        return;
      }
      this.report({ uid, ok: false, error: new TagReadError(uid, error) });
      return;
    }
    this.readFailures.delete(uid);
    const decoded = tryDecodeTag(memory);
    this.report(decoded.ok ? { uid, ok: true, tag: decoded.tag, memory } : { uid, ok: false, error: decoded.error, memory });
  }

  private report(item: PlacedItem): void {
    this.placed.set(item.uid, item);
    this.emit('item-placed', item);
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.cycle = this.pollOnce().finally(() => {
        this.cycle = null;
        this.schedule(this.options.intervalMs ?? 150);
      });
    }, delay);
  }
}
