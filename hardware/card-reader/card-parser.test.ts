import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCardData } from './card-parser';
import { HealthCard, LibraryCard } from './card';
import { cardText } from './card-reader-sim';

// Track 2 of PROTOCOLS.md section 5, field by field: type 1, nationality 208, application 1,
// issuer 000, CPR 0101801234, insurance group 1, doctor 012345, region 084, municipality 101,
// valid from 240101.
const TRACK2 = '1' + '208' + '1' + '000' + '0101801234' + '1' + '012345' + '084' + '101' + '240101';
const TRACK1 = 'JENSEN^S\\REN'.padEnd(34) + '\\STERGADE 1'.padEnd(34) + '101' + '1100';

function health(text: string): HealthCard {
  const result = parseCardData(text);
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  expect(result.card).toBeInstanceOf(HealthCard);
  return result.card as HealthCard;
}

describe('parseCardData: health card magstripe', () => {
  it('takes the CPR from track 2 with sentinels', () => {
    const card = health(`;${TRACK2}?`);
    expect(card.cpr).toBe('0101801234');
    expect(card.birthDate).toEqual({ year: 1980, month: 1, day: 1 });
    expect(card.source).toBe('track2');
    expect(card.holderName).toBeUndefined();
  });

  it('tolerates missing sentinels, a trailing LRC and surrounding whitespace', () => {
    expect(health(TRACK2).cpr).toBe('0101801234');
    expect(health(`${TRACK2}?`).cpr).toBe('0101801234');
    expect(health(`;${TRACK2}?:`).cpr).toBe('0101801234');
    expect(health(`  ;${TRACK2}?\n`).cpr).toBe('0101801234');
  });

  it('reads the holder name from track 1 with 7-bit Danish letters', () => {
    const card = health(`%${TRACK1}?;${TRACK2}?`);
    expect(card.cpr).toBe('0101801234');
    expect(card.holderName).toBe('SØREN JENSEN');
  });

  it('rejects track 1 alone: it holds no CPR', () => {
    expect(parseCardData(`%${TRACK1}?`)).toMatchObject({ ok: false, reason: 'track1-only' });
  });

  it('rejects half reads', () => {
    expect(parseCardData(`;${TRACK2.slice(0, 20)}?`)).toMatchObject({ ok: false, reason: 'half-read', detail: 'track 2 has 20 digits, expected 37' });
    expect(parseCardData(`;${TRACK2.slice(0, 20)}`)).toMatchObject({ ok: false, reason: 'half-read' });
    expect(parseCardData(`%${TRACK1.slice(0, 10)}`)).toMatchObject({ ok: false, reason: 'half-read' });
    expect(parseCardData(`${TRACK2.slice(0, 30)}?`)).toMatchObject({ ok: false, reason: 'half-read' });
  });

  it('rejects a bank-style track 2 with separators', () => {
    expect(parseCardData(';4571123412341234=2512101?')).toMatchObject({ ok: false, reason: 'not-health-card' });
  });

  it('rejects a track 2 whose CPR has no real date, without echoing it', () => {
    const bad = TRACK2.slice(0, 8) + '3213801234' + TRACK2.slice(18);
    const result = parseCardData(`;${bad}?`);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-cpr' });
    expect(JSON.stringify(result)).not.toContain('3213801234');
  });
});

describe('parseCardData: barcodes and library cards', () => {
  it('reads a 10-digit barcode as a CPR, with or without the dash', () => {
    expect(health('1505904321')).toMatchObject({ source: 'barcode', birthDate: { year: 1990, month: 5, day: 15 } });
    expect(health('150590-4321').cpr).toBe('1505904321');
  });

  it('keeps a modulus-11 failure as a flag, not a rejection', () => {
    expect(health('0101801234').modulus11Valid).toBe(false);
    expect(health('0707614285').modulus11Valid).toBe(true);
  });

  it('rejects 10 digits that are no real birth date', () => {
    expect(parseCardData('3213991234')).toMatchObject({ ok: false, reason: 'invalid-cpr' });
  });

  it('reads other card numbers as library cards', () => {
    const result = parseCardData('B7341234');
    expect(result.ok && result.card).toBeInstanceOf(LibraryCard);
    expect(result.ok && result.card.kind === 'library-card' && result.card.cardNumber).toBe('B7341234');
    expect(parseCardData('12345678901234').ok).toBe(true);
  });

  it('uses a configured library card pattern', () => {
    expect(parseCardData('B7341234', { libraryCardPattern: /^\d{14}$/ })).toMatchObject({ ok: false, reason: 'unknown-format' });
  });

  it('rejects empty, garbage and overlong reads', () => {
    expect(parseCardData('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseCardData('\r\n')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseCardData('12\u0013\u00ff34')).toMatchObject({ ok: false, reason: 'garbage' });
    expect(parseCardData('1'.repeat(161))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(parseCardData('ab')).toMatchObject({ ok: false, reason: 'unknown-format' });
  });

  it('parses what the simulator sends in every format', () => {
    for (const format of ['track2', 'tracks1and2', 'barcode', 'track2-bare'] as const) {
      expect(health(cardText({ cpr: '010180-1234', format })).cpr).toBe('0101801234');
    }
    expect(health(cardText({ cpr: '0101801234', format: 'tracks1and2', firstName: 'Åse', lastName: 'Ærø' })).holderName).toBe('ÅSE ÆRØ');
  });

  it('property: random text never throws and a rejection never holds the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.stringMatching(/^[;%?0-9=^A-Z ]{0,90}$/)), (text) => {
        const result = parseCardData(text);
        if (!result.ok) {
          expect(typeof result.reason).toBe('string');
          if (text.trim().length >= 6) expect(result.detail).not.toContain(text.trim());
        } else expect(['health-card', 'library-card']).toContain(result.card.kind);
      }),
    );
  });
});
