// The CI share of the door soak (`npm run soak` makes 10,000 attempts): `kiosk door` over ptys
// with a simulated ILS that drops 5% of connections, corrupts 1% of replies and goes silent.
import { describe, expect, it } from 'vitest';
import { doorSoak } from '../../scripts/soak/door-soak';

describe('door soak, short (scripts/soak/door-soak.ts)', () => {
  it('300 attempts with a faulty ILS: no invariant breaks', async () => {
    const report = await doorSoak({ attempts: 300, seed: 42, validPatrons: 12, silentEvery: 100, silentMs: [1500, 2500], relayMarginMs: 400, memoryGrowthMb: 40 });
    expect(report.violations).toEqual([]);
    // Exactly once: attempts made = door.attempt lines = access-log entries.
    expect(report.doorAttemptLines).toBe(report.attempts);
    expect(report.accessLogEntries).toBe(report.attempts);
    expect(report.cardRejections).toBe(report.byKind.garbage);
    expect(report.silentPeriods).toBeGreaterThanOrEqual(2);
    expect(report.reasons.allowed).toBeGreaterThan(150);
  }, 240_000);
});
