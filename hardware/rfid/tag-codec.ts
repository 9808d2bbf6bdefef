// ISO 28560-3 / Danish data model: the 32 bytes of user memory on a library item's tag.
// Layout and CRC: ../shared/docs/PROTOCOLS.md section 3.
import { crc16CcittFalse } from './tag-crc';

export const TAG_MEMORY_SIZE = 32;

const USAGE_CODES = {
  acquisition: 0,
  circulating: 1,
  reference: 2,
  discarded: 7,
  'patron-card': 8,
  equipment: 9,
} as const;

export type NamedUsageType = keyof typeof USAGE_CODES;
/** What the tagged thing is used for; 'unknown' for a code the data model does not name. */
export type UsageType = NamedUsageType | 'unknown';

export interface LibraryTag {
  /** Data model version (always 1 here). */
  readonly version: number;
  readonly usage: UsageType;
  /** The usage nibble as stored, kept so an unknown code is still visible. */
  readonly usageCode: number;
  readonly partsInSet: number;
  /** 1-based position of this part in its set. */
  readonly partNumber: number;
  /** Primary item identifier (the barcode number the ILS knows). */
  readonly itemId: string;
  /** Two-letter country code of the owner library, '' when unset. */
  readonly country: string;
  /** Owner library's ISIL without the country prefix (at most 9 characters), '' when unset. */
  readonly isil: string;
}

export interface LibraryTagFields {
  usage: NamedUsageType;
  partsInSet: number;
  partNumber: number;
  itemId: string;
  country?: string;
  isil?: string;
}

export type TagDecodeReason =
  | 'wrong-length'
  | 'blank'
  | 'bad-version'
  | 'bad-crc'
  | 'bad-set'
  | 'bad-item-id'
  | 'bad-country'
  | 'bad-isil';

/** The tag's memory is not a valid data model record; `reason` says which check failed. */
export class TagDecodeError extends Error {
  override name = 'TagDecodeError';
  constructor(
    readonly reason: TagDecodeReason,
    message: string,
  ) {
    super(message);
  }
}

/** The fields cannot be written to a tag (too long, not ASCII, part out of range...). */
export class TagEncodeError extends Error {
  override name = 'TagEncodeError';
  constructor(
    readonly field: keyof LibraryTagFields,
    message: string,
  ) {
    super(message);
  }
}

const ITEM_ID = { start: 3, length: 16 };
const CRC_AT = 19;
const COUNTRY = { start: 21, length: 2 };
const ISIL = { start: 23, length: 9 };

/** CRC over bytes 0-18 and 21-31 followed by two zero bytes, as the data model defines it. */
export function tagCrc(memory: Uint8Array): number {
  const covered = new Uint8Array(TAG_MEMORY_SIZE);
  covered.set(memory.subarray(0, CRC_AT), 0);
  covered.set(memory.subarray(CRC_AT + 2, TAG_MEMORY_SIZE), CRC_AT);
  return crc16CcittFalse(covered);
}

const isPrintableAscii = (byte: number) => byte >= 0x20 && byte <= 0x7e;

/** Reads a NUL-padded ASCII field; null when it holds a non-printable byte or text after padding. */
function readPadded(memory: Uint8Array, start: number, length: number): string | null {
  const bytes = memory.subarray(start, start + length);
  const end = bytes.indexOf(0) === -1 ? length : bytes.indexOf(0);
  if (!bytes.subarray(0, end).every(isPrintableAscii)) return null;
  if (!bytes.subarray(end).every((byte) => byte === 0)) return null;
  return String.fromCharCode(...bytes.subarray(0, end));
}

function usageName(code: number): UsageType {
  const entry = Object.entries(USAGE_CODES).find(([, value]) => value === code);
  return entry ? (entry[0] as NamedUsageType) : 'unknown';
}

