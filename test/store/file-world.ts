// A file-backed stand-in for the ILS and the RFID tags, shared by a child process that gets
// SIGKILLed and the parent that recovers. Each write is atomic (temp file + rename), like a
// real ILS commit or a verified tag write: it happened or it did not.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ItemCirculation, RecoveryPorts } from '../../store/journal-recovery';
import type { OfflineTransaction, OutcomeCheck, ReplayPorts, ReplayResult } from '../../store/offline-queue';

export interface IlsItem {
  status: 'available' | 'checked-out';
  patron: string | null;
}

export interface IlsState {
  items: Record<string, IlsItem>;
  /** Every applied operation, to prove nothing was applied twice. */
  applied: string[];
}

export type TagState = Record<string, number>;

export class FileWorld {
  constructor(readonly dir: string) {}

  get ilsFile(): string {
    return path.join(this.dir, 'ils.json');
  }

  get tagFile(): string {
    return path.join(this.dir, 'tags.json');
  }

  static create(dir: string, ils: IlsState, tags: TagState): FileWorld {
    const world = new FileWorld(dir);
    world.writeIls(ils);
    world.writeTags(tags);
    return world;
  }

  #write(file: string, value: unknown): void {
    writeFileSync(`${file}.tmp`, JSON.stringify(value));
    renameSync(`${file}.tmp`, file);
  }

  readIls(): IlsState {
    return JSON.parse(readFileSync(this.ilsFile, 'utf8')) as IlsState;
  }

  writeIls(state: IlsState): void {
    this.#write(this.ilsFile, state);
  }

  readTags(): TagState {
    return JSON.parse(readFileSync(this.tagFile, 'utf8')) as TagState;
  }

  writeTags(state: TagState): void {
    this.#write(this.tagFile, state);
  }

  /** SIP2 11 with no-block semantics for replays; refuses an item on loan. */
  checkout(itemId: string, patron: string, label = `checkout ${itemId}`): ReplayResult {
    const ils = this.readIls();
    const item = ils.items[itemId];
    if (!item || item.status === 'checked-out') return { ok: false, message: 'item not available' };
    ils.items[itemId] = { status: 'checked-out', patron };
    ils.applied.push(label);
    this.writeIls(ils);
    return { ok: true, dueDate: '2026-03-30' };
  }

  checkin(itemId: string, label = `checkin ${itemId}`): ReplayResult {
    const ils = this.readIls();
    const item = ils.items[itemId];
    if (!item) return { ok: false, message: 'unknown item' };
    ils.items[itemId] = { status: 'available', patron: null };
    ils.applied.push(label);
    this.writeIls(ils);
    return { ok: true };
  }

  itemStatus(itemId: string): ItemCirculation {
    return this.readIls().items[itemId]?.status ?? 'unknown';
  }

  writeAfi(tagUid: string, afi: number): void {
    const tags = this.readTags();
    if (!(tagUid in tags)) throw new Error(`tag ${tagUid} is not on the pad`);
    tags[tagUid] = afi;
    this.writeTags(tags);
  }

  recoveryPorts(): RecoveryPorts {
    return {
      itemStatus: async (itemId) => this.itemStatus(itemId),
      writeAfi: async ({ tagUid }, afi) => this.writeAfi(tagUid ?? '', afi),
      replay: async (tx) => this.checkin(tx.itemId),
    };
  }

  /** Replay labels carry the queue id, so a double send shows up in `applied`. */
  replayPorts(hooks: { before?: (tx: OfflineTransaction) => Promise<void>; after?: (tx: OfflineTransaction) => Promise<void> } = {}): ReplayPorts {
    return {
      replay: async (tx) => {
        await hooks.before?.(tx);
        const label = `${tx.kind} ${tx.itemId} #${tx.id}`;
        const result = tx.kind === 'checkin' ? this.checkin(tx.itemId, label) : this.checkout(tx.itemId, tx.patronId ?? '', label);
        await hooks.after?.(tx);
        return result;
      },
      checkOutcome: async (tx): Promise<OutcomeCheck> => {
        const status = this.itemStatus(tx.itemId);
        if (status === 'unknown') return 'unknown';
        if (tx.kind === 'checkout') return status === 'checked-out' ? 'applied' : 'not-applied';
        if (tx.kind === 'checkin') return status === 'available' ? 'applied' : 'not-applied';
        return 'unknown';
      },
    };
  }
}
