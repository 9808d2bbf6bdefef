// Issue 12: a patron picks up a hold at the kiosk; the checkout fills the hold; the theft bit then
// cannot be written, so the kiosk takes the loan back with a checkin, and the hold is gone. The
// kiosk gives it back with SIP2 15 (hold, mode +). Real client, real simulated ILS, real TCP.
import { afterEach, describe, expect, it } from 'vitest';
import { Sip2Client } from '../../ils/client/sip2-client';
import { IlsOutcomeUnknownError } from '../../ils/errors';
import { DEMO, fbsRig, type Rig, sip2Rig } from './helpers';
import { field, type HostileServer, hostileSip2, STATUS_98 } from './hostile-acs';

const { patrons: p, items: i } = DEMO;
const DATE = '20261120    110000';

describe.each([
  { name: 'SIP2 over TCP', rig: () => sip2Rig() },
  { name: 'SIP2 over TCP, no error detection, ISO-8859-1', rig: () => sip2Rig({ errorDetection: false, encoding: 'iso-8859-1' }, { encoding: 'iso-8859-1' }) },
  { name: 'FBS', rig: () => fbsRig() },
])('placing a hold again after an undone checkout ($name)', ({ rig: start }) => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('checkout fills the hold, checkin puts the item on the shelf, placeHold puts it back on the patron\'s hold shelf', async () => {
    rig = await start();
    const { client, sim } = rig;
    await client.login();
    expect((await client.status()).supportedMessages?.hold).toBe(true);

    const picked = await client.checkout({ patronId: p.adultCard.id, itemId: i.reservedForAnother, pin: p.adultCard.pin });
    expect(picked).toMatchObject({ ok: true, itemId: i.reservedForAnother });
    expect((await client.patronInformation(p.adultCard.id)).holdsReady).toEqual([]);

    const undone = await client.checkin({ itemId: i.reservedForAnother });
    expect(undone).toMatchObject({ ok: true, alert: false });
    expect(sim.state.item(i.reservedForAnother)).toMatchObject({ title: 'Erindringer' });
    expect(sim.state.item(i.reservedForAnother)?.onLoanTo).toBeUndefined();
    expect(sim.state.item(i.reservedForAnother)?.holdShelfFor).toBeUndefined();
    expect((await client.patronInformation(p.adultCard.id)).holdsReady).toEqual([]);

    const held = await client.placeHold({ patronId: p.adultCard.id, itemId: i.reservedForAnother });
    expect(held).toEqual({ ok: true, available: true, itemId: i.reservedForAnother, queuePosition: 1, screenMessages: [] });
    expect(sim.state.item(i.reservedForAnother)).toMatchObject({ holdShelfFor: p.adultCard.id, reservedBy: p.adultCard.id });
    expect((await client.patronInformation(p.adultCard.id)).holdsReady.map((h) => h.itemId)).toEqual([i.reservedForAnother]);
    expect(await client.checkout({ patronId: p.adult.id, itemId: i.reservedForAnother })).toMatchObject({
      ok: false, screenMessages: ['The item is reserved for another patron'],
    });
    // The patron it is held for can still borrow it.
    expect(await client.checkout({ patronId: p.adultCard.id, itemId: i.reservedForAnother })).toMatchObject({ ok: true });
  });

  it('a refused hold is a result with the ILS\'s reason, not an error', async () => {
    rig = await start();
    const { client } = rig;
    expect(await client.placeHold({ patronId: p.adult.id, itemId: i.reservedForAnother })).toEqual({
      ok: false, available: false, itemId: i.reservedForAnother, screenMessages: ['The item is reserved for another patron'],
    });
    expect(await client.placeHold({ patronId: p.adult.id, itemId: 'no-such-item' })).toMatchObject({ ok: false, screenMessages: ['Unknown item'] });
    expect(await client.placeHold({ patronId: p.adultNoLoans.id, itemId: i.onLoan })).toMatchObject({ ok: true, available: false, queuePosition: 1 });
  });
});

describe('the SIP2 15 the client sends', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('is mode +, with AO, AA, AB and the kiosk location as pickup location (BS) unless another is given', async () => {
    rig = await sip2Rig({ errorDetection: false });
    await rig.client.placeHold({ patronId: p.adultCard.id, itemId: i.available[0] });
    await rig.client.placeHold({ patronId: p.adultCard.id, itemId: i.available[1], pickupLocation: 'Filial Øst' });
    const sent = rig.trace.filter((line) => line.startsWith('> 15'));
    expect(sent).toEqual([
      `> 15+${DATE}BSKiosk 1|AODK-775100|AA****|AB${i.available[0]}|AC|`,
      `> 15+${DATE}BSFilial Øst|AODK-775100|AA****|AB${i.available[1]}|AC|`,
    ]);
  });
});

describe('the hold answer must answer the hold asked for, and a hold is never sent blindly twice', () => {
  let server: HostileServer | undefined;
  let client: Sip2Client | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  const connect = async (answer16: (request: string) => string | null) => {
    server = await hostileSip2((request) => {
      if (request.startsWith('93')) return '941';
      if (request.startsWith('99')) return STATUS_98;
      if (request.startsWith('15')) return answer16(request);
      return null;
    });
    client = new Sip2Client({
      transport: 'tcp', host: '127.0.0.1', port: server.port, user: 'kiosk', password: 'kiosk', institution: 'DK-775100',
      errorDetection: false, heartbeatIntervalMs: 0, requestTimeoutMs: 200,
    });
    return { server, client };
  };

  it('takes a 16 about the item and patron asked for', async () => {
    const { client: c } = await connect((r) => `161N${DATE}BR2|AODK-775100|AA${field(r, 'AA') ?? ''}|AB${field(r, 'AB') ?? ''}|`);
    expect(await c.placeHold({ patronId: '40000009', itemId: '5000000099' })).toEqual({
      ok: true, available: false, itemId: '5000000099', queuePosition: 2, screenMessages: [],
    });
  });

  it('refuses a 16 about another item (or patron): outcome unknown, the 15 not sent again', async () => {
    const { client: c, server: s } = await connect((r) => `161Y${DATE}AODK-775100|AA${field(r, 'AA') ?? ''}|AB5000000001|`);
    await expect(c.placeHold({ patronId: '40000009', itemId: '5000000099' })).rejects.toBeInstanceOf(IlsOutcomeUnknownError);
    expect(s.requests.filter((r) => r.startsWith('15'))).toHaveLength(1);
    await c.close();
    await s.close();
    const other = await connect((r) => `161Y${DATE}AODK-775100|AA40000001|AB${field(r, 'AB') ?? ''}|`);
    await expect(other.client.placeHold({ patronId: '40000009', itemId: '5000000099' })).rejects.toBeInstanceOf(IlsOutcomeUnknownError);
  });

  it('a lost answer is outcome unknown, and the 15 is not sent again', async () => {
    const { client: c, server: s } = await connect(() => null);
    await expect(c.placeHold({ patronId: '40000009', itemId: '5000000099' })).rejects.toBeInstanceOf(IlsOutcomeUnknownError);
    expect(s.requests.filter((r) => r.startsWith('15'))).toHaveLength(1);
  });
});
