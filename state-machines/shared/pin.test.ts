import { describe, expect, it } from 'vitest';
import { addDigit, canAddDigit, FOUR_DIGITS, isPinDigit, pinComplete, removeDigit } from './pin';

describe('PIN editing', () => {
  it('accepts single digits only, up to the maximum', () => {
    expect(['0', '9', 'a', '#', '*', '12', ''].map(isPinDigit)).toEqual([true, true, false, false, false, false, false]);
    expect(canAddDigit('123', '4', FOUR_DIGITS)).toBe(true);
    expect(canAddDigit('1234', '5', FOUR_DIGITS)).toBe(false);
    expect(addDigit('1234', '5', FOUR_DIGITS)).toBe('1234');
    expect(addDigit('12', 'x', FOUR_DIGITS)).toBe('12');
  });

  it('removes the last digit and knows when the PIN is complete', () => {
    expect(removeDigit('123')).toBe('12');
    expect(removeDigit('')).toBe('');
    expect([3, 4].map((n) => pinComplete('9'.repeat(n), FOUR_DIGITS))).toEqual([false, true]);
    expect(pinComplete('12345', { min: 4, max: 6 })).toBe(true);
  });
});
