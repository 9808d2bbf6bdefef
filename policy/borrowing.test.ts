import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { debtExceeds, PolicyInputError } from './index';

describe('debtExceeds', () => {
  const moreThan = { amountDkk: 250, comparison: 'more-than', enforcement: 'shall' } as const;
  const atLeast = { amountDkk: 200, comparison: 'at-least', enforcement: 'shall' } as const;
  it('compares in øre, so float noise never flips the boundary', () => {
    expect(debtExceeds(atLeast, 0.1 + 0.2 + 199.7)).toBe(true);
    expect(debtExceeds(atLeast, 199.99)).toBe(false);
    expect(debtExceeds(moreThan, 250.004)).toBe(false);
    expect(debtExceeds(moreThan, 250.01)).toBe(true);
  });
  it('agrees with whole-øre arithmetic (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (ore) => {
        expect(debtExceeds(moreThan, ore / 100)).toBe(ore > 25_000);
        expect(debtExceeds(atLeast, ore / 100)).toBe(ore >= 20_000);
      }),
    );
  });
  it('rejects a negative or non-numeric amount', () => {
    expect(() => debtExceeds(atLeast, -1)).toThrow(PolicyInputError);
    expect(() => debtExceeds(atLeast, Number.NaN)).toThrow(PolicyInputError);
  });
});
