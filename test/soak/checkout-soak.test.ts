// The CI share of the checkout soak (`npm run soak` makes 1,000 transactions): the kiosk in its
// own process, SIGKILLed mid-transaction three times and restarted; the ILS and the RFID reader
// survive in the test process.
import { describe, expect, it } from 'vitest';
import { checkoutSoak } from '../../scripts/soak/checkout-soak';

describe('checkout soak, short (scripts/soak/checkout-soak.ts)', () => {
  it('30 checkouts and returns with 3 SIGKILLs: ILS and AFI agree, nothing lost or applied twice', async () => {
    const report = await checkoutSoak({ transactions: 30, seed: 7, killSessions: [1, 3, 6], minItemsPerSession: 3, maxItemsPerSession: 4 });
    expect(report.violations).toEqual([]);
    expect(report.kills).toBe(3);
    expect(report.recovered.unresolved).toBe(0);
    expect(report.ilsApplications.renewals).toBe(0);
    expect(report.ilsApplications.checkouts).toBe(report.transactions.checkouts);
    expect(report.ilsApplications.checkins).toBe(report.transactions.returns);
  }, 180_000);
});
