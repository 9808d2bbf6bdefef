import { describe, expect, it } from 'vitest';
import { companionDecision, copenhagenInstant, doorDecision, getProfile, type PatronFacts, PolicyInputError } from './index';

const kbh = getProfile('koebenhavn');
const lolland = getProfile('lolland');
const noon = copenhagenInstant({ year: 2025, month: 1, day: 10 }, 12, 0);
const night = copenhagenInstant({ year: 2025, month: 1, day: 10 }, 23, 0);
const person = (extra: Partial<PatronFacts> = {}): PatronFacts => ({ cardLost: false, excludedFromUnstaffed: false, blocked: false, ...extra });

describe('doorDecision: order of checks', () => {
  it('patron status comes before the hours: a lost card at night is reported as lost', () => {
    expect(doorDecision(kbh, { patron: person({ age: 30, cardLost: true }), at: night }).reason).toBe('card-lost');
    expect(doorDecision(kbh, { patron: person({ age: 30, blocked: true }), at: noon }).reason).toBe('blocked');
  });
  it('hours come before age, and say when the door opens next', () => {
    expect(doorDecision(kbh, { patron: person({ age: 10 }), at: night })).toEqual({
      allowed: false, reason: 'outside-hours', message: 'the library is closed now', nextOpening: '2025-01-11T06:00:00.000Z',
    });
  });
  it('debt does not keep anyone out of the door', () => {
    expect(doorDecision(kbh, { patron: person({ age: 30, feesDkk: 1000, borrowingBlocked: true }), at: noon }).allowed).toBe(true);
  });
});

describe('doorDecision: age', () => {
  it('computes the age from the birth date on the day of entry', () => {
    const patron = person({ birthDate: '2010-01-11' });
    expect(doorDecision(kbh, { patron, at: noon }).reason).toBe('under-age-alone'); // 14 today
    const nextDay = copenhagenInstant({ year: 2025, month: 1, day: 11 }, 12, 0);
    expect(doorDecision(kbh, { patron, at: nextDay }).reason).toBe('allowed'); // 15 today
  });
  it('refuses when a minimum age applies and the age is unknown', () => {
    expect(doorDecision(kbh, { patron: person(), at: noon }).reason).toBe('age-unknown');
  });
  it('needs no age where the text sets no minimum', () => {
    expect(doorDecision(lolland, { patron: person(), at: noon }).allowed).toBe(true);
  });
  it('a companion for someone old enough changes nothing', () => {
    expect(doorDecision(kbh, { patron: person({ age: 40 }), companion: person({ age: 40 }), at: noon }).reason).toBe('allowed');
  });
});

describe('companionDecision', () => {
  it('refuses where the library has no accompaniment rule', () => {
    expect(companionDecision(lolland, person({ age: 40 }), noon).reason).toBe('companion-not-allowed');
  });
  it('the companion must be able to enter (not blocked)', () => {
    expect(companionDecision(kbh, person({ age: 40, blocked: true }), noon)).toMatchObject({ allowed: false, reason: 'companion-not-allowed' });
    expect(companionDecision(kbh, person({ age: 40 }), noon).allowed).toBe(true);
  });
});

describe('doorDecision: bad input', () => {
  it('an invalid time is a typed error, never an open door', () => {
    expect(() => doorDecision(kbh, { patron: person({ age: 30 }), at: new Date('nonsense') })).toThrow(PolicyInputError);
  });
});
