// SIP2 message <-> bytes. Pure: no I/O. Error detection (AY sequence + AZ checksum) on
// request; CR or CRLF accepted; unknown and repeated fields kept in `extra`.
import { checksumMatches, sip2Checksum } from './checksum';
import { date18 } from './fixed';
import { Sip2EncodeError, Sip2ParseError } from './errors';
import { MESSAGE_SPECS, type Sip2Message } from './messages';
import { type FieldSpec, fixedLength, type MessageSpec, type Sip2Field } from './spec';
import { decodeText, encodeText, type Sip2Encoding } from './text';

const SPEC_BY_CODE = new Map<string, MessageSpec>(MESSAGE_SPECS.map((spec) => [spec.code, spec as MessageSpec]));

export interface Sip2EncodeOptions {
  encoding?: Sip2Encoding;
  /** Add error detection: `AZ` checksum, and `AY` with this sequence number (0-9) if given. */
  errorDetection?: { sequence?: number };
  /** Message terminator: CR by default; FBS sends none. */
  terminator?: '\r' | '\r\n' | '';
}

export interface Sip2DecodeOptions {
  encoding?: Sip2Encoding;
  /** Check the AZ checksum when present (default true). */
  verifyChecksum?: boolean;
  /**
   * Read as real SCs write (the simulator reads requests this way; the client reads answers
   * strictly): a fixed part cut short by `|` is padded with blanks (BibBox's 63 has a nine-
   * character summary), and blanks between the fixed part and the first field are skipped.
   */
  liberal?: boolean;
}

export interface DecodedSip2 {
  message: Sip2Message;
  /** The AY sequence number, when the sender used error detection with one. */
  sequence?: number;
  /** True when the message carried an AZ checksum (that matched). */
  errorDetection: boolean;
}

const FIELD_CODE = /^[A-Z0-9]{2}$/;
const CR = 0x0d;
const LF = 0x0a;

export function encodeSip2(message: Sip2Message, options: Sip2EncodeOptions = {}): Uint8Array {
  const spec = SPEC_BY_CODE.get(message.code);
  if (!spec) throw new Sip2EncodeError(`unsupported message code ${String(message.code)}`);
  const values = message as unknown as Record<string, unknown>;
  let text = spec.code;
  for (const [name, codec] of Object.entries(spec.fixed)) {
    const written = codec.encode(values[name]);
    if (written === undefined || written.length !== codec.length) {
      throw new Sip2EncodeError(`message ${spec.code}: fixed field '${name}' must be ${codec.expects}`);
    }
    text += written;
  }
  for (const [name, field] of Object.entries(spec.fields)) {
    const value = values[name];
    if (value === undefined) continue;
    const list = field.repeat ? (value as unknown[]) : [value];
    if (!Array.isArray(list)) throw new Sip2EncodeError(`message ${spec.code}: field '${name}' must be a list`);
    for (const item of list) text += fieldText(spec.code, name, field.code, item);
  }
  for (const extra of message.extra ?? []) {
    if (!FIELD_CODE.test(extra.code)) throw new Sip2EncodeError(`message ${spec.code}: bad extra field code`);
    text += fieldText(spec.code, `extra ${extra.code}`, extra.code, extra.value);
  }
  let bytes = encodeText(text, options.encoding ?? 'utf-8');
  if (options.errorDetection) {
    const { sequence } = options.errorDetection;
    if (sequence !== undefined && !(Number.isInteger(sequence) && sequence >= 0 && sequence <= 9)) {
      throw new Sip2EncodeError('the AY sequence number must be one digit 0-9');
    }
    const tail = `${sequence === undefined ? '' : `AY${sequence}`}AZ`;
    bytes = concat(bytes, encodeText(tail, 'iso-8859-1'));
    bytes = concat(bytes, encodeText(sip2Checksum(bytes), 'iso-8859-1'));
  }
  return concat(bytes, encodeText(options.terminator ?? '\r', 'iso-8859-1'));
}

function fieldText(messageCode: string, name: string, code: string, value: unknown): string {
  if (typeof value !== 'string') throw new Sip2EncodeError(`message ${messageCode}: field '${name}' must be text`);
  if (/[|\r\n]/.test(value)) {
    throw new Sip2EncodeError(`message ${messageCode}: field '${name}' may not hold '|' or a line break`);
  }
  return `${code}${value}|`;
}

