// Issue 12: some ILSs take an empty PIN as a valid one. The kiosk and the door never ask with an
// empty PIN (AD), and only an explicit "valid PIN" (CQ = Y) verifies a patron.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Sip2Client } from '../../ils/client/sip2-client';
import { type Ils } from '../../ils/ils-port';
import { PATRON_STATUS_FLAGS } from '../../ils/sip2/fixed';
import { PatronVerifier } from '../../runtime/patrons/patron-verifier';
import { silentLogger } from '../../runtime/log';
import { doorGuards } from '../../state-machines/door/door-guards';
import { DEFAULT_DOOR_CONFIG, type DoorContext } from '../../state-machines/door/door-types';
import { identifyGuards } from '../../state-machines/identify/identify-guards';
import { DEFAULT_IDENTIFY_CONFIG, type IdentifyContext } from '../../state-machines/identify/identify-types';
import { card, fakeDoorRules } from '../../state-machines/fakes.testkit';
import { openStore, type Store } from '../../store/index';
import { field, type HostileServer, hostileSip2, STATUS_98 } from './hostile-acs';

const CARD = '40000009';
const DATE = '20261120    100000';
const answer64 = (fields: string) => `64${' '.repeat(14)}009${DATE}${'0000'.repeat(6)}AODK-775100|AA${CARD}|AEMallory Mallorysen|BLY|${fields}`;

/** A lax ACS: every 63 gets the same answer, whatever PIN came with it. */
async function laxAcs(fields: string): Promise<{ server: HostileServer; client: Sip2Client }> {
  const server = await hostileSip2((request) => {
    if (request.startsWith('93')) return '941';
    if (request.startsWith('99')) return STATUS_98;
    if (request.startsWith('63')) return answer64(fields);
    return null;
  });
  const client = new Sip2Client({
    transport: 'tcp', host: '127.0.0.1', port: server.port, user: 'kiosk', password: 'kiosk', institution: 'DK-775100',
    errorDetection: false, heartbeatIntervalMs: 0, requestTimeoutMs: 400, loanDueDates: false,
  });
  return { server, client };
}

describe('the SIP2 client with an empty PIN and CQ', () => {
  let rig: { server: HostileServer; client: Sip2Client } | undefined;
  afterEach(async () => {
    await rig?.client.close();
    await rig?.server.close();
    rig = undefined;
  });

  it('never asks the ILS with an empty PIN: an ILS that would say CQ=Y to it is not asked at all', async () => {
    rig = await laxAcs('CQY|');
    expect(await rig.client.verifyPatron(CARD, '')).toEqual({ result: 'wrong-pin' });
    expect(rig.server.requests.filter((r) => r.startsWith('63'))).toEqual([]);
  });

  it('patron information with an empty PIN sends no AD at all and reports no PIN check', async () => {
    rig = await laxAcs('CQY|');
    const patron = await rig.client.patronInformation(CARD, { pin: '', lists: [] });
    const sent = rig.server.requests.filter((r) => r.startsWith('63'));
    expect(sent).toHaveLength(1);
    expect(field(sent[0] ?? '', 'AD')).toBeUndefined();
    expect(patron.pinValid).toBeUndefined();
  });

  it.each([
    ['no CQ', ''],
    ['CQ=N', 'CQN|'],
    ['CQ empty', 'CQ|'],
    ['CQ lower case y', 'CQy|'],
    ['CQ=U', 'CQU|'],
  ])('only CQ=Y verifies a PIN (%s is a wrong PIN)', async (_name, fields) => {
    rig = await laxAcs(fields);
    expect(await rig.client.verifyPatron(CARD, '1234')).toEqual({ result: 'wrong-pin' });
  });

  it('CQ=Y with a PIN verifies', async () => {
    rig = await laxAcs('CQY|');
    expect(await rig.client.verifyPatron(CARD, '1234')).toMatchObject({ result: 'ok' });
    expect(field(rig.server.requests.find((r) => r.startsWith('63')) ?? '', 'AD')).toBe('1234');
  });
});

describe('the door and kiosk verifier with an empty PIN', () => {
  let dir: string;
  let store: Store;
  afterEach(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an empty PIN without asking the ILS or the credential cache', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-empty-pin-'));
    store = openStore({ dataDir: dir, pinHashCost: { N: 16, r: 1, p: 1 } });
    let asked = 0;
    const lax = {
      link: { state: 'online', subscribe: () => () => undefined },
      verifyPatron: async () => {
        asked += 1;
        const flags = Object.fromEntries(PATRON_STATUS_FLAGS.map((f) => [f, false]));
        return { result: 'ok', patron: { patronId: '40000009', valid: true, pinValid: true, excludedFromUnstaffed: false, flags, fees: { fines: [] }, loans: [], holdsReady: [], holdsPending: [], screenMessages: [] } };
      },
    } as unknown as Ils;
    const verifier = new PatronVerifier({ ils: lax, store, clock: { now: () => new Date() }, log: silentLogger, place: 'door-1', maxFailedPins: 5 });
    const read = card('40000009');
    expect((await verifier.verifyPin({ card: read, pin: '' })).outcome).toBe('wrong-pin');
    expect((await verifier.verifyCached({ card: read, pin: '' })).outcome).toBe('wrong-pin');
    expect(asked).toBe(0);
  }, 60_000);
});

describe('PIN entry at the door and the kiosk', () => {
  const noPinMinimum = { pinMinLength: 0, pinMaxLength: 6 };

  it('an empty PIN is never complete, whatever the configured minimum', () => {
    const identify: IdentifyContext = { config: { ...DEFAULT_IDENTIFY_CONFIG, ...noPinMinimum }, card: card('1'), pin: '', patron: null, source: null, refusal: null };
    expect(identifyGuards.pinComplete({ context: identify, event: { type: 'PIN_ENTER' } })).toBe(false);
    expect(identifyGuards.pinComplete({ context: { ...identify, pin: '1' }, event: { type: 'PIN_ENTER' } })).toBe(true);

    const guards = doorGuards(fakeDoorRules(() => new Date('2025-03-10T12:00:00.000Z')));
    const door: DoorContext = {
      config: { ...DEFAULT_DOOR_CONFIG, ...noPinMinimum }, card: card('0101801234'), pin: '', attemptAt: '2025-03-10T12:00:00.000Z',
      patron: null, source: null, outcome: null, companion: null,
    };
    expect(guards.pinComplete({ context: door, event: { type: 'PIN_ENTER' } })).toBe(false);
    expect(guards.pinComplete({ context: { ...door, pin: '1' }, event: { type: 'PIN_ENTER' } })).toBe(true);
  });
});
