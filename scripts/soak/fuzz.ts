// Parser fuzzing: random and mutated inputs into every parser that reads bytes from outside
// (fuzz-targets.ts). Each may answer with its own typed error or a result; anything else thrown is
// a failure. Seeded: a failure's seed and index reproduce it.
import { randomInt, seededRandom } from '../bench/lib/stats';
import { type Random, TARGETS } from './fuzz-targets';

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
