import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, MovingClock, openTestStore, tempDir, type TempDir } from '../test/store/helpers';
import type { Store } from './open-store';
import type { LoanRecordSettings } from './settings';

let tmp: TempDir;
let clock: MovingClock;
let store: Store;
function open(settings: Partial<LoanRecordSettings> = {}): void {
  store = openTestStore(tmp.dir, clock, { loanRecords: settings });
}
beforeEach(() => {
  tmp = tempDir();
  clock = new MovingClock('2026-03-02T10:00:00Z');
  open();
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('loan records', () => {
  it('anonymise a returned loan 30 days after the return, not before', () => {
    const id = store.loans.recordLoan({ itemId: 'item-1', cardNumber: '0101901234', title: 'Kongens Fald', dueDate: '2026-03-30' });
    expect(store.loans.openLoansOf('0101901234').map((r) => r.id)).toEqual([id]);
    clock.advance(10 * DAY);
    expect(store.loans.recordReturn({ itemId: 'item-1' })).toBe(id);
    clock.advance(30 * DAY - 1);
    expect(store.purgeExpired().loanRecords).toBe(0);
    expect(store.loans.get(id)?.cardKey).toBe(store.cardKey('0101901234'));
    clock.advance(1);
    expect(store.purgeExpired().loanRecords).toBe(1);
    expect(store.loans.get(id)).toEqual({
      id,
      itemId: 'item-1',
      title: 'Kongens Fald',
      cardKey: null,
      loanedAt: new Date('2026-03-02T10:00:00Z'),
      dueDate: '2026-03-30',
      returnedAt: new Date('2026-03-12T10:00:00Z'),
      feeAttached: false,
      feePaidAt: null,
      anonymisedAt: new Date('2026-04-11T10:00:00Z'),
    });
  });

  it('keep a loan with an unpaid fee, and let it go once the fee is paid', () => {
    const id = store.loans.recordLoan({ itemId: 'item-1', cardNumber: '0101901234' });
    clock.advance(40 * DAY);
    store.loans.recordReturn({ itemId: 'item-1' });
    store.loans.attachFee(id);
    clock.advance(90 * DAY);
    expect(store.purgeExpired().loanRecords).toBe(0);
    expect(store.loans.get(id)?.cardKey).not.toBeNull();
    store.loans.feePaid(id);
    expect(store.purgeExpired().loanRecords).toBe(1);
    expect(store.loans.get(id)?.cardKey).toBeNull();
  });

  it('delete instead of anonymising when the settings say so', () => {
    store.close();
    open({ action: 'delete', keepAfterReturnDays: 14 });
    const id = store.loans.recordLoan({ itemId: 'item-1', cardNumber: '0101901234' });
    const bare = store.loans.recordReturn({ itemId: 'item-9', title: 'lent at another branch' });
    store.loans.recordReturn({ itemId: 'item-1' });
    clock.advance(14 * DAY);
    expect(store.purgeExpired().loanRecords).toBe(2);
    expect(store.loans.get(id)).toBeNull();
    expect(store.loans.get(bare)).toBeNull();
  });

  it('forget loans whose return this kiosk never saw', () => {
    const id = store.loans.recordLoan({ itemId: 'item-1', cardNumber: '0101901234' });
    clock.advance(120 * DAY - 1);
    expect(store.purgeExpired().loanRecords).toBe(0);
    clock.advance(1);
    expect(store.purgeExpired().loanRecords).toBe(1);
    expect(store.loans.get(id)?.cardKey).toBeNull();
  });

  it('record a return of an item lent elsewhere without any patron', () => {
    const id = store.loans.recordReturn({ itemId: 'item-7', title: 'Bogen' });
    expect(store.loans.get(id)).toMatchObject({ itemId: 'item-7', cardKey: null, loanedAt: null, returnedAt: new Date('2026-03-02T10:00:00Z') });
  });
});
