import { describe, expect, it } from 'vitest';
import { addPeriod, copenhagenInstant, formatDate, getProfile, loanDueDate, PolicyInputError } from './index';

describe('addPeriod', () => {
  it.each([
    ['2025-01-31', { months: 1 }, '2025-02-28'],
    ['2024-01-31', { months: 1 }, '2024-02-29'],
    ['2025-11-30', { months: 3 }, '2026-02-28'],
    ['2025-12-15', { months: 1 }, '2026-01-15'],
    ['2025-12-20', { days: 14 }, '2026-01-03'],
  ] as const)('%s + %j = %s', (from, period, to) => {
    const [year, month, day] = from.split('-').map(Number) as [number, number, number];
    expect(formatDate(addPeriod({ year, month, day }, period))).toBe(to);
  });
});

describe('loanDueDate', () => {
  const kbh = getProfile('koebenhavn');
  it('counts from the Copenhagen calendar day: 00:30 local on 1 Feb is still 31 Jan in UTC', () => {
    const at = copenhagenInstant({ year: 2025, month: 2, day: 1 }, 0, 30);
    expect(at.toISOString()).toBe('2025-01-31T23:30:00.000Z');
    expect(loanDueDate(kbh, { loanedAt: at })).toMatchObject({ dueDate: '2025-03-01' });
  });
  it('a bad instant is a typed error', () => {
    expect(() => loanDueDate(kbh, { loanedAt: new Date(Number.NaN) })).toThrow(PolicyInputError);
  });
});
