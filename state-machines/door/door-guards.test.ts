import { describe, expect, it } from 'vitest';
import type { LookupResult, VerifyResult } from '../ports';
import { card, fakeDoorRules, patron } from '../testing/fakes';
import { doorGuards } from './door-guards';
import { DEFAULT_DOOR_CONFIG, type DoorContext, type DoorEvent } from './door-types';

const noon = '2025-03-10T12:00:00.000Z';
const guards = doorGuards(fakeDoorRules(() => new Date(noon)));
const adult = patron({ birthDate: '1980-01-01' });
const teen = patron({ birthDate: '2009-01-01' });
const child = patron({ birthDate: '2014-01-01' });

function ctx(overrides: Partial<DoorContext> = {}): DoorContext {
  return {
    config: DEFAULT_DOOR_CONFIG,
    card: card('0101801234'),
    pin: '',
    attemptAt: noon,
    patron: null,
    source: null,
    outcome: null,
    child: null,
    ...overrides,
  };
}
const args = (context: DoorContext, event: DoorEvent = { type: 'PIN_ENTER' }) => ({ context, event });
const digit = (d: string): DoorEvent => ({ type: 'PIN_DIGIT', digit: d });
const found = (p: typeof adult): LookupResult => ({ outcome: 'found', patron: p, source: 'ils' });

describe('door guards', () => {
  it('outsideHours: by the attempt time, boundaries included', () => {
    expect(guards.outsideHours(args(ctx({ attemptAt: '2025-03-10T06:59:59.999Z' })))).toBe(true);
    expect(guards.outsideHours(args(ctx({ attemptAt: '2025-03-10T07:00:00.000Z' })))).toBe(false);
    expect(guards.outsideHours(args(ctx({ attemptAt: '2025-03-10T21:59:59.999Z' })))).toBe(false);
    expect(guards.outsideHours(args(ctx({ attemptAt: '2025-03-10T22:00:00.000Z' })))).toBe(true);
    expect(guards.outsideHours(args(ctx({ attemptAt: null })))).toBe(false);
  });

  it('digitFits: a digit while the PIN is shorter than the maximum', () => {
    expect(guards.digitFits(args(ctx({ pin: '123' }), digit('4')))).toBe(true);
    expect(guards.digitFits(args(ctx({ pin: '1234' }), digit('5')))).toBe(false);
    expect(guards.digitFits(args(ctx({ pin: '' }), digit('#')))).toBe(false);
    expect(guards.digitFits(args(ctx({ pin: '' }), digit('12')))).toBe(false);
    expect(() => guards.digitFits(args(ctx(), { type: 'PIN_ENTER' }))).toThrow();
  });

  it('pinComplete: between the configured minimum and maximum', () => {
    expect(guards.pinComplete(args(ctx({ pin: '123' })))).toBe(false);
    expect(guards.pinComplete(args(ctx({ pin: '1234' })))).toBe(true);
    const six = { ...DEFAULT_DOOR_CONFIG, pinMinLength: 4, pinMaxLength: 6 };
    expect(guards.pinComplete(args(ctx({ config: six, pin: '12345' })))).toBe(true);
    expect(guards.pinComplete(args(ctx({ config: six, pin: '123' })))).toBe(false);
  });

  it('verified and ilsUnavailable: by the verification outcome', () => {
    const results: VerifyResult[] = [
      { outcome: 'valid', patron: adult, source: 'ils' },
      { outcome: 'wrong-pin', attemptsLeft: 1 },
      { outcome: 'unavailable', detail: 'down' },
      { outcome: 'offline-unknown' },
    ];
    expect(results.map((r) => guards.verified(args(ctx()), r))).toEqual([true, false, false, false]);
    expect(results.map((r) => guards.ilsUnavailable(args(ctx()), r))).toEqual([false, false, true, false]);
  });

  it('entryAllowed: only an allowed outcome', () => {
    expect(guards.entryAllowed(args(ctx({ outcome: { decision: 'allowed', reason: 'allowed' } })))).toBe(true);
    expect(guards.entryAllowed(args(ctx({ outcome: { decision: 'denied', reason: 'under-age' } })))).toBe(false);
    expect(guards.entryAllowed(args(ctx()))).toBe(false);
  });

  it('mayAccompany: an allowed patron of the companion age', () => {
    const allowed = { decision: 'allowed', reason: 'allowed' } as const;
    expect(guards.mayAccompany(args(ctx({ outcome: allowed, patron: adult })))).toBe(true);
    expect(guards.mayAccompany(args(ctx({ outcome: allowed, patron: teen })))).toBe(false);
    expect(guards.mayAccompany(args(ctx({ outcome: { decision: 'denied', reason: 'x' }, patron: adult })))).toBe(false);
    expect(guards.mayAccompany(args(ctx({ outcome: allowed, patron: null })))).toBe(false);
  });

  it('childMayEnterAccompanied: refused alone, allowed with this adult', () => {
    const withAdult = ctx({ patron: adult });
    expect(guards.childMayEnterAccompanied(args(withAdult), found(child))).toBe(true);
    expect(guards.childMayEnterAccompanied(args(withAdult), found(teen))).toBe(false);
    expect(guards.childMayEnterAccompanied(args(withAdult), found({ ...child, cardLost: true }))).toBe(false);
    expect(guards.childMayEnterAccompanied(args(withAdult), { outcome: 'unknown-card' })).toBe(false);
    expect(guards.childMayEnterAccompanied(args(ctx({ patron: teen })), found(child))).toBe(false);
    expect(guards.childMayEnterAccompanied(args(ctx({ patron: null })), found(child))).toBe(false);
  });

  it('mayEnterAlone: the second card belongs to someone who may enter on their own', () => {
    expect(guards.mayEnterAlone(args(ctx()), found(teen))).toBe(true);
    expect(guards.mayEnterAlone(args(ctx()), found(child))).toBe(false);
    expect(guards.mayEnterAlone(args(ctx()), { outcome: 'unavailable', detail: 'x' })).toBe(false);
  });

  it('pinRetry: a digit right after a wrong PIN', () => {
    const wrong = { decision: 'denied', reason: 'wrong-pin' } as const;
    expect(guards.pinRetry(args(ctx({ outcome: wrong }), digit('1')))).toBe(true);
    expect(guards.pinRetry(args(ctx({ outcome: wrong }), digit('*')))).toBe(false);
    expect(guards.pinRetry(args(ctx({ outcome: { decision: 'denied', reason: 'card-locked' } }), digit('1')))).toBe(false);
    expect(guards.pinRetry(args(ctx({ outcome: wrong, card: null }), digit('1')))).toBe(false);
  });
});
