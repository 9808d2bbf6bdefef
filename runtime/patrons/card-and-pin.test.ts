import { describe, expect, it } from 'vitest';
import { parseCardData, type Card } from '../../hardware/card-reader/index';
import { BACKSPACE, CLEAR, digitKey, ENTER } from '../../hardware/pin-pad/index';
import { cardReadFrom, pinEventFrom } from './card-and-pin';

// A made-up CPR (born 1 January 1980) on a track 2 laid out as in PROTOCOLS.md section 5.
const TRACK2 = '1' + '208' + '1' + '000' + '0101801234' + '1' + '012345' + '084' + '101' + '240101';

function card(text: string): Card {
  const result = parseCardData(text);
  if (!result.ok) throw new Error(`rejected: ${result.reason}`);
  return result.card;
}

describe('a card as the machines take it', () => {
  it("keeps the birth date the card parser read from a health card's magnetic stripe, as an ISO date", () => {
    const read = cardReadFrom(card(`;${TRACK2}?`));
    expect(read).toMatchObject({ kind: 'health-card', patronId: '0101801234', cprBirthDate: '1980-01-01' });
    expect(read.masked).not.toContain('0101801234');
  });

  it('gives a bare 10-digit barcode no birth date: it may be a library card number', () => {
    const read = cardReadFrom(card('0101801234'));
    expect(read.kind).toBe('health-card');
    expect(read).not.toHaveProperty('cprBirthDate');
  });

  it('maps every PIN pad key to its machine event', () => {
    expect(pinEventFrom(digitKey('7'))).toEqual({ type: 'PIN_DIGIT', digit: '7' });
    expect(pinEventFrom(ENTER)).toEqual({ type: 'PIN_ENTER' });
    expect(pinEventFrom(CLEAR)).toEqual({ type: 'PIN_CLEAR' });
    expect(pinEventFrom(BACKSPACE)).toEqual({ type: 'PIN_BACKSPACE' });
  });
});
