// Issue 12, FBS dialect end to end (client + door verifier against a scripted FBS endpoint):
// an `LN:`-prefixed patron id is the card that was sent (another number is refused), and the
// ILS's birth date (PB) wins over the one the health card's CPR gives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Sip2Client } from '../../ils/client/sip2-client';
import { PatronVerifier } from '../../runtime/patrons/patron-verifier';
import { silentLogger } from '../../runtime/log';
import { type CardRead } from '../../state-machines/ports';
import { openStore, type Store } from '../../store/index';
import { fbsEnvelope, fbsMessage, field, type HostileServer, hostileHttp, STATUS_98 } from './hostile-acs';

const CPR = '0101801234';
const DATE = '20261120    100000';
const stripe: CardRead = { kind: 'health-card', patronId: CPR, masked: '******-****', cprBirthDate: '1980-01-01' };

/** An FBS endpoint that answers every 63 with `answerId` as AA and PB 2000-04-05. */
function fbs(answerId: (sent: string) => string): Promise<HostileServer> {
  return hostileHttp((_req, res, body) => {
    const request = fbsMessage(body);
    const message = request.startsWith('63')
      ? `64${' '.repeat(14)}009${DATE}${'0000'.repeat(6)}AODK-775100|AA${answerId(field(request, 'AA') ?? '')}|AETestkort|BLY|CQY|BHDKK|BV0.00|PB20000405|`
      : STATUS_98;
    res.writeHead(200, { 'content-type': 'application/xml;charset=UTF-8' });
    res.end(fbsEnvelope(message));
  });
}

describe('FBS patron identity and birth date at the door', () => {
  let server: HostileServer | undefined;
  let client: Sip2Client | undefined;
  let dir: string;
  let store: Store | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function verifierFor(answerId: (sent: string) => string): Promise<PatronVerifier> {
    server = await fbs(answerId);
    client = new Sip2Client({ transport: 'fbs', fbsUrl: `http://127.0.0.1:${server.port}/rest/sip2/DK-775100`, user: 'u', password: 'p', institution: 'DK-775100', heartbeatIntervalMs: 0, requestTimeoutMs: 400 });
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-fbs-identity-'));
    store = openStore({ dataDir: dir, pinHashCost: { N: 16, r: 1, p: 1 } });
    return new PatronVerifier({ ils: client, store, clock: { now: () => new Date() }, log: silentLogger, place: 'door-1', maxFailedPins: 5 });
  }

  it('AALN:<the CPR sent> is that patron; PB wins over the CPR birth date', async () => {
    const verifier = await verifierFor((sent) => `LN:${sent}`);
    const result = await verifier.verifyPin({ card: stripe, pin: '1234' });
    expect(result).toMatchObject({ outcome: 'valid', source: 'ils', patron: { birthDate: '2000-04-05' } });
    const info = await client?.patronInformation(CPR, { pin: '1234', lists: [] });
    expect(info).toMatchObject({ patronId: CPR, birthDate: '2000-04-05' });
  }, 60_000);

  it('AALN:<another number> is not an answer about this card: refused as unusable, never valid', async () => {
    const verifier = await verifierFor(() => 'LN:0101801235');
    expect(await verifier.verifyPin({ card: stripe, pin: '1234' })).toMatchObject({ outcome: 'unavailable', answered: true });
  }, 60_000);
});
