// What a FEIG reader with tags on its antenna answers, as a pure request -> reply function:
// inventory paged with 0x94, read/write blocks, write/lock AFI, system information, RF reset.
import {
  encodeInventoryData,
  encodeReadBlocksData,
  encodeSystemInfoData,
  FeigCommand,
  INVENTORY_MORE,
  IsoCommand,
  MODE_ADDRESSED,
  type Uid,
  uidFromBytes,
} from '../feig/commands';
import { AFI_IN_LIBRARY } from '../../../policy';
import type { FeigFrame, FeigReply } from '../feig/frame';
import { FeigStatus } from '../feig/status';
import { encodeTag, type LibraryTagFields } from '../tag-codec';

export interface SimulatedTag {
  uid: Uid;
  /** User memory, a whole number of 4-byte blocks. */
  memory: Uint8Array;
  afi: number;
  dsfid?: number;
  afiLocked?: boolean;
}

/** 'status': the reader answers 0x03 write error; 'not-applied': it says OK but the tag keeps its AFI. */
export type AfiFailureMode = 'status' | 'not-applied';

export interface FeigSimulatorCoreOptions {
  /** Inventory records per reply before status 0x94 (default 8). */
  pageSize?: number;
  /** COM-ADR the simulated reader answers with (default 0x00). */
  address?: number;
}

const BLOCK_SIZE = 4;
const ISO_ERROR_LOCKED = 0x12;

/** A tag for the simulator from data model fields. */
export function simulatedTag(uid: Uid, fields: LibraryTagFields, afi = AFI_IN_LIBRARY): SimulatedTag {
  return { uid: uid.toUpperCase(), memory: encodeTag(fields), afi };
}

export class FeigSimulatorCore {
  private readonly field = new Map<Uid, SimulatedTag>();
  private readonly pageSize: number;
  private readonly address: number;
  private paging: Uid[] = [];
  private afiFailures: { remaining: number; mode: AfiFailureMode } = { remaining: 0, mode: 'status' };
  /** Every command code seen, for tests ("was the AFI written twice?"). */
  readonly log: { command: number; sub?: number; uid?: Uid }[] = [];

  constructor(options: FeigSimulatorCoreOptions = {}) {
    this.pageSize = options.pageSize ?? 8;
    this.address = options.address ?? 0x00;
  }

  placeTag(tag: SimulatedTag): void {
    if (tag.memory.length % BLOCK_SIZE !== 0) throw new RangeError('tag memory must be whole 4-byte blocks');
    this.field.set(tag.uid.toUpperCase(), { ...tag, uid: tag.uid.toUpperCase(), memory: Uint8Array.from(tag.memory) });
  }

  removeTag(uid: Uid): boolean {
    return this.field.delete(uid.toUpperCase());
  }

  clear(): void {
    this.field.clear();
  }

  tags(): SimulatedTag[] {
    return [...this.field.values()];
  }

  tag(uid: Uid): SimulatedTag | undefined {
    return this.field.get(uid.toUpperCase());
  }

  /** The next `times` AFI writes fail in the given way. */
  failAfiWrites(times: number, mode: AfiFailureMode = 'status'): void {
    this.afiFailures = { remaining: times, mode };
  }

