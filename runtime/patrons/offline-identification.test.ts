import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { borrowingBlock, getProfile } from '../../policy/index';
import type { CardRead, VerifyResult } from '../../state-machines';
import type { VerifiedPatron } from '../../store';
import type { Store } from '../../store/index';
import { MovingClock, openTestStore, tempDir, type TempDir } from '../../test/store/helpers';
import { verifyCachedForBorrowing } from './offline-identification';

const hvidovre = getProfile('hvidovre');
const card: CardRead = { kind: 'library-card', patronId: '3900001234', masked: '••••1234' };
const cached: VerifiedPatron = {
  cardNumber: card.patronId,
  pin: '4711',
  birthDate: '1990-01-01',
  ageBand: null,
  cardLost: false,
  excludedFromUnstaffed: false,
  blocked: false,
  feesDkk: 0,
};

let tmp: TempDir;
let store: Store;
let clock: MovingClock;
beforeEach(() => {
  tmp = tempDir();
  clock = new MovingClock('2026-03-02T10:00:00Z');
  store = openTestStore(tmp.dir, clock);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function verify(pin = '4711'): Promise<VerifyResult> {
  return verifyCachedForBorrowing({ store, clock, place: 'kiosk-1', profile: hvidovre }, { card, pin });
}

/** What the kiosk's checkout rules (the same policy function) decide for the identified patron. */
async function borrowing(pin?: string) {
  const result = await verify(pin);
  if (result.outcome !== 'valid') return { identified: result.outcome };
  const block = borrowingBlock(hvidovre, result.patron);
  return { identified: 'valid', blocked: block.blocked, reason: block.reason, feesDkk: result.patron.feesDkk };
}

describe('the kiosk identifies offline for borrowing, not for entry', () => {
  it('an excluded patron over the debt limit is identified with their fees and refused the loan', async () => {
    await store.credentials.remember({ ...cached, excludedFromUnstaffed: true, feesDkk: 300 });
    expect(await borrowing()).toEqual({ identified: 'valid', blocked: true, reason: 'debt-threshold', feesDkk: 300 });
  });

  it('an excluded patron with a loan block is refused the loan', async () => {
    await store.credentials.remember({ ...cached, excludedFromUnstaffed: true, blocked: true });
    expect(await borrowing()).toMatchObject({ identified: 'valid', blocked: true, reason: 'ils-block' });
  });

  it('a card the library blocked altogether is refused the loan', async () => {
    await store.credentials.remember({ ...cached, doorBlocked: true, blocked: false });
    expect(await borrowing()).toMatchObject({ identified: 'valid', blocked: true });
  });

  it('unknown fees under a debt rule: the cache cannot vouch, so identification answers unavailable', async () => {
    await store.credentials.remember({ ...cached, feesDkk: null });
    expect(await borrowing()).toEqual({ identified: 'unavailable' });
  });

  it('a patron without blocks borrows; exclusion from unstaffed hours is the door’s rule, not the loan’s', async () => {
    await store.credentials.remember({ ...cached, excludedFromUnstaffed: true, feesDkk: 150 });
    expect(await borrowing()).toEqual({ identified: 'valid', blocked: false, reason: 'ok', feesDkk: 150 });
  });

  it('a wrong PIN and an unknown card are refused as before', async () => {
    await store.credentials.remember(cached);
    expect(await verify('0000')).toEqual({ outcome: 'wrong-pin', attemptsLeft: -1 });
    store.credentials.forget(card.patronId, clock.now());
    expect(await verify()).toEqual({ outcome: 'offline-unknown' });
  });
});
