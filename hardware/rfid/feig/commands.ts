// Requests and reply layouts of the commands the kiosk uses: RF reset (0x69) and the ISO 15693
// host commands under 0xB0 (inventory, read/write multiple blocks, write/lock AFI, system info).
import { FeigReplyError } from './errors';

export const FeigCommand = { rfReset: 0x69, iso15693: 0xb0 } as const;

export const IsoCommand = {
  inventory: 0x01,
  readMultipleBlocks: 0x23,
  writeMultipleBlocks: 0x24,
  writeAfi: 0x27,
  lockAfi: 0x28,
  getSystemInformation: 0x2b,
} as const;

/** Inventory MODE bit: "give me the records you still hold" after status 0x94. */
export const INVENTORY_MORE = 0x80;
/** MODE of the other commands: addressed (the tag's UID follows). */
export const MODE_ADDRESSED = 0x01;

/** A tag's 8-byte UID as 16 upper-case hex digits, in the order the reader sends it. */
export type Uid = string;

export interface FeigRequest {
  readonly command: number;
  readonly payload: Uint8Array;
}

export function uidToBytes(uid: Uid): Uint8Array {
  if (!/^[0-9A-Fa-f]{16}$/.test(uid)) throw new RangeError(`UID must be 16 hex digits, got '${uid}'`);
  return Uint8Array.from(Buffer.from(uid, 'hex'));
}

export function uidFromBytes(bytes: Uint8Array): Uid {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

const iso = (...bytes: (number | Uint8Array)[]): FeigRequest => ({
  command: FeigCommand.iso15693,
  payload: Uint8Array.from(bytes.flatMap((part) => (typeof part === 'number' ? [part] : [...part]))),
});

export const rfResetRequest = (): FeigRequest => ({ command: FeigCommand.rfReset, payload: new Uint8Array(0) });
export const inventoryRequest = (more = false): FeigRequest => iso(IsoCommand.inventory, more ? INVENTORY_MORE : 0x00);

export function readBlocksRequest(uid: Uid, firstBlock: number, count: number): FeigRequest {
  return iso(IsoCommand.readMultipleBlocks, MODE_ADDRESSED, uidToBytes(uid), firstBlock, count);
}

export function writeBlocksRequest(uid: Uid, firstBlock: number, blockSize: number, data: Uint8Array): FeigRequest {
  if (blockSize < 1 || data.length % blockSize !== 0) throw new RangeError('data must be whole blocks');
  return iso(IsoCommand.writeMultipleBlocks, MODE_ADDRESSED, uidToBytes(uid), firstBlock, data.length / blockSize, blockSize, data);
}

export const writeAfiRequest = (uid: Uid, afi: number): FeigRequest => iso(IsoCommand.writeAfi, MODE_ADDRESSED, uidToBytes(uid), afi & 0xff);
export const lockAfiRequest = (uid: Uid): FeigRequest => iso(IsoCommand.lockAfi, MODE_ADDRESSED, uidToBytes(uid));
export const systemInfoRequest = (uid: Uid): FeigRequest => iso(IsoCommand.getSystemInformation, MODE_ADDRESSED, uidToBytes(uid));

export interface InventoryRecord {
  /** TR-TYPE: 0x03 is an ISO 15693 tag. */
  readonly transponderType: number;
  readonly dsfid: number;
  readonly uid: Uid;
}

const INVENTORY_RECORD = 10;

/** DATA-SETS, then per tag TR-TYPE DSFID UID(8). */
export function parseInventoryData(data: Uint8Array): InventoryRecord[] {
  if (data.length === 0) throw new FeigReplyError('inventory reply has no DATA-SETS byte');
  const count = data[0]!;
  if (data.length !== 1 + count * INVENTORY_RECORD) {
    throw new FeigReplyError(`inventory reply announces ${count} tags but carries ${data.length - 1} bytes`);
  }
  const records: InventoryRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 1 + i * INVENTORY_RECORD;
    records.push({ transponderType: data[at]!, dsfid: data[at + 1]!, uid: uidFromBytes(data.subarray(at + 2, at + 10)) });
  }
  return records;
}

export function encodeInventoryData(records: readonly InventoryRecord[]): Uint8Array {
  const out = new Uint8Array(1 + records.length * INVENTORY_RECORD);
  out[0] = records.length;
  records.forEach((record, i) => {
    const at = 1 + i * INVENTORY_RECORD;
    out[at] = record.transponderType;
    out[at + 1] = record.dsfid;
    out.set(uidToBytes(record.uid), at + 2);
  });
  return out;
}

export interface BlocksRead {
  readonly blockSize: number;
  /** The blocks' bytes, concatenated in block order. */
  readonly data: Uint8Array;
  readonly securityStatus: readonly number[];
}

/** DB-N DB-SIZE, then per block SEC-STATUS and DB-SIZE data bytes. */
export function parseReadBlocksData(data: Uint8Array): BlocksRead {
  if (data.length < 2) throw new FeigReplyError('read-blocks reply is shorter than its DB-N DB-SIZE header');
  const count = data[0]!;
  const blockSize = data[1]!;
  if (blockSize === 0 || data.length !== 2 + count * (blockSize + 1)) {
    throw new FeigReplyError(`read-blocks reply announces ${count} blocks of ${blockSize} bytes but carries ${data.length - 2}`);
  }
  const out = new Uint8Array(count * blockSize);
  const securityStatus: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = 2 + i * (blockSize + 1);
    securityStatus.push(data[at]!);
    out.set(data.subarray(at + 1, at + 1 + blockSize), i * blockSize);
  }
  return { blockSize, data: out, securityStatus };
}

export function encodeReadBlocksData(blockSize: number, data: Uint8Array): Uint8Array {
  const count = data.length / blockSize;
  const out = new Uint8Array(2 + count * (blockSize + 1));
  out[0] = count;
  out[1] = blockSize;
  for (let i = 0; i < count; i++) out.set(data.subarray(i * blockSize, (i + 1) * blockSize), 2 + i * (blockSize + 1) + 1);
  return out;
}

export interface SystemInformation {
  readonly dsfid: number;
  readonly uid: Uid;
  readonly afi: number;
  /** MEM-SIZE as sent (block count and size, tag-specific encoding). */
  readonly memorySize: number;
  readonly icReference: number;
}

/** DSFID UID(8) AFI MEM-SIZE(2) IC-REF. */
export function parseSystemInfoData(data: Uint8Array): SystemInformation {
  if (data.length !== 13) throw new FeigReplyError(`system information reply has ${data.length} bytes, expected 13`);
  return {
    dsfid: data[0]!,
    uid: uidFromBytes(data.subarray(1, 9)),
    afi: data[9]!,
    memorySize: (data[10]! << 8) | data[11]!,
    icReference: data[12]!,
  };
}

export function encodeSystemInfoData(info: SystemInformation): Uint8Array {
  const out = new Uint8Array(13);
  out[0] = info.dsfid;
  out.set(uidToBytes(info.uid), 1);
  out[9] = info.afi;
  out[10] = info.memorySize >> 8;
  out[11] = info.memorySize & 0xff;
  out[12] = info.icReference;
  return out;
}
