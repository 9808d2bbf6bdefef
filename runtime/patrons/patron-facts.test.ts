import { describe, expect, it } from 'vitest';
import { type PatronInformation, PATRON_STATUS_FLAGS } from '../../ils';
import type { CardRead } from '../../state-machines';
import { birthDateOf, cardBlocked, factsFromIls } from './patron-facts';

const flags = (set: string[] = []) => Object.fromEntries(PATRON_STATUS_FLAGS.map((f) => [f, set.includes(f)])) as PatronInformation['flags'];
const info = (birthDate: string | undefined, set: string[] = []) =>
  ({ valid: true, name: 'Ida', ...(birthDate ? { birthDate } : {}), excludedFromUnstaffed: false, flags: flags(set), fees: { total: 0 } }) as unknown as PatronInformation;

describe('patron facts from the ILS', () => {
  it("the ILS's birth date wins over a 10-digit number that merely looks like a CPR", () => {
    const barcode: CardRead = { kind: 'health-card', patronId: '0101801234', masked: '******-****' };
    expect(factsFromIls(barcode, info('2014-06-01')).birthDate).toBe('2014-06-01');
    expect(factsFromIls(barcode, info(undefined)).birthDate).toBeNull();
    const stripe: CardRead = { ...barcode, cprBirthDate: '1980-01-01' };
    expect(birthDateOf(stripe, '2014-06-01')).toBe('2014-06-01');
    expect(birthDateOf(stripe)).toBe('1980-01-01');
    expect(birthDateOf(stripe, 'not a date')).toBe('1980-01-01');
  });

  it('a card blocked by the library (charge privileges denied, no reason given) is door-blocked; debt and overdue items are not', () => {
    expect(cardBlocked(flags(['chargePrivilegesDenied']))).toBe(true);
    expect(cardBlocked(flags(['chargePrivilegesDenied', 'excessiveOutstandingFees']))).toBe(false);
    expect(cardBlocked(flags(['chargePrivilegesDenied', 'tooManyItemsOverdue']))).toBe(false);
    expect(cardBlocked(flags(['chargePrivilegesDenied', 'cardReportedLost']))).toBe(false);
    expect(cardBlocked(flags([]))).toBe(false);
    const card: CardRead = { kind: 'library-card', patronId: '40000009', masked: '****0009' };
    expect(factsFromIls(card, info('1980-01-01', ['chargePrivilegesDenied']))).toMatchObject({ blocked: true, borrowingBlocked: true });
  });
});
