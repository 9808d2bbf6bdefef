import { describe, expect, it } from 'vitest';
import { card, patron } from '../fakes.testkit';
import { identifyGuards as g } from './identify-guards';
import { DEFAULT_IDENTIFY_CONFIG, type IdentifyContext, type IdentifyEvent } from './identify-types';

const ctx = (o: Partial<IdentifyContext> = {}): IdentifyContext => ({
  config: DEFAULT_IDENTIFY_CONFIG,
  card: card('1'),
  pin: '',
  patron: null,
  source: null,
  refusal: null,
  ...o,
});
const a = (context: IdentifyContext, event: IdentifyEvent = { type: 'PIN_ENTER' }) => ({ context, event });
const digit = (d: string): IdentifyEvent => ({ type: 'PIN_DIGIT', digit: d });

describe('identify guards', () => {
  it('hasCard', () => {
    expect(g.hasCard(a(ctx()))).toBe(true);
    expect(g.hasCard(a(ctx({ card: null })))).toBe(false);
  });
  it('digitFits and pinComplete', () => {
    expect(g.digitFits(a(ctx({ pin: '123' }), digit('4')))).toBe(true);
    expect(g.digitFits(a(ctx({ pin: '1234' }), digit('4')))).toBe(false);
    expect(g.digitFits(a(ctx(), digit('#')))).toBe(false);
    expect(g.pinComplete(a(ctx({ pin: '123' })))).toBe(false);
    expect(g.pinComplete(a(ctx({ pin: '1234' })))).toBe(true);
  });
  it('verified and ilsUnavailable', () => {
    expect(g.verified(a(ctx()), { outcome: 'valid', patron: patron(), source: 'cache' })).toBe(true);
    expect(g.verified(a(ctx()), { outcome: 'unknown-card' })).toBe(false);
    expect(g.ilsUnavailable(a(ctx()), { outcome: 'unavailable', detail: '' })).toBe(true);
    expect(g.ilsUnavailable(a(ctx()), { outcome: 'unavailable', detail: 'another patron', answered: true })).toBe(false);
    expect(g.ilsUnavailable(a(ctx()), { outcome: 'offline-unknown' })).toBe(false);
  });
  it('pinRetry: a digit after a wrong PIN only', () => {
    expect(g.pinRetry(a(ctx({ refusal: { reason: 'wrong-pin', attemptsLeft: 2 } }), digit('5')))).toBe(true);
    expect(g.pinRetry(a(ctx({ refusal: { reason: 'unknown-card' } }), digit('5')))).toBe(false);
    expect(g.pinRetry(a(ctx({ refusal: { reason: 'wrong-pin' } }), digit('x')))).toBe(false);
  });
});
