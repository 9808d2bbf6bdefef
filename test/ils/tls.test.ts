// Raw SIP2 over TLS between the client and the simulated ILS, with a throw-away
// self-signed certificate made by openssl.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sip2Client } from '../../ils/client/sip2-client';
import { IlsUnavailableError } from '../../ils/errors';
import { DEMO_DATA } from '../../ils/sim/demo-data';
import { SimIls } from '../../ils/sim/sim-ils';
import { requireTool } from '../support/required-tools';
import { CLOCK, DEMO, selfSignedCert } from './helpers';


describe.skipIf(!requireTool('openssl'))('SIP2 over TLS', () => {
  let dir: string;
  let key: Buffer;
  let cert: Buffer;
  let sim: SimIls;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ils-tls-'));
    ({ key, cert } = selfSignedCert(dir));
    sim = new SimIls({ data: structuredClone(DEMO_DATA), clock: CLOCK });
    port = (await sim.listenSip2({ tls: { key, cert } })).port;
  });

  afterAll(async () => {
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in and checks out over TLS when the certificate is trusted', async () => {
    const client = new Sip2Client({ transport: 'tls', host: '127.0.0.1', port, tls: { ca: cert }, user: 'kiosk', password: 'kiosk', institution: DEMO.institution, heartbeatIntervalMs: 0, requestTimeoutMs: 1000, clock: CLOCK });
    try {
      await client.login();
      expect(await client.checkout({ patronId: DEMO.patrons.adult.id, itemId: DEMO.items.available[3] })).toMatchObject({ ok: true, title: 'Min kamp 1' });
      expect(sim.state.item(DEMO.items.available[3])?.onLoanTo).toBe(DEMO.patrons.adult.id);
    } finally {
      await client.close();
    }
  });

  it('refuses an ILS whose certificate it does not trust', async () => {
    const client = new Sip2Client({ transport: 'tls', host: '127.0.0.1', port, user: 'kiosk', password: 'kiosk', institution: DEMO.institution, heartbeatIntervalMs: 0, requestTimeoutMs: 1000 });
    try {
      await expect(client.status()).rejects.toBeInstanceOf(IlsUnavailableError);
    } finally {
      await client.close();
    }
  });
});
