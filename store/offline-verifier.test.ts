import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, MovingClock, openTestStore, tempDir, type TempDir } from '../test/store/helpers';
import type { VerifiedPatron } from './credential-cache';
import type { Store } from './open-store';
import type { OfflineRules } from './settings';

const adult: VerifiedPatron = {
  cardNumber: '0101901234',
  pin: '4711',
  birthDate: '1990-01-01',
  ageBand: null,
  cardLost: false,
  excludedFromUnstaffed: false,
  blocked: false,
  feesDkk: 0,
};

let tmp: TempDir;
let clock: MovingClock;
let store: Store;
function open(offline: Partial<OfflineRules> = {}): void {
  store = openTestStore(tmp.dir, clock, { offline: { maxItemsOffline: 3, ...offline } });
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

const attempt = (pin: string, cardNumber = adult.cardNumber) => ({ cardNumber, pin, door: 'front' });

describe('offline entry', () => {
  it('lets a cached patron without blocks in with the right PIN', async () => {
    await store.credentials.remember(adult);
    expect(await store.offline.verifyForEntry(attempt('4711'))).toMatchObject({ ok: true, delayMs: 0, patron: { birthDate: '1990-01-01' } });
  });

  it('refuses an unknown card, a wrong PIN and an expired entry, each with its code', async () => {
    await store.credentials.remember(adult);
    expect(await store.offline.verifyForEntry(attempt('4711', '9999999999'))).toEqual({ ok: false, refusal: 'unknown-card', delayMs: 0 });
    expect(await store.offline.verifyForEntry(attempt('0000'))).toEqual({ ok: false, refusal: 'wrong-pin', delayMs: 0 });
    clock.advance(30 * DAY);
    expect(await store.offline.verifyForEntry(attempt('4711'))).toEqual({ ok: false, refusal: 'expired', delayMs: 0 });
  });

  it('refuses blocked, lost and excluded cards at the door', async () => {
    await store.credentials.remember({ ...adult, cardNumber: 'lost', cardLost: true });
    await store.credentials.remember({ ...adult, cardNumber: 'blocked', blocked: true, doorBlocked: true });
    await store.credentials.remember({ ...adult, cardNumber: 'excluded', excludedFromUnstaffed: true });
    expect(await store.offline.verifyForEntry(attempt('4711', 'lost'))).toMatchObject({ ok: false, refusal: 'card-lost' });
    expect(await store.offline.verifyForEntry(attempt('4711', 'blocked'))).toMatchObject({ ok: false, refusal: 'blocked' });
    expect(await store.offline.verifyForEntry(attempt('4711', 'excluded'))).toMatchObject({ ok: false, refusal: 'excluded-from-unstaffed' });
  });

  it('lets a patron blocked from borrowing only (e.g. for debt) in at the door, but not borrow', async () => {
    await store.credentials.remember({ ...adult, cardNumber: 'owes', blocked: true, feesDkk: 250 });
    expect(await store.offline.verifyForEntry(attempt('4711', 'owes'))).toMatchObject({ ok: true });
    expect(await store.offline.verifyForBorrowing({ ...attempt('4711', 'owes'), items: 1 })).toMatchObject({ ok: false, refusal: 'blocked' });
  });

  it('refuses everybody when the profile allows nobody in offline', async () => {
    store.close();
    open({ whoMayEnterOffline: 'nobody' });
    await store.credentials.remember(adult);
    expect(await store.offline.verifyForEntry(attempt('4711'))).toMatchObject({ ok: false, refusal: 'offline-disabled' });
  });

  it('locks the card on the fifth wrong PIN and then refuses even the right one', async () => {
    await store.credentials.remember(adult);
    for (let i = 0; i < 4; i += 1) expect(await store.offline.verifyForEntry(attempt('1111'))).toMatchObject({ refusal: 'wrong-pin' });
    const fifth = await store.offline.verifyForEntry(attempt('1111'));
    expect(fifth).toMatchObject({ ok: false, refusal: 'card-locked', lockedUntil: new Date('2026-03-02T10:30:00Z') });
    expect(await store.offline.verifyForEntry(attempt('4711'))).toMatchObject({ ok: false, refusal: 'card-locked' });
  });

  it('counts unknown cards towards the door delay', async () => {
    for (let i = 0; i < 10; i += 1) await store.offline.verifyForEntry(attempt('1234', `unknown-${i}`));
    expect((await store.offline.verifyForEntry(attempt('1234', 'unknown-x'))).delayMs).toBe(1000);
  });
});

describe('offline borrowing', () => {
  it('allows up to maxItemsOffline items in the offline queue per patron', async () => {
    await store.credentials.remember(adult);
    const borrow = (items: number) => store.offline.verifyForBorrowing({ ...attempt('4711'), items });
    expect((await borrow(3)).ok).toBe(true);
    expect(await borrow(4)).toMatchObject({ ok: false, refusal: 'offline-item-limit' });
    store.offlineQueue.enqueue({ kind: 'checkout', itemId: 'i1', patronId: adult.cardNumber });
    store.offlineQueue.enqueue({ kind: 'checkout', itemId: 'i2', patronId: adult.cardNumber });
    store.offlineQueue.enqueue({ kind: 'checkin', itemId: 'i3' });
    expect((await borrow(1)).ok).toBe(true);
    expect(await borrow(2)).toMatchObject({ ok: false, refusal: 'offline-item-limit' });
  });

  it('applies the profile debt rule and lets an excluded patron borrow in staffed hours', async () => {
    await store.credentials.remember({ ...adult, feesDkk: 250, excludedFromUnstaffed: true });
    const request = { ...attempt('4711'), items: 1 };
    expect((await store.offline.verifyForBorrowing(request)).ok).toBe(true);
    expect(await store.offline.verifyForBorrowing({ ...request, feesBlockBorrowing: (fees) => fees >= 200 })).toMatchObject({ ok: false, refusal: 'fees' });
    expect((await store.offline.verifyForBorrowing({ ...request, feesBlockBorrowing: (fees) => fees > 250 })).ok).toBe(true);
  });

  it('refuses a card the library blocked altogether, even when the cache holds no separate loan block', async () => {
    await store.credentials.remember({ ...adult, doorBlocked: true, blocked: false });
    expect(await store.offline.verifyForBorrowing({ ...attempt('4711'), items: 1 })).toMatchObject({ ok: false, refusal: 'blocked' });
  });

  it('refuses when the debt rule applies but the cache does not know the fees; without a debt rule the fees do not matter', async () => {
    await store.credentials.remember({ ...adult, feesDkk: null });
    const request = { ...attempt('4711'), items: 1 };
    expect(await store.offline.verifyForBorrowing({ ...request, feesBlockBorrowing: (fees) => fees >= 200 })).toMatchObject({ ok: false, refusal: 'fees-unknown' });
    expect((await store.offline.verifyForBorrowing(request)).ok).toBe(true);
  });

  it('names the cached patron when their facts (not the PIN) refuse the loan, so the screen can say why', async () => {
    await store.credentials.remember({ ...adult, feesDkk: 300, excludedFromUnstaffed: true });
    const decision = await store.offline.verifyForBorrowing({ ...attempt('4711'), items: 1, feesBlockBorrowing: (fees) => fees >= 200 });
    expect(decision).toMatchObject({ ok: false, refusal: 'fees', patron: { feesDkk: 300, excludedFromUnstaffed: true } });
    expect(await store.offline.verifyForBorrowing({ ...attempt('0000'), items: 1 })).not.toHaveProperty('patron');
  });
});
