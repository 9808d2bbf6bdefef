import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ils, PatronInformation } from '../../ils';
import { openStore, type Store } from '../../store/index';
import type { CardRead } from '../../state-machines';
import { silentLogger } from '../log';
import { PatronVerifier } from './patron-verifier';

const VALID = { id: '40000001', pin: '2345' };
const card = (patronId: string): CardRead => ({ kind: 'library-card', patronId, masked: '*****001' });

function patron(id: string): PatronInformation {
  const flags = Object.fromEntries(
    ['chargePrivilegesDenied', 'renewalPrivilegesDenied', 'recallPrivilegesDenied', 'holdPrivilegesDenied', 'cardReportedLost', 'tooManyItemsCharged', 'tooManyItemsOverdue', 'tooManyRenewals', 'tooManyClaimsOfItemsReturned', 'tooManyItemsLost', 'excessiveOutstandingFines', 'excessiveOutstandingFees', 'recallOverdue', 'tooManyItemsBilled'].map((f) => [f, false]),
  );
  return { patronId: id, valid: true, pinValid: true, name: 'Bo Berg', birthDate: '1972-05-20', excludedFromUnstaffed: false, flags, fees: { fines: [] }, loans: [], holdsReady: [], holdsPending: [], screenMessages: [] } as unknown as PatronInformation;
}

// An ILS that knows one patron: everything else is an unknown card.
const ils = {
  link: { state: 'online', subscribe: () => () => undefined },
  verifyPatron: async (id: string, pin: string) => (id === VALID.id ? (pin === VALID.pin ? { result: 'ok', patron: patron(id) } : { result: 'wrong-pin' }) : { result: 'unknown-patron' }),
} as unknown as Ils;

let dir: string;
let store: Store;
afterEach(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('patron verification at the door', () => {
  it('after a burst of failures, throttles refusals but never a valid patron', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-verifier-'));
    store = openStore({ dataDir: dir, pinHashCost: { N: 16, r: 1, p: 1 } });
    const verifier = new PatronVerifier({ ils, store, clock: { now: () => new Date() }, log: silentLogger, place: 'door-1', maxFailedPins: 5 });
    for (let i = 0; i < 12; i += 1) store.pinAttempts.recordFailure(null, 'door-1');
    expect(store.pinAttempts.check(null, 'door-1').delayMs).toBeGreaterThanOrEqual(1000);

    let refused: unknown = null;
    const guessing = verifier.verifyPin({ card: card('99999999'), pin: '0000' }).then((r) => (refused = r));
    const valid = await verifier.verifyPin({ card: card(VALID.id), pin: VALID.pin });
    expect(valid).toMatchObject({ outcome: 'valid', source: 'ils', patron: { name: 'Bo Berg', birthDate: '1972-05-20' } });
    expect(refused).toBeNull(); // the guess is still being slowed down
    expect(await guessing).toEqual({ outcome: 'unknown-card' });
  }, 60_000);

  it('counts wrong PINs per card and locks the card at the profile limit', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-verifier-'));
    store = openStore({ dataDir: dir, pinHashCost: { N: 16, r: 1, p: 1 } });
    const verifier = new PatronVerifier({ ils, store, clock: { now: () => new Date() }, log: silentLogger, place: 'door-1', maxFailedPins: 5 });
    const outcomes = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await verifier.verifyPin({ card: card(VALID.id), pin: '0000' }));
    expect(outcomes.map((o) => o.outcome)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'card-locked']);
    expect(outcomes[0]).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 });
    expect((await verifier.verifyPin({ card: card(VALID.id), pin: VALID.pin })).outcome).toBe('card-locked');
  }, 60_000);
});

describe('the ILS answer is final, and reaches the cache first', () => {
  const setUp = (answer: Ils['verifyPatron'], linkState: 'online' | 'offline' = 'online') => {
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-verifier-'));
    store = openStore({ dataDir: dir, pinHashCost: { N: 16, r: 1, p: 1 } });
    const fake = { link: { state: linkState, subscribe: () => () => undefined }, verifyPatron: answer } as unknown as Ils;
    return new PatronVerifier({ ils: fake, store, clock: { now: () => new Date() }, log: silentLogger, place: 'door-1', maxFailedPins: 5 });
  };
  const cachedFacts = { birthDate: '1972-05-20', ageBand: null, cardLost: false, excludedFromUnstaffed: false, blocked: false, feesDkk: 0 };

  it('a wrong PIN from the ILS removes the cached credential: the old PIN no longer works offline', async () => {
    const verifier = setUp(async () => ({ result: 'wrong-pin' }) as Awaited<ReturnType<Ils['verifyPatron']>>);
    await store.credentials.remember({ cardNumber: VALID.id, pin: VALID.pin, ...cachedFacts });
    expect(await verifier.verifyPin({ card: card(VALID.id), pin: VALID.pin })).toMatchObject({ outcome: 'wrong-pin' });
    expect(await verifier.verifyCached({ card: card(VALID.id), pin: VALID.pin })).toEqual({ outcome: 'offline-unknown' });
  });

  it('a lost card reported by the ILS is marked in the cache at once, before the background refresh', async () => {
    const lost = patron(VALID.id);
    (lost.flags as Record<string, boolean>).cardReportedLost = true;
    const verifier = setUp(async () => ({ result: 'ok', patron: lost }) as Awaited<ReturnType<Ils['verifyPatron']>>);
    await store.credentials.remember({ cardNumber: VALID.id, pin: VALID.pin, ...cachedFacts });
    expect(await verifier.verifyPin({ card: card(VALID.id), pin: VALID.pin })).toMatchObject({ outcome: 'valid', patron: { cardLost: true } });
    const offline = await store.offline.verifyForEntry({ cardNumber: VALID.id, pin: VALID.pin, door: 'door-1' });
    expect(offline).toMatchObject({ ok: false, refusal: 'card-lost' });
  });

  it('answers unavailable (the cache decides) only when the ILS could not answer', async () => {
    const { IlsUnavailableError } = await import('../../ils');
    const failing = setUp(async () => {
      throw new IlsUnavailableError('no answer within 5000 ms');
    });
    expect(await failing.verifyPin({ card: card(VALID.id), pin: VALID.pin })).toMatchObject({ outcome: 'unavailable' });
    store.close();
    rmSync(dir, { recursive: true, force: true });
    const offline = setUp(async () => {
      throw new Error('must not be asked');
    }, 'offline');
    expect(await offline.verifyPin({ card: card(VALID.id), pin: VALID.pin })).toMatchObject({ outcome: 'unavailable' });
  });

  it('keeps a card the library blocked out offline too, with the right reason; debt alone does not', async () => {
    const verifier = setUp(async () => ({ result: 'wrong-pin' }) as Awaited<ReturnType<Ils['verifyPatron']>>);
    await store.credentials.remember({ cardNumber: 'blocked', pin: '1111', ...cachedFacts, blocked: true, doorBlocked: true });
    await store.credentials.remember({ cardNumber: 'owes', pin: '1111', ...cachedFacts, blocked: true, feesDkk: 250 });
    expect(await verifier.verifyCached({ card: card('blocked'), pin: '1111' })).toMatchObject({ outcome: 'valid', patron: { blocked: true } });
    expect(await verifier.verifyCached({ card: card('owes'), pin: '1111' })).toMatchObject({ outcome: 'valid', patron: { blocked: false, birthDate: '1972-05-20' } });
  });
});
