import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCprLike, maskSip2, readableFixedPart } from './trace';

const CPR = /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}$/;
const CPR_ANYWHERE = /(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}/;
const cpr = fc.stringMatching(CPR);
const pin = fc.stringMatching(/^[0-9]{4,6}$/);
const value = fc.stringMatching(/^[^|\r\n]{0,12}$/);

describe('maskSip2', () => {
  it('masks the login password (CO) and hides the checksum', () => {
    expect(maskSip2('9300CNkiosk|COsecret|CPhall|AY0AZEC7B\r')).toBe('9300CNkiosk|CO****|CPhall|AY0AZ****');
  });

  it('masks a PIN (AD), a terminal password (AC) and the patron id (AA)', () => {
    expect(maskSip2('6300920260101    120000          AODK-775100|AA0103801001|ACterm|AD1234|AY2AZF000')).toBe(
      '6300920260101    120000          AODK-775100|AA****|AC****|AD****|AY2AZ****',
    );
  });

  it('masks a library card number and the name in a reply, not the item', () => {
    expect(maskSip2('121NNY20261120    100000AODK-775100|AA40000001|AB5000000001|AJKaptajn Bimse|')).toBe(
      '121NNY20261120    100000AODK-775100|AA****|AB5000000001|AJKaptajn Bimse|',
    );
    expect(maskSip2(`64${' '.repeat(14)}00920261120    100000${'0000'.repeat(6)}AOx|AALN:40000001|AEAnna Andersen|BLY|PB19800301|`)).toBe(
      `64${' '.repeat(14)}00920261120    100000${'0000'.repeat(6)}AOx|AA****|AE****|BLY|PB****|`,
    );
  });

  it('masks a secret that is the first field after the fixed part', () => {
    expect(maskSip2('9300COsecret|CNkiosk|')).toBe('9300CO****|CNkiosk|');
  });

  it('keeps empty secret fields and, when nothing was masked, the checksum', () => {
    expect(maskSip2('2300920260101    120000AOx|AC|AD|AY1AZF000')).toBe('2300920260101    120000AOx|AC|AD|AY1AZF000');
  });

  it('masks CPR-like numbers inside values (FBS LN: prefix, dashes, longer digit runs), not item ids or dates', () => {
    expect(maskCprLike('AALN:0103801001|AB5000000001|CY010380-1001|AH20261219    235959')).toBe('AALN:******-****|AB5000000001|CY******-****|AH20261219    235959');
    expect(maskCprLike('AF70103801001|x0103801001y')).toBe('AF7******-****|x******-****y');
  });

  it('masks secrets even in text that is not a readable message', () => {
    expect(maskSip2('XXgarbage|AD1234|CO pw')).toBe('XXgarbage|AD****|CO****');
    expect(maskSip2('#4  garbageAA0103801001|AEAnna|')).toBe('#4  garbageAA****|AE****|');
  });

  // Except inside the fixed part of a readable message: dates and counts are not CPRs.
  it('property: no CPR-like value survives, whatever stands around it', () => {
    fc.assert(
      fc.property(fc.string(), cpr, fc.string(), (before, number, after) => {
        const fixed = readableFixedPart(`${before}${number}${after}`);
        fc.pre(fixed === undefined || before.length + number.length > 2 + fixed);
        const masked = maskSip2(`${before}${number}${after}`);
        expect(masked).not.toContain(number);
        if (fixed === undefined) expect(masked).not.toMatch(CPR_ANYWHERE);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: in a message with its fields in any order, no PIN, password or CPR survives and the checksum is hidden', () => {
    const fixedParts = fc.constantFrom(
      '2300920261120    100000', // 23 patron status
      '6300920261120    100000Y         ', // 63 patron information
      '11NN20261120    100000                  ', // 11 checkout
      '9300', // 93 login
    );
    fc.assert(
      fc.property(fixedParts, pin, cpr, fc.shuffledSubarray(['AODK-775100', 'ACterm', 'BPx', 'AB5000000001'], {}), fc.nat(4), fc.boolean(), value, (fixed, secret, number, others, at, pipe, note) => {
        const fields = [...others, `AF${note}`];
        fields.splice(Math.min(at, fields.length), 0, `AD${secret}`, `AA${number}`);
        if (fixed === '9300') fields.push(`CO${secret}x`);
        const head = `${fixed}${fields.join('|')}${pipe ? '|' : ''}AY3AZ`;
        const masked = maskSip2(`${head}0000\r`);
        expect(masked).not.toContain(`AD${secret}`);
        expect(masked).not.toContain(`CO${secret}`);
        expect(masked).not.toContain(number);
        expect(masked).not.toMatch(/AZ[0-9A-F]{4}$/);
      }),
      { numRuns: 1000 },
    );
  });
});
