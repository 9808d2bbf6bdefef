import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../ports';
import { card, fakeDoorRules, patron } from '../fakes.testkit';
import { attemptLeftMs, companionAfterEntry, entryOutcome, openCompanion } from './door-context';
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
    companion: null,
    ...overrides,
  };
}
const args = (context: DoorContext, event: DoorEvent = { type: 'PIN_ENTER' }) => ({ context, event });
const digit = (d: string): DoorEvent => ({ type: 'PIN_DIGIT', digit: d });
const rules = fakeDoorRules(() => new Date(noon));
const window = (until: string) => ({ card: card('0101801234'), patron: adult, until });

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

  it('companionWaiting: an adult whose window is still open now', () => {
    expect(guards.companionWaiting(args(ctx({ companion: window('2025-03-10T12:00:00.001Z') })))).toBe(true);
    expect(guards.companionWaiting(args(ctx({ companion: window(noon) })))).toBe(false);
    expect(guards.companionWaiting(args(ctx()))).toBe(false);
  });

  it('an adult of the companion age opens a window; a teen does not, nor closes one; a used window closes', () => {
    const at = new Date(noon);
    const allowed = { decision: 'allowed', reason: 'allowed' } as const;
    expect(companionAfterEntry(rules, ctx({ outcome: allowed, patron: adult }), at, 30_000)).toMatchObject({ patron: adult, until: '2025-03-10T12:00:30.000Z' });
    expect(companionAfterEntry(rules, ctx({ outcome: allowed, patron: teen }), at, 30_000)).toBeNull();
    const open = window('2025-03-10T12:00:10.000Z');
    expect(companionAfterEntry(rules, ctx({ outcome: allowed, patron: teen, companion: open }), at, 30_000)).toBe(open);
    const child = { decision: 'allowed', reason: 'accompanied', accompanied: true } as const;
    expect(companionAfterEntry(rules, ctx({ outcome: child, patron: adult, companion: window('2025-03-10T12:00:10Z') }), at, 30_000)).toBeNull();
  });

  it('entryOutcome: decided at the given time, with the open window only; marks an accompanied entry', () => {
    const open = window('2025-03-10T12:00:10.000Z');
    expect(entryOutcome(rules, child, open, new Date(noon))).toEqual({ decision: 'allowed', reason: 'accompanied', accompanied: true });
    expect(entryOutcome(rules, child, open, new Date('2025-03-10T12:00:10.000Z'))).toEqual({ decision: 'denied', reason: 'under-age' });
    expect(entryOutcome(rules, teen, open, new Date(noon))).toEqual({ decision: 'allowed', reason: 'allowed' });
    expect(entryOutcome(rules, adult, null, new Date('2025-03-10T22:00:00.000Z'))).toEqual({
      decision: 'denied',
      reason: 'outside-hours',
      nextOpening: '2025-03-11T07:00:00.000Z',
    });
    expect(openCompanion(open, new Date('2025-03-10T12:00:09.999Z'))).toBe(open);
  });

  it('attemptLeftMs: counted from the card read, whatever happened since', () => {
    const config = { ...DEFAULT_DOOR_CONFIG, attemptMaxMs: 60_000 };
    expect(attemptLeftMs(ctx({ config }), new Date('2025-03-10T12:00:59.000Z'))).toBe(1_000);
    expect(attemptLeftMs(ctx({ config }), new Date('2025-03-10T12:02:00.000Z'))).toBe(0);
    expect(attemptLeftMs(ctx({ attemptAt: null }), new Date(noon))).toBe(0);
  });

  it('pinRetry: a digit right after a wrong PIN', () => {
    const wrong = { decision: 'denied', reason: 'wrong-pin' } as const;
    expect(guards.pinRetry(args(ctx({ outcome: wrong }), digit('1')))).toBe(true);
    expect(guards.pinRetry(args(ctx({ outcome: wrong }), digit('*')))).toBe(false);
    expect(guards.pinRetry(args(ctx({ outcome: { decision: 'denied', reason: 'card-locked' } }), digit('1')))).toBe(false);
    expect(guards.pinRetry(args(ctx({ outcome: wrong, card: null }), digit('1')))).toBe(false);
  });
});
