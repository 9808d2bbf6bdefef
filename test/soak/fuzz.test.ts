// The CI share of the parser fuzzing (`npm run soak` runs 1,000,000 inputs): seeded, so a
// failure names the input that reproduces it.
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../scripts/soak/fuzz';

describe('parser fuzzing, short (scripts/soak/fuzz.ts)', () => {
  it('50,000 random and mutated inputs: every parser answers or throws only its typed error', () => {
    const report = fuzz({ inputs: 50_000, seed: 20261120 });
    expect(report.failures).toEqual([]);
    expect(report.inputs).toBe(50_000);
    const targets = Object.values(report.targets);
    expect(targets).toHaveLength(8);
    // Every parser got its share, and the mutations reached both outcomes of the typed ones.
    for (const t of targets) expect(t.inputs).toBe(6250);
    expect(report.targets['SIP2 codec (decodeSip2)']!.typedErrors).toBeGreaterThan(0);
    expect(report.targets['SIP2 codec (decodeSip2)']!.typedErrors).toBeLessThan(6250);
    expect(report.targets['ISO 28560-3 tag codec (tryDecodeTag, decodeTag)']!.typedErrors).toBeLessThan(6250);
  });
});
