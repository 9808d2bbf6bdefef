import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCardData } from './card-parser';
import { maskCardNumber } from './card';
import { cardText } from './card-reader-sim';

describe('card privacy', () => {
  it('never shows the CPR in JSON, toString, template strings or inspect', () => {
    const result = parseCardData(cardText({ cpr: '0101801234', format: 'tracks1and2' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const read = { event: 'CARD_READ', card: result.card, at: new Date(0) };
    expect(JSON.stringify(read)).not.toContain('0101801234');
    expect(JSON.stringify(read)).not.toContain('010180');
    expect(JSON.stringify(read)).not.toContain('SØREN');
    expect(JSON.parse(JSON.stringify(result.card))).toEqual({ kind: 'health-card', source: 'track2', cpr: '******-****', holderName: '***' });
    expect(String(result.card)).toBe('health card ******-****');
    expect(`${result.card}`).not.toContain('1234');
    expect(inspect(read, { depth: 5 })).not.toContain('0101801234');
    expect(Object.keys(result.card)).not.toContain('cpr');
    expect({ ...result.card }).not.toHaveProperty('cpr');
  });

  it('masks a library card number to its last three characters', () => {
    const result = parseCardData('B7341234');
    expect(JSON.stringify(result)).toBe('{"ok":true,"card":{"kind":"library-card","cardNumber":"*****234"}}');
    expect(maskCardNumber('1234')).toBe('****');
  });
});
