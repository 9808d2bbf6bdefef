// Turns what a card reader sent (one read, suffix removed) into a card or a reason why not.
// Tolerant of readers that add or strip sentinels; strict about what counts as a CPR.
import { parseCpr } from '../../policy';
import { type CardParseResult, type CardRejectReason, HealthCard, LibraryCard } from './card';
import { TRACK2_LENGTH, parseTrack1, track2Fields } from './magstripe';

export interface CardParserOptions {
  /** What a library card number looks like (default: 4-20 letters/digits, not exactly 10 digits). */
  libraryCardPattern?: RegExp;
  /** Longest read accepted (default 160 characters: both tracks plus slack). */
  maxLength?: number;
}

const DEFAULT_LIBRARY_CARD = /^(?!\d{10}$)[0-9A-Z]{4,20}$/i;
const PRINTABLE = /^[\x20-\x7e]*$/;
const TRACK1 = /%([^?]*)\?/;
const TRACK2 = /;([^?]*)\?/;

const reject = (reason: CardRejectReason, detail: string): CardParseResult => ({ ok: false, reason, detail });

export function parseCardData(raw: string, options: CardParserOptions = {}): CardParseResult {
  // eslint-disable-next-line no-control-regex -- readers pad with NULs; trim them like spaces
  const text = raw.replace(/^[\s\x00]+|[\s\x00]+$/g, '');
  if (text === '') return reject('empty', 'nothing was read');
  if (text.length > (options.maxLength ?? 160)) return reject('too-long', `read of ${text.length} characters is longer than any card`);
  if (!PRINTABLE.test(text)) return reject('garbage', 'read holds non-printable characters');
  if (/[%;?]/.test(text)) return parseMagstripe(text);
  if (/^\d{6}-?\d{4}$/.test(text)) return healthCardFromCpr(text, 'barcode');
  if (/^\d+$/.test(text) && text.length === TRACK2_LENGTH) return healthCardFromTrack2(text);
  if ((options.libraryCardPattern ?? DEFAULT_LIBRARY_CARD).test(text)) return { ok: true, card: new LibraryCard(text) };
  return reject('unknown-format', `read of ${text.length} characters is neither a health card nor a library card`);
}

function parseMagstripe(text: string): CardParseResult {
  const track1 = TRACK1.exec(text)?.[1];
  const track2Match = TRACK2.exec(text);
  if (!track2Match) {
    if (text.includes(';')) return reject('half-read', 'track 2 has no end sentinel');
    if (track1 !== undefined) return reject('track1-only', 'only track 1 was read; it holds no CPR');
    if (text.includes('%')) return reject('half-read', 'track 1 has no end sentinel');
    // Some readers drop the start sentinel but keep the end one.
    const bare = text.replace(/\?.?$/, '');
    if (/^\d+$/.test(bare)) return bare.length === TRACK2_LENGTH ? healthCardFromTrack2(bare) : reject('half-read', `track 2 has ${bare.length} digits, expected ${TRACK2_LENGTH}`);
    return reject('unknown-format', 'stray sentinel characters');
  }
  const data = track2Match[1] ?? '';
  if (!/^\d*$/.test(data)) return reject('not-health-card', 'track 2 holds separators: not a health card');
  if (data.length !== TRACK2_LENGTH) return reject('half-read', `track 2 has ${data.length} digits, expected ${TRACK2_LENGTH}`);
  const name = track1 === undefined ? undefined : parseTrack1(track1);
  return healthCardFromTrack2(data, name ? `${name.firstName} ${name.lastName}` : undefined);
}

function healthCardFromTrack2(data: string, holderName?: string): CardParseResult {
  return healthCardFromCpr(track2Fields(data).cpr, 'track2', holderName);
}

function healthCardFromCpr(text: string, source: 'track2' | 'barcode', holderName?: string): CardParseResult {
  const parsed = parseCpr(text);
  if (!parsed.ok) return reject('invalid-cpr', parsed.message);
  return { ok: true, card: new HealthCard(parsed.cpr, parsed.birthDate, parsed.modulus11Valid, source, holderName) };
}
