import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, maskCpr, parseCpr, type Cpr } from './cpr';

function mod11Sum(digits: string): number {
  const w = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  return [...digits].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0) % 11;
}

describe('parseCpr: format (PROTOCOLS.md section 5)', () => {
  it('accepts DDMMYY-SSSS and DDMMYYSSSS alike', () => {
    const a = parseCpr('010203-1234');
    const b = parseCpr('0102031234');
    expect(a).toEqual(b);
    expect(a.ok && a.cpr).toBe('0102031234');
    expect(a.ok && a.birthDate).toEqual({ year: 1903, month: 2, day: 1 });
  });

  it('ignores surrounding whitespace', () => {
    expect(parseCpr('  0102031234\n').ok).toBe(true);
  });

  it.each(['', '   '])('rejects empty input %j', (input) => {
    expect(parseCpr(input)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it.each(['123', '01020312345', '010203 1234', '0102-031234', 'abcdefghij', '010203--1234', '０１０２０３１２３４'])(
    'rejects %j as bad-format',
    (input) => {
      expect(parseCpr(input)).toMatchObject({ ok: false, reason: 'bad-format' });
    },
  );
});

describe('parseCpr: century from the 7th digit', () => {
  it.each([
    ['0101000000', 1900],
    ['0101993999', 1999],
    ['0101364000', 2036],
    ['0101374000', 1937],
    ['0101369000', 2036],
    ['0101379000', 1937],
    ['0101575000', 2057],
    ['0101585000', 1858],
    ['0101578999', 2057],
    ['0101588999', 1858],
  ])('%s -> %i', (cpr, year) => {
    const r = parseCpr(cpr);
    expect(r.ok && r.birthDate.year).toBe(year);
  });
});

describe('parseCpr: invalid dates are rejected', () => {
  it.each(['0001001234', '3201001234', '0100001234', '0113001234', '3002001234', '3104001234'])('%s', (cpr) => {
    expect(parseCpr(cpr)).toMatchObject({ ok: false, reason: 'invalid-date' });
  });

  it('29 February only in leap years, century included', () => {
    expect(parseCpr('2902004000').ok).toBe(true); // 2000 is a leap year
    expect(parseCpr('2902000000').ok).toBe(false); // 1900 is not
    expect(parseCpr('2902964000').ok).toBe(true); // 1996
    expect(parseCpr('2902974000').ok).toBe(false); // 1997
  });

  it('never echoes the digits in a rejection (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}-?\d{3,5}x?$/), (input) => {
        const r = parseCpr(input);
        if (r.ok) return;
        const text = JSON.stringify(r);
        expect(text).not.toMatch(/\d{4}/);
        expect(text).not.toContain(input.slice(0, 6));
      }),
    );
  });

  it('an invalid-date CPR does not leak into the result', () => {
    const r = parseCpr('3102851234');
    expect(r).toEqual({ ok: false, reason: 'invalid-date', message: 'the CPR number does not hold a real birth date' });
  });
});

describe('parseCpr: modulus 11 is a warning, not a rejection', () => {
  it('flags a number whose weighted sum is a multiple of 11', () => {
    // 0707614285: 0*4+7*3+0*2+7*7+6*6+1*5+4*4+2*3+8*2+5*1 = 154 = 14*11
    expect(mod11Sum('0707614285')).toBe(0);
    expect(parseCpr('070761-4285')).toMatchObject({ ok: true, modulus11Valid: true });
  });

  it('accepts a number that fails the check, with modulus11Valid false', () => {
    expect(mod11Sum('0707614286')).not.toBe(0);
    expect(parseCpr('070761-4286')).toMatchObject({ ok: true, modulus11Valid: false });
  });
});

describe('ageOn: full years in Europe/Copenhagen', () => {
  const born = { year: 2010, month: 6, day: 15 };

  it('turns a year older on the birthday, not before', () => {
    expect(ageOn(born, new Date('2025-06-14T12:00:00Z'))).toBe(14);
    expect(ageOn(born, new Date('2025-06-15T12:00:00Z'))).toBe(15);
  });

  it('uses the Copenhagen calendar day, not UTC', () => {
    // 22:30 UTC on 14 June is 00:30 on 15 June in Copenhagen (summer time).
    expect(ageOn(born, new Date('2025-06-14T22:30:00Z'))).toBe(15);
    expect(ageOn(born, new Date('2025-06-14T21:59:59Z'))).toBe(14);
  });

  it('born 1 January: winter offset of one hour', () => {
    const jan1 = { year: 2007, month: 1, day: 1 };
    expect(ageOn(jan1, new Date('2024-12-31T22:59:59Z'))).toBe(17);
    expect(ageOn(jan1, new Date('2024-12-31T23:00:00Z'))).toBe(18);
  });

  it('a 29 February birthday counts from 1 March in common years', () => {
    const leap = { year: 2008, month: 2, day: 29 };
    expect(ageOn(leap, new Date('2023-02-28T12:00:00Z'))).toBe(14);
    expect(ageOn(leap, new Date('2023-03-01T12:00:00Z'))).toBe(15);
    expect(ageOn(leap, new Date('2024-02-29T12:00:00Z'))).toBe(16);
  });
});

describe('maskCpr', () => {
  it('shows none of the digits', () => {
    const r = parseCpr('070761-4285');
    if (!r.ok) throw new Error('fixture');
    expect(maskCpr(r.cpr)).toBe('******-****');
    expect(maskCpr('1234567890' as Cpr)).not.toMatch(/\d/);
  });
});