export function decodeSip2(input: Uint8Array | string, options: Sip2DecodeOptions = {}): DecodedSip2 {
  const encoding = options.encoding ?? 'utf-8';
  let bytes = typeof input === 'string' ? encodeText(input, encoding) : input;
  bytes = trimLineEnds(bytes);
  if (bytes.length === 0) throw new Sip2ParseError('empty', 'empty message');

  let sequence: number | undefined;
  let errorDetection = false;
  const checked = /AZ([0-9A-Fa-f]{4})$/.exec(asciiTail(bytes, 6));
  if (checked) {
    const end = bytes.length - 4;
    if (options.verifyChecksum !== false && !checksumMatches(bytes.subarray(0, end), checked[1] ?? '')) {
      throw new Sip2ParseError('checksum', 'checksum (AZ) does not match the message', asciiHead(bytes));
    }
    bytes = bytes.subarray(0, end - 2);
    errorDetection = true;
    const seq = /AY(\d)$/.exec(asciiTail(bytes, 3));
    if (seq) {
      sequence = Number(seq[1]);
      bytes = bytes.subarray(0, bytes.length - 3);
    }
  }
  return { message: decodeBody(decodeText(bytes, encoding), options.liberal === true), sequence, errorDetection };
}

/**
 * A fixed part cut short by `|` inside its last field (BibBox's 63 has a nine-character
 * summary), padded with blanks. A date is never padded: a cut date is a broken message.
 */
function padShortFixedPart(text: string, spec: MessageSpec): string {
  const codecs = Object.values(spec.fixed);
  const last = codecs[codecs.length - 1];
  if (!last || last === date18) return text;
  const end = 2 + fixedLength(spec);
  const bar = text.indexOf('|');
  const cut = bar < 0 ? text.length : bar;
  if (cut >= end || cut <= end - last.length) return text;
  return text.slice(0, cut).padEnd(end, ' ') + text.slice(cut);
}

function decodeBody(received: string, liberal: boolean): Sip2Message {
  const code = received.slice(0, 2);
  const spec = SPEC_BY_CODE.get(code);
  const text = liberal && spec ? padShortFixedPart(received, spec) : received;
  if (!/^\d\d$/.test(code) || !spec) {
    throw new Sip2ParseError('unsupported-message', 'not a supported SIP2 message code', /^\d\d$/.test(code) ? code : undefined);
  }
  const length = fixedLength(spec);
  if (text.length < 2 + length) {
    throw new Sip2ParseError('too-short', `message ${code} (${spec.name}) needs ${length} characters of fixed fields, got ${text.length - 2}`, code);
  }
  const result: Record<string, unknown> = { code };
  let at = 2;
  for (const [name, codec] of Object.entries(spec.fixed)) {
    const value = codec.decode(text.slice(at, at + codec.length));
    if (value === undefined) {
      throw new Sip2ParseError('bad-fixed-field', `message ${code}: fixed field '${name}' must be ${codec.expects}`, code);
    }
    result[name] = value;
    at += codec.length;
  }
  const byCode = new Map<string, [string, FieldSpec]>(Object.entries(spec.fields).map(([name, field]) => [field.code, [name, field]]));
  const extra: Sip2Field[] = [];
  for (const segment of text.slice(at).split('|')) {
    if (segment === '') continue; // `||` and a trailing `|` are harmless
    if (liberal && segment.trim() === '') continue; // blank padding after the fixed part
    const fieldCode = segment.slice(0, 2);
    if (!FIELD_CODE.test(fieldCode)) {
      throw new Sip2ParseError('bad-field', `message ${code}: a variable field does not start with a two-character field code`, code);
    }
    if (/[\r\n]/.test(segment)) throw new Sip2ParseError('bad-field', `message ${code}: line break inside field ${fieldCode}`, code);
    const value = segment.slice(2);
    const known = byCode.get(fieldCode);
    if (known && known[1].repeat) ((result[known[0]] ??= []) as string[]).push(value);
    else if (known && result[known[0]] === undefined) result[known[0]] = value;
    else extra.push({ code: fieldCode, value });
  }
  if (extra.length > 0) result.extra = extra;
  return result as unknown as Sip2Message;
}

function trimLineEnds(bytes: Uint8Array): Uint8Array {
  let start = 0;
  let end = bytes.length;
  while (start < end && (bytes[start] === CR || bytes[start] === LF)) start += 1;
  while (end > start && (bytes[end - 1] === CR || bytes[end - 1] === LF)) end -= 1;
  return bytes.subarray(start, end);
}

function asciiTail(bytes: Uint8Array, n: number): string {
  return String.fromCharCode(...bytes.subarray(Math.max(0, bytes.length - n)));
}

function asciiHead(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 2));
  return /^\d\d$/.test(head) ? head : undefined;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
