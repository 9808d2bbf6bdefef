import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Ils, type PatronInformation } from '../../ils/ils-port';
import { openStore, type Store } from '../../store/index';
import { type CardRead } from '../../state-machines/ports';
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
