import { describe, expect, it } from 'vitest';
import { copenhagenDay } from './time';

describe('copenhagenDay', () => {
  it('gives the Copenhagen calendar day, across midnight and summer time', () => {
    expect(copenhagenDay(new Date('2026-12-15T23:30:00Z'))).toBe('2026-12-16');
    expect(copenhagenDay(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(copenhagenDay(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
    expect(copenhagenDay(undefined)).toBe('');
  });
});
