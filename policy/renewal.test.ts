import { describe, expect, it } from 'vitest';
import { copenhagenInstant, getProfile, PolicyInputError, renewalDecision } from './index';

const at = copenhagenInstant({ year: 2025, month: 2, day: 5 }, 12, 0);
const base = { renewalsSoFar: 0, dueDate: '2025-02-10', at, reservedByAnother: false, interlibrary: false };

describe('renewalDecision', () => {
  it('lists the rules the text left to the ILS', () => {
    expect(renewalDecision(getProfile('gladsaxe'), base).ilsDecides).toEqual(['maxRenewals', 'earliestDaysBeforeDue', 'newDueDate']);
  });
  it('reserved wins over every other reason', () => {
    expect(renewalDecision(getProfile('koebenhavn'), { ...base, reservedByAnother: true, renewalsSoFar: 5, interlibrary: true }).reason).toBe('reserved');
  });
  it('rejects bad input with a typed error', () => {
    const p = getProfile('hvidovre');
    expect(() => renewalDecision(p, { ...base, renewalsSoFar: -1 })).toThrow(PolicyInputError);
    expect(() => renewalDecision(p, { ...base, renewalsSoFar: 1.5 })).toThrow(PolicyInputError);
    expect(() => renewalDecision(p, { ...base, dueDate: '2025-02-30' })).toThrow(/due date must be a real date/);
  });
  it('Hvidovre: a renewal on the March switch day still gives one calendar month', () => {
    const switchDay = copenhagenInstant({ year: 2025, month: 3, day: 30 }, 23, 30);
    const r = renewalDecision(getProfile('hvidovre'), { ...base, dueDate: '2025-04-01', at: switchDay });
    expect(r).toMatchObject({ allowed: true, newDueDate: '2025-04-30' });
  });
});
