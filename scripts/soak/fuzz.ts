// Parser fuzzing: random and mutated inputs into every parser that reads bytes from outside
// (SIP2, FEIG frames and replies, ISO 28560-3 tags, card reads, HID boot reports, ESC/POS,
// LCUS relay frames, serial keypads). Each may answer with its own typed error or a result;
// anything else thrown is a failure. Seeded: a failure's seed and index reproduce it.
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
import { randomInt, seededRandom } from '../bench/lib/stats';
import { cardCorpus, escPosCorpus, feigCorpus, hidCorpus, sip2Corpus, smallDeviceCorpus, tagCorpus } from './fuzz-corpus';

type Random = () => number;

interface Target {
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

const TARGETS: Target[] = [
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

const INTERESTING = [0x00, 0xff, 0x0d, 0x0a, 0x7c, 0x02, 0x1b, 0x1d, 0x10, 0x04, 0xa0, 0x3b, 0x3f, 0x25, 0x41, 0x5a, 0x80, 0x7f];

function randomBytes(random: Random, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) out[i] = random() < 0.3 ? INTERESTING[randomInt(random, INTERESTING.length)]! : randomInt(random, 256);
  return out;
}

/** One to four edits of a corpus entry: bit flips, byte changes, insertions, deletions, splices. */
function mutate(seed: Uint8Array, corpus: Uint8Array[], random: Random): Uint8Array {
  let bytes = Array.from(seed);
  const edits = 1 + randomInt(random, 4);
  for (let e = 0; e < edits; e += 1) {
    const at = randomInt(random, bytes.length + 1);
    switch (randomInt(random, 8)) {
      case 0:
        if (bytes.length) bytes[Math.min(at, bytes.length - 1)]! ^= 1 << randomInt(random, 8);
        break;
      case 1:
        if (bytes.length) bytes[Math.min(at, bytes.length - 1)] = INTERESTING[randomInt(random, INTERESTING.length)]!;
        break;
      case 2:
        bytes.splice(at, 0, ...randomBytes(random, 1 + randomInt(random, 8)));
        break;
      case 3:
        bytes.splice(at, 1 + randomInt(random, 8));
        break;
      case 4:
        bytes = bytes.slice(0, at);
        break;
      case 5: {
        const other = corpus[randomInt(random, corpus.length)]!;
        const from = randomInt(random, other.length + 1);
        bytes.splice(at, 0, ...other.subarray(from, from + randomInt(random, 32)));
        break;
      }
      case 6: {
        const from = randomInt(random, bytes.length + 1);
        bytes.splice(at, 0, ...bytes.slice(from, from + 1 + randomInt(random, 16)));
        break;
      }
      default:
        if (bytes.length) bytes[Math.min(at, bytes.length - 1)] = randomInt(random, 256);
    }
  }
  return Uint8Array.from(bytes);
}

export interface FuzzFailure {
  target: string;
  index: number;
  error: string;
  inputHex: string;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  seconds: number;
  targets: Record<string, { inputs: number; typedErrors: number; failures: number }>;
  failures: FuzzFailure[];
}

export function fuzz(options: { inputs: number; seed: number; progress?: (line: string) => void }): FuzzReport {
  const random = seededRandom(options.seed);
  const started = performance.now();
  const stats = Object.fromEntries(TARGETS.map((t) => [t.name, { inputs: 0, typedErrors: 0, failures: 0 }]));
  const failures: FuzzFailure[] = [];
  let failed = 0;
  for (let index = 0; index < options.inputs; index += 1) {
    const target = TARGETS[index % TARGETS.length]!;
    let input =
      random() < 0.25
        ? randomBytes(random, random() < 0.9 ? randomInt(random, 64) : randomInt(random, 400))
        : mutate(target.corpus[randomInt(random, target.corpus.length)]!, target.corpus, random);
    if (target.repair && random() < 0.5) input = target.repair(input, random);
    const s = stats[target.name]!;
    s.inputs += 1;
    try {
      target.feed(input, random);
    } catch (error) {
      if (target.typed(error)) {
        s.typedErrors += 1;
      } else {
        s.failures += 1;
        failed += 1;
        if (failures.length < 25) {
          failures.push({ target: target.name, index, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), inputHex: Buffer.from(input.subarray(0, 200)).toString('hex') });
        }
      }
    }
    if (options.progress && (index + 1) % 250_000 === 0) options.progress(`fuzz: ${index + 1} inputs, ${failed} failures`);
  }
  return { seed: options.seed, inputs: options.inputs, seconds: Math.round(performance.now() - started) / 1000, targets: stats, failures };
}
