// The parsers the fuzzer feeds, each with seed inputs, its own typed errors and (where the format
// has a checksum) a repair that lets a mutated input past it, into the parser's deeper layers.
import { parseCardData } from '../../hardware/card-reader/index';
import { BootKeyboardDecoder } from '../../hardware/hid/boot-keyboard';
import { LcusDecoder } from '../../hardware/lock/index';
import { decodeSerialKeypad } from '../../hardware/pin-pad/serial-keypad-codec';
import { EscPosDecoder } from '../../hardware/printer/index';
import {
  decodeTag,
  encodeFeigFrame,
  FeigFrameError,
  FeigFrameParser,
  FeigReplyError,
  parseInventoryData,
  parseReadBlocksData,
  parseSystemInfoData,
  tagCrc,
  TagDecodeError,
  toReply,
  tryDecodeTag,
} from '../../hardware/rfid/index';
import { sip2Checksum } from '../../ils/sip2/checksum';
import { decodeSip2 } from '../../ils/sip2/codec';
import { Sip2ParseError } from '../../ils/sip2/errors';
import { Sip2Framer, Sip2FrameTooLongError } from '../../ils/sip2/framer';
import { randomInt } from '../bench/lib/stats';
import { cardCorpus, escPosCorpus, feigCorpus, hidCorpus, sip2Corpus, smallDeviceCorpus, tagCorpus } from './fuzz-corpus';

export type Random = () => number;

export interface Target {
  name: string;
  corpus: Uint8Array[];
  /** Feeds one input; throws only what the parser throws. */
  feed(input: Uint8Array, random: Random): void;
  /** The parser's own typed errors. */
  typed: (error: unknown) => boolean;
  /** Makes a mutated input pass the format's checksum, so the parser's deeper layers are reached. */
  repair?: (input: Uint8Array, random: Random) => Uint8Array;
}

/** Recomputes a trailing AZ checksum (SIP2 error detection), keeping the terminator. */
function repairSip2(input: Uint8Array): Uint8Array {
  const text = Buffer.from(input).toString('latin1');
  const match = /AZ[^\r\n]{0,4}([\r\n]*)$/.exec(text);
  if (!match) return input;
  const head = text.slice(0, match.index + 2);
  return Buffer.from(`${head}${sip2Checksum(Buffer.from(head, 'latin1'))}${match[1] ?? ''}`, 'latin1');
}

/** Version 1 and a matching CRC: the tag decoder then checks every field. */
function repairTag(input: Uint8Array): Uint8Array {
  if (input.length < 32) return input;
  const bytes = Uint8Array.from(input);
  bytes[0] = 0x10 | (bytes[0]! & 0x0f);
  const crc = tagCrc(bytes);
  bytes[19] = crc & 0xff;
  bytes[20] = crc >> 8;
  return bytes;
}

/** The mutated bytes as the payload of a frame with a valid length and CRC. */
function repairFeig(input: Uint8Array, random: Random): Uint8Array {
  return encodeFeigFrame({ format: random() < 0.5 ? 'standard' : 'advanced', address: 0, command: random() < 0.8 ? 0xb0 : 0x69, payload: input.subarray(0, 200) });
}

/** Splits `input` into 1..4 random chunks, as bytes arrive from a serial line or a socket. */
function chunks(input: Uint8Array, random: Random): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  const parts = 1 + randomInt(random, 4);
  for (let i = 1; i < parts && at < input.length; i += 1) {
    const end = at + randomInt(random, input.length - at + 1);
    out.push(input.subarray(at, end));
    at = end;
  }
  out.push(input.subarray(at));
  return out;
}

const never = () => false;

export const TARGETS: Target[] = [
  {
    name: 'SIP2 codec (decodeSip2)',
    corpus: sip2Corpus(),
    feed(input, random) {
      const decoded = decodeSip2(input, { encoding: random() < 0.5 ? 'utf-8' : 'iso-8859-1', verifyChecksum: random() < 0.8 });
      // A decoded message is whole: a two-digit code and no undefined fixed field.
      if (!/^\d\d$/.test(decoded.message.code) || Object.values(decoded.message).some((v) => v === undefined)) throw new Error('half-filled SIP2 message');
    },
    typed: (e) => e instanceof Sip2ParseError,
    repair: repairSip2,
  },
  {
    name: 'SIP2 framer + codec (stream)',
    corpus: sip2Corpus(),
    feed(input, random) {
      const framer = new Sip2Framer();
      for (const chunk of chunks(input, random)) {
        for (const message of framer.push(chunk)) {
          try {
            decodeSip2(message);
          } catch (error) {
            if (!(error instanceof Sip2ParseError)) throw error;
          }
        }
      }
    },
    typed: (e) => e instanceof Sip2FrameTooLongError,
  },
  {
    name: 'FEIG frames and replies (FeigFrameParser, toReply, reply data)',
    corpus: feigCorpus(),
    feed(input, random) {
      const parser = new FeigFrameParser({ minPayload: random() < 0.5 ? 0 : 1 });
      for (const chunk of chunks(input, random)) {
        for (const output of parser.push(chunk)) {
          if (!('frame' in output)) {
            if (!(output.error instanceof FeigFrameError)) throw new Error('untyped frame error');
            continue;
          }
          let data: Uint8Array;
          try {
            data = toReply(output.frame).data;
          } catch (error) {
            if (error instanceof FeigFrameError) continue;
            throw error;
          }
          for (const parse of [parseInventoryData, parseReadBlocksData, parseSystemInfoData]) {
            try {
              parse(data);
            } catch (error) {
              if (!(error instanceof FeigReplyError)) throw error;
            }
          }
        }
      }
    },
    typed: never,
    repair: repairFeig,
  },
  {
    name: 'ISO 28560-3 tag codec (tryDecodeTag, decodeTag)',
    corpus: tagCorpus(),
    feed(input) {
      const result = tryDecodeTag(input);
      if (result.ok !== (result.ok ? result.tag !== undefined : !(result.error instanceof TagDecodeError))) throw new Error('inconsistent tag result');
      decodeTag(input);
    },
    typed: (e) => e instanceof TagDecodeError,
    repair: repairTag,
  },
  {
    name: 'card reads (parseCardData)',
    corpus: cardCorpus(),
    feed(input) {
      const result = parseCardData(Buffer.from(input).toString('latin1'));
      if (!result.ok && typeof result.reason !== 'string') throw new Error('rejection without a reason');
    },
    typed: never,
  },
  {
    name: 'HID boot keyboard reports (BootKeyboardDecoder)',
    corpus: hidCorpus(),
    feed(input, random) {
      const decoder = new BootKeyboardDecoder();
      // Mostly 8-byte reports, as a device sends them; sometimes whatever length came.
      if (random() < 0.2) decoder.push(input);
      for (let at = 0; at + 8 <= input.length; at += 8) decoder.push(input.subarray(at, at + 8));
    },
    typed: never,
  },
  {
    name: 'ESC/POS (EscPosDecoder)',
    corpus: escPosCorpus(),
    feed(input, random) {
      const decoder = new EscPosDecoder(random() < 0.5 ? 'pc865' : 'wpc1252');
      for (const chunk of chunks(input, random)) decoder.push(chunk);
    },
    typed: never,
  },
  {
    name: 'LCUS relay frames and serial keypads',
    corpus: smallDeviceCorpus(),
    feed(input, random) {
      const decoder = new LcusDecoder();
      for (const chunk of chunks(input, random)) decoder.push(chunk);
      decodeSerialKeypad(input);
    },
    typed: never,
  },
];
