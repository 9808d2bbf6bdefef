// The client through the FBS envelope (SIP2 in XML over HTTP) against the simulated FBS:
// no login message, no error detection, no CR; `%` lists and `LN:` ids read back.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { IlsProtocolError } from '../../ils/errors';
import { DEMO_DATA } from '../../ils/sim/demo-data';
import { FBS_CLIENT_REQUESTS } from './fixtures/recorded-messages';
import { DEMO, fbsRig, type Rig } from './helpers';

const { patrons: p, items: i } = DEMO;

describe('FBS transport against the simulated FBS', () => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('sends plain SIP2 in the envelope: no 93, no AY/AZ, no CR', async () => {
    rig = await fbsRig();
    await rig.client.login();
    expect(rig.trace[0]).toBe('> 9900402.00');
    expect(rig.trace.some((l) => l.startsWith('> 93'))).toBe(false);
    expect(rig.trace.every((l) => !/AY\dAZ/.test(l))).toBe(true);
    expect(rig.client.link.state).toBe('online');
  });

  it('verifies a patron and reads % lists: loans with due dates and titles, holds ready and pending', async () => {
    rig = await fbsRig();
    expect(await rig.client.verifyPatron(p.adult.id, '0000')).toEqual({ result: 'wrong-pin' });
    const anna = await rig.client.patronInformation(p.adult.id, { pin: p.adult.pin });
    expect(anna.patronId).toBe(p.adult.id);
    expect(anna.loans.map((l) => [l.itemId, l.dueDate?.toISOString(), l.title, l.author])).toEqual([
      [i.onLoan, '2026-11-30T23:00:00.000Z', 'Kongens Fald', 'Johannes V. Jensen'],
      [i.onLoanReserved, '2026-12-04T23:00:00.000Z', "Smilla's fornemmelse for sne", 'Peter Høeg'],
      [i.interlibrary, '2026-12-09T23:00:00.000Z', 'Gammel dansk ordbog', 'Verner Dahlerup'],
    ]);
    // One 63 asked for every list at once, as FBS clients do.
    expect(rig.trace.filter((l) => l.startsWith('> 63'))).toHaveLength(2);
    const bo = await rig.client.patronInformation(p.adultCard.id, { pin: p.adultCard.pin });
    expect(bo.holdsReady).toEqual([{ bibliographicId: i.reservedForAnother, itemId: i.reservedForAnother, pickupBy: new Date('2026-11-26T23:00:00.000Z'), pickupLocation: 'Hovedbiblioteket', title: 'Erindringer' }]);
    expect(bo.holdsPending).toEqual([{ bibliographicId: i.onLoanReserved, itemId: i.onLoanReserved, title: "Smilla's fornemmelse for sne" }]);
    const owes = await rig.client.feeStatus(p.owes250.id, p.owes250.pin);
    expect(owes).toMatchObject({ total: 250, currency: 'DKK' });
    expect(owes.fines[0]).toMatchObject({ amount: 250, fineId: 'fee-2004', title: 'Outstanding fees' });
  });

  it('checks out, checks in (hold shelf, other branch), renews, renews all, reads items, ends the session', async () => {
    rig = await fbsRig();
    const out = await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0], pin: p.adultNoLoans.pin });
    expect(out).toMatchObject({ ok: true, title: 'Kaptajn Bimse', renewal: false });
    expect(out.transactionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rig.client.checkout({ patronId: p.adult.id, itemId: i.available[0] })).toMatchObject({ ok: false, screenMessages: ['The item is on loan to another patron'] });
    expect(await rig.client.checkin({ itemId: i.onLoanReserved })).toMatchObject({ ok: true, alertType: 'hold-here', holdPatronId: p.adultCard.id, permanentLocation: 'Hovedbiblioteket%Voksen%%' });
    expect(await rig.client.checkin({ itemId: i.otherBranch })).toMatchObject({ ok: true, alertType: 'send-to-other-branch', destination: 'Filial Øst' });
    expect(await rig.client.renew({ patronId: p.adult.id, itemId: i.onLoan, pin: p.adult.pin })).toMatchObject({ ok: true, title: 'Kongens Fald' });
    const all = await rig.client.renewAll(p.adult.id, p.adult.pin);
    expect(all.renewed.map((r) => [r.itemId, r.title])).toEqual([[i.onLoan, 'Kongens Fald'], [i.interlibrary, 'Gammel dansk ordbog']]);
    expect(await rig.client.itemInformation(i.onLoanReserved)).toMatchObject({ circulationStatus: 'on-hold-shelf', title: "Smilla's fornemmelse for sne" });
    expect(await rig.client.endSession(p.adult.id)).toBe(true);
    expect(await rig.client.feePaid({ patronId: p.owes199.id, amount: 199 })).toMatchObject({ accepted: true });
    expect(rig.sim.state.patron(p.owes199.id)?.feesDkk).toBe(0);
  });

  it('reports an <error> answer (wrong envelope credentials) as a protocol error', async () => {
    rig = await fbsRig({ password: 'wrong' });
    await expect(rig.client.status()).rejects.toThrow(IlsProtocolError);
    await expect(rig.client.status()).rejects.toThrow('FBS answered with an error: Login failed: unknown login or wrong password');
  });

  // Issue 12: the request exactly as BibBox's FBS client sends it (the recorded fixture, byte for
  // byte: summary of nine Y, `|` right after it), and variations real clients send.
  const MICKEY = { id: '3210519784', pin: '12345', name: 'Testkort Mickey Mouse' };
  const withMickey = () => fbsRig({}, { data: { ...structuredClone(DEMO_DATA), patrons: [...structuredClone(DEMO_DATA.patrons), MICKEY] } });

  it('answers the recorded BibBox 63 byte for byte with a proper 64', async () => {
    rig = await withMickey();
    const xml = await postFbs(rig, FBS_CLIENT_REQUESTS.patronInformation);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?><ns2:sip xmlns:ns2="http:\/\/axiell.com\/Schema\/sip.xsd"><response>64 {14}00920261120 {4}110000(\d{4}){6}AODK-775100\|AALN:3210519784\|AETestkort Mickey Mouse\|BLY\|CQY\|/);
    expect(xml).toMatch(/\|AS\|AT\|AU\|AV\|BU\|CD\|<\/response><\/ns2:sip>$/);
  });

  it('is liberal where real clients are: padded fixed fields, a fixed part cut short, missing optional fields', async () => {
    rig = await withMickey();
    const head = '6300920170619    125152';
    for (const request of [
      `${head}YYYYYYYYYY  |AODK-775100|AA3210519784|AC|AD12345|`, // padded past the fixed part
      `${head}Y|AODK-775100|AA3210519784|AD12345|`, // summary cut short, no AC
      `${head}YYYYYYYYY|AODK-775100|AA3210519784|`, // no AC, no AD
    ]) {
      expect(await postFbs(rig, request)).toMatch(/<response>64 {14}009\d{8} {4}\d{6}(\d{4}){6}AODK-775100\|AALN:3210519784\|AETestkort Mickey Mouse\|BLY\|/);
    }
    expect(await postFbs(rig, '630092017')).toMatch(/<error>ERROR INPUT \(too-short\)<\/error>/);
  });
});

/** POSTs `message` to the simulated FBS in BibBox's envelope; the answer's XML. */
async function postFbs(rig: Rig, message: string): Promise<string> {
  const url = new URL((await rig.sim.listenFbs()).url);
  const body =
    '<?xml version="1.0" encoding="UTF-8"?><ns1:sip password="kiosk" login="kiosk" xsi:schemaLocation="http://axiell.com/Schema/sip.xsd" xmlns:ns1="http://axiell.com/Schema/sip.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `  <request>${message}</request></ns1:sip>`;
  return new Promise<string>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/xml' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end(body);
  });
}
