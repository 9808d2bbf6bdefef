import { describe, expect, it } from 'vitest';
import { copenhagenInstant, daysLate, getProfile, lateFee, lateFeeGroups, PolicyInputError } from './index';

describe('daysLate', () => {
  it('counts Copenhagen calendar days after the due date; 0 when on time', () => {
    expect(daysLate('2025-01-10', copenhagenInstant({ year: 2025, month: 1, day: 10 }, 23, 59))).toBe(0);
    expect(daysLate('2025-01-10', copenhagenInstant({ year: 2025, month: 1, day: 11 }, 0, 0))).toBe(1);
    expect(daysLate('2025-01-10', copenhagenInstant({ year: 2025, month: 1, day: 9 }, 12, 0))).toBe(0);
  });
  it('is not thrown off by the switches: 2 days across 30 March and 26 October', () => {
    expect(daysLate('2025-03-29', copenhagenInstant({ year: 2025, month: 3, day: 31 }, 0, 30))).toBe(2);
    expect(daysLate('2025-10-25', copenhagenInstant({ year: 2025, month: 10, day: 27 }, 0, 30))).toBe(2);
  });
});

describe('lateFee', () => {
  const ballerup = getProfile('ballerup');
  it('0 days late costs nothing, in every library', () => {
    expect(lateFee(ballerup, { age: 30, daysLate: 0 })).toMatchObject({ amountDkk: 0, reason: 'not-late' });
    expect(lateFee(getProfile('gladsaxe'), { age: 30, daysLate: 0 }).amountDkk).toBe(0);
  });
  it('rejects negative or fractional input', () => {
    expect(() => lateFee(ballerup, { age: -1, daysLate: 3 })).toThrow(PolicyInputError);
    expect(() => lateFee(ballerup, { age: 30, daysLate: 2.5 })).toThrow(PolicyInputError);
  });
  it('items returned on time are not in any fee group', () => {
    const r = lateFeeGroups(ballerup, 30, [{ itemId: 'a', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-01' }]);
    expect(r.groups).toEqual([]);
  });
  it('an item without an id is a typed error', () => {
    expect(() => lateFeeGroups(ballerup, 30, [{ itemId: '', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-03' }])).toThrow(PolicyInputError);
  });
});
