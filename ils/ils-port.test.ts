import { describe, expect, it } from 'vitest';
import { type CirculationStatus, isOnLoan } from './ils-port';

describe('isOnLoan', () => {
  it('counts charged, charged-not-recallable and recalled (SIP2 18 status 04, 05, 07) as on loan', () => {
    expect(isOnLoan('charged')).toBe(true);
    expect(isOnLoan('charged-not-recallable')).toBe(true);
    expect(isOnLoan('recalled')).toBe(true);
  });

  it('counts nothing else as on loan', () => {
    const notLent: CirculationStatus[] = [
      'other', 'on-order', 'available', 'in-process', 'on-hold-shelf', 'waiting-to-be-reshelved',
      'in-transit', 'claimed-returned', 'lost', 'missing',
    ];
    for (const status of notLent) expect(isOnLoan(status), status).toBe(false);
  });
});