  handle(request: FeigFrame): FeigReply {
    const reply = (status: number, data: Uint8Array = new Uint8Array(0)): FeigReply => ({
      format: request.format,
      address: this.address,
      command: request.command,
      status,
      data,
    });
    if (request.command === FeigCommand.rfReset) {
      this.log.push({ command: request.command });
      this.paging = [];
      return reply(FeigStatus.ok);
    }
    if (request.command !== FeigCommand.iso15693) {
      this.log.push({ command: request.command });
      return reply(FeigStatus.unknownCommand);
    }
    const [sub, mode] = request.payload;
    if (sub === undefined || mode === undefined) return reply(FeigStatus.lengthError);
    if (sub === IsoCommand.inventory) {
      this.log.push({ command: request.command, sub });
      return this.inventory((mode & INVENTORY_MORE) !== 0, reply);
    }
    const addressed = (mode & 0x07) === MODE_ADDRESSED;
    const args = request.payload.subarray(addressed ? 10 : 2);
    if (addressed && request.payload.length < 10) return reply(FeigStatus.lengthError);
    const tag = addressed ? this.tag(uidFromBytes(request.payload.subarray(2, 10))) : this.onlyTag();
    this.log.push({ command: request.command, sub, ...(tag ? { uid: tag.uid } : {}) });
    if (!tag) return reply(FeigStatus.noTransponder);
    switch (sub) {
      case IsoCommand.readMultipleBlocks:
        return this.readBlocks(tag, args, reply);
      case IsoCommand.writeMultipleBlocks:
        return this.writeBlocks(tag, args, reply);
      case IsoCommand.writeAfi:
        return this.writeAfi(tag, args, reply);
      case IsoCommand.lockAfi:
        tag.afiLocked = true;
        return reply(FeigStatus.ok);
      case IsoCommand.getSystemInformation: {
        const memorySize = (((tag.memory.length / BLOCK_SIZE - 1) & 0xff) << 8) | (BLOCK_SIZE - 1);
        return reply(FeigStatus.ok, encodeSystemInfoData({ dsfid: tag.dsfid ?? 0, uid: tag.uid, afi: tag.afi, memorySize, icReference: 0x01 }));
      }
      default:
        return reply(FeigStatus.commandNotAvailable);
    }
  }

  private inventory(more: boolean, reply: (status: number, data?: Uint8Array) => FeigReply): FeigReply {
    if (!more) this.paging = [...this.field.keys()];
    if (this.paging.length === 0) return reply(FeigStatus.noTransponder);
    const page = this.paging.splice(0, this.pageSize).flatMap((uid) => {
      const tag = this.field.get(uid);
      return tag ? [{ transponderType: 0x03, dsfid: tag.dsfid ?? 0, uid }] : [];
    });
    return reply(this.paging.length > 0 ? FeigStatus.moreData : FeigStatus.ok, encodeInventoryData(page));
  }

  private readBlocks(tag: SimulatedTag, args: Uint8Array, reply: (status: number, data?: Uint8Array) => FeigReply): FeigReply {
    if (args.length !== 2) return reply(FeigStatus.lengthError);
    const [first, count] = [args[0]!, args[1]!];
    if (count === 0 || (first + count) * BLOCK_SIZE > tag.memory.length) return reply(FeigStatus.addressError);
    return reply(FeigStatus.ok, encodeReadBlocksData(BLOCK_SIZE, tag.memory.subarray(first * BLOCK_SIZE, (first + count) * BLOCK_SIZE)));
  }

  private writeBlocks(tag: SimulatedTag, args: Uint8Array, reply: (status: number, data?: Uint8Array) => FeigReply): FeigReply {
    if (args.length < 3) return reply(FeigStatus.lengthError);
    const [first, count, size] = [args[0]!, args[1]!, args[2]!];
    if (size !== BLOCK_SIZE) return reply(FeigStatus.parameterRangeError);
    if (args.length !== 3 + count * size) return reply(FeigStatus.lengthError);
    if ((first + count) * BLOCK_SIZE > tag.memory.length) return reply(FeigStatus.addressError);
    tag.memory.set(args.subarray(3), first * BLOCK_SIZE);
    return reply(FeigStatus.ok);
  }

  private writeAfi(tag: SimulatedTag, args: Uint8Array, reply: (status: number, data?: Uint8Array) => FeigReply): FeigReply {
    if (args.length !== 1) return reply(FeigStatus.lengthError);
    if (tag.afiLocked) return reply(FeigStatus.isoError, Uint8Array.of(ISO_ERROR_LOCKED));
    if (this.afiFailures.remaining > 0) {
      this.afiFailures.remaining--;
      return this.afiFailures.mode === 'status' ? reply(FeigStatus.writeError) : reply(FeigStatus.ok);
    }
    tag.afi = args[0]!;
    return reply(FeigStatus.ok);
  }

  /** Non-addressed commands work when exactly one tag is in the field. */
  private onlyTag(): SimulatedTag | undefined {
    return this.field.size === 1 ? [...this.field.values()][0] : undefined;
  }
}
