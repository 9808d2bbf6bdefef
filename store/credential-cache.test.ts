import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, MovingClock, openTestStore, tempDir, type TempDir } from '../test/store/helpers';
import type { CachedFacts as PatronFacts, VerifiedPatron } from './credential-cache';
import type { Store } from './open-store';

const facts: PatronFacts = { birthDate: '1990-01-01', ageBand: null, cardLost: false, excludedFromUnstaffed: false, blocked: false, feesDkk: 0 };
const adult: VerifiedPatron = { ...facts, cardNumber: '0101901234', pin: '4711' };

let tmp: TempDir;
let clock: MovingClock;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  clock = new MovingClock('2026-03-02T10:00:00Z');
  store = openTestStore(tmp.dir, clock, { offline: { credentialCacheDays: 30 } });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('credential cache', () => {
  it('answers a known card with the right PIN with the cached facts', async () => {
    const key = await store.credentials.remember(adult);
    const result = await store.credentials.verifyOffline('0101901234', '4711');
    expect(result).toEqual({
      ok: true,
      patron: {
        ...facts,
        doorBlocked: false,
        cardKey: key,
        verifiedAt: new Date('2026-03-02T10:00:00Z'),
        expiresAt: new Date('2026-04-01T10:00:00Z'),
      },
    });
  });

  it('refuses a wrong PIN: unlike BibBox, any PIN is not good enough offline', async () => {
    await store.credentials.remember(adult);
    for (const pin of ['0000', '4712', '471', '47110', '', ' 4711', '1174']) {
      const result = await store.credentials.verifyOffline('0101901234', pin);
      expect(result).toEqual({ ok: false, refusal: 'wrong-pin', cardKey: store.cardKey('0101901234') });
    }
  });

  it('refuses an unknown card', async () => {
    await store.credentials.remember(adult);
    expect(await store.credentials.verifyOffline('0202021234', '4711')).toEqual({ ok: false, refusal: 'unknown-card', cardKey: store.cardKey('0202021234') });
  });

  it('expires entries after the configured days: 30 days minus 1 ms still works, 30 days does not', async () => {
    await store.credentials.remember(adult);
    clock.advance(30 * DAY - 1);
    expect((await store.credentials.verifyOffline('0101901234', '4711')).ok).toBe(true);
    clock.advance(1);
    expect(await store.credentials.verifyOffline('0101901234', '4711')).toMatchObject({ ok: false, refusal: 'expired' });
    expect(store.purgeExpired().credentials).toBe(1);
    expect(await store.credentials.verifyOffline('0101901234', '4711')).toMatchObject({ ok: false, refusal: 'unknown-card' });
  });

  it('is refreshed by every online visit: new PIN, new facts, new expiry', async () => {
    await store.credentials.remember(adult);
    clock.advance(20 * DAY);
    await store.credentials.remember({ ...adult, pin: '9999', cardLost: true });
    expect(await store.credentials.verifyOffline('0101901234', '4711')).toMatchObject({ ok: false, refusal: 'wrong-pin' });
    clock.advance(20 * DAY);
    const result = await store.credentials.verifyOffline('0101901234', '9999');
    expect(result).toMatchObject({ ok: true, patron: { cardLost: true, verifiedAt: new Date('2026-03-22T10:00:00Z') } });
    expect(store.credentials.count()).toBe(1);
  });

  it('keeps the newer verification when an older one finishes hashing last', async () => {
    const newer = store.credentials.remember({ ...adult, pin: '2222', verifiedAt: new Date('2026-03-02T10:00:05Z') });
    await newer;
    await store.credentials.remember({ ...adult, pin: '1111', verifiedAt: new Date('2026-03-02T10:00:00Z') });
    expect((await store.credentials.verifyOffline('0101901234', '2222')).ok).toBe(true);
    expect((await store.credentials.verifyOffline('0101901234', '1111')).ok).toBe(false);
  });

  it('does not revive a card forgotten while an older verification was still hashing', async () => {
    // 10:00:00 the ILS says yes (the hash is queued); 10:00:02 it says the PIN is wrong.
    store.credentials.rememberInBackground({ ...adult, verifiedAt: new Date('2026-03-02T10:00:00Z') });
    expect(store.credentials.forget('0101901234', new Date('2026-03-02T10:00:02Z'))).toBe(false);
    await store.credentials.settled();
    expect(store.credentials.count()).toBe(0);
    expect(await store.credentials.verifyOffline('0101901234', '4711')).toMatchObject({ ok: false, refusal: 'unknown-card' });
  });

  it('keeps facts the ILS gave after an older verification that finishes hashing last', async () => {
    // Queued behind another card's hash, so the refresh below lands before the write.
    store.credentials.rememberInBackground({ ...adult, cardNumber: '0202021234', verifiedAt: new Date('2026-03-02T09:59:00Z') });
    store.credentials.rememberInBackground({ ...adult, verifiedAt: new Date('2026-03-02T10:00:00Z') });
    store.credentials.refreshFacts('0101901234', { ...facts, cardLost: true }, new Date('2026-03-02T10:00:02Z'));
    await store.credentials.settled();
    expect(await store.credentials.verifyOffline('0101901234', '4711')).toMatchObject({ ok: true, patron: { cardLost: true } });
  });

  it('still remembers a card verified again after it was forgotten', async () => {
    store.credentials.rememberInBackground({ ...adult, cardNumber: '0202021234' });
    store.credentials.forget('0101901234', new Date('2026-03-02T10:00:00Z'));
    store.credentials.rememberInBackground({ ...adult, pin: '2222', verifiedAt: new Date('2026-03-02T10:00:03Z') });
    await store.credentials.settled();
    expect(await store.credentials.verifyOffline('0101901234', '2222')).toMatchObject({ ok: true });
  });

  it('refreshes in the background, off the caller\'s path, in order', async () => {
    store.credentials.rememberInBackground({ ...adult, pin: '1111' });
    store.credentials.rememberInBackground({ ...adult, pin: '2222', blocked: true });
    expect(store.credentials.count()).toBe(0); // nothing written synchronously
    await store.credentials.settled();
    expect(await store.credentials.verifyOffline('0101901234', '2222')).toMatchObject({ ok: true, patron: { blocked: true } });
  });

  it('reports a failed background refresh instead of throwing into the door', async () => {
    const errors: Error[] = [];
    const other = openTestStore(tmp.dir, clock, { onBackgroundError: (e) => errors.push(e) });
    other.close();
    other.credentials.rememberInBackground(adult);
    await other.credentials.settled();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/not open/);
  });

  it('updates blocking facts without a PIN (and without touching the hash)', async () => {
    await store.credentials.remember(adult);
    expect(store.credentials.refreshFacts('0101901234', { ...facts, excludedFromUnstaffed: true, feesDkk: 250 })).toBe(true);
    expect(store.credentials.refreshFacts('9999999999', facts)).toBe(false);
    expect(await store.credentials.verifyOffline('0101901234', '4711')).toMatchObject({ ok: true, patron: { excludedFromUnstaffed: true, feesDkk: 250 } });
  });

  it('keeps an age band when the ILS sends no birth date', async () => {
    await store.credentials.remember({ ...adult, birthDate: null, ageBand: 'under-15' });
    expect(await store.credentials.verifyOffline('0101901234', '4711')).toMatchObject({ ok: true, patron: { birthDate: null, ageBand: 'under-15' } });
  });

  it('forgets a card the ILS no longer knows', async () => {
    await store.credentials.remember(adult);
    expect(store.credentials.forget('0101901234')).toBe(true);
    expect(store.credentials.count()).toBe(0);
  });
});