/** Decodes user memory (32 bytes; a longer read keeps only the first 32). Throws TagDecodeError. */
export function decodeTag(memory: Uint8Array): LibraryTag {
  if (memory.length < TAG_MEMORY_SIZE) {
    throw new TagDecodeError('wrong-length', `tag memory has ${memory.length} bytes, the data model needs ${TAG_MEMORY_SIZE}`);
  }
  const bytes = memory.subarray(0, TAG_MEMORY_SIZE);
  if (bytes.every((byte) => byte === 0)) throw new TagDecodeError('blank', 'tag memory is blank (all zero)');
  const version = bytes[0]! >> 4;
  if (version !== 1) throw new TagDecodeError('bad-version', `data model version ${version} is not 1`);
  const stored = bytes[CRC_AT]! | (bytes[CRC_AT + 1]! << 8);
  const computed = tagCrc(bytes);
  if (stored !== computed) {
    throw new TagDecodeError('bad-crc', `tag CRC 0x${hex4(stored)} does not match the computed 0x${hex4(computed)}`);
  }
  const partsInSet = bytes[1]!;
  const partNumber = bytes[2]!;
  if (partsInSet === 0 || partNumber === 0 || partNumber > partsInSet) {
    throw new TagDecodeError('bad-set', `part ${partNumber} of ${partsInSet} is not a valid set position`);
  }
  const itemId = readPadded(bytes, ITEM_ID.start, ITEM_ID.length);
  if (!itemId) throw new TagDecodeError('bad-item-id', 'primary item id is empty or not NUL-padded printable ASCII');
  const country = readPadded(bytes, COUNTRY.start, COUNTRY.length);
  if (country === null || !/^([A-Z]{2})?$/.test(country)) {
    throw new TagDecodeError('bad-country', 'country is neither two capital letters nor unset');
  }
  const isil = readPadded(bytes, ISIL.start, ISIL.length);
  if (isil === null) throw new TagDecodeError('bad-isil', 'ISIL is not NUL-padded printable ASCII');
  const usageCode = bytes[0]! & 0x0f;
  return { version, usage: usageName(usageCode), usageCode, partsInSet, partNumber, itemId, country, isil };
}

export type TagDecodeResult = { ok: true; tag: LibraryTag } | { ok: false; error: TagDecodeError };

/** decodeTag without the throw, for event payloads that carry either the tag or why it failed. */
export function tryDecodeTag(memory: Uint8Array): TagDecodeResult {
  try {
    return { ok: true, tag: decodeTag(memory) };
  } catch (error) {
    if (error instanceof TagDecodeError) return { ok: false, error };
    throw error;
  }
}

function writePadded(target: Uint8Array, start: number, length: number, text: string, field: keyof LibraryTagFields): void {
  if (text.length > length) throw new TagEncodeError(field, `${field} is longer than ${length} characters`);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isPrintableAscii(code)) throw new TagEncodeError(field, `${field} must be printable ASCII`);
    target[start + i] = code;
  }
}

/** Encodes the fields into 32 bytes of user memory, CRC included. Throws TagEncodeError. */
export function encodeTag(fields: LibraryTagFields): Uint8Array {
  const { partsInSet, partNumber } = fields;
  if (!Number.isInteger(partsInSet) || partsInSet < 1 || partsInSet > 255) {
    throw new TagEncodeError('partsInSet', 'partsInSet must be an integer from 1 to 255');
  }
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > partsInSet) {
    throw new TagEncodeError('partNumber', 'partNumber must be an integer from 1 to partsInSet');
  }
  if (!(fields.usage in USAGE_CODES)) throw new TagEncodeError('usage', `unknown usage type '${fields.usage}'`);
  if (fields.itemId.length === 0) throw new TagEncodeError('itemId', 'itemId must not be empty');
  const country = fields.country ?? '';
  if (!/^([A-Z]{2})?$/.test(country)) throw new TagEncodeError('country', 'country must be two capital letters or empty');
  const memory = new Uint8Array(TAG_MEMORY_SIZE);
  memory[0] = 0x10 | USAGE_CODES[fields.usage];
  memory[1] = partsInSet;
  memory[2] = partNumber;
  writePadded(memory, ITEM_ID.start, ITEM_ID.length, fields.itemId, 'itemId');
  writePadded(memory, COUNTRY.start, COUNTRY.length, country, 'country');
  writePadded(memory, ISIL.start, ISIL.length, fields.isil ?? '', 'isil');
  const crc = tagCrc(memory);
  memory[CRC_AT] = crc & 0xff;
  memory[CRC_AT + 1] = crc >> 8;
  return memory;
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
