// Every operation of the Ils port against the simulated ILS over real TCP on 127.0.0.1,
// with SIP2 error detection on and off, in UTF-8 and ISO-8859-1.
import { afterEach, describe, expect, it } from 'vitest';
import { IlsLoginError, IlsUnavailableError } from '../../ils/errors';
import { DEMO, type Rig, sip2Rig } from './helpers';

const { patrons: p, items: i } = DEMO;

describe.each([
  { errorDetection: true, encoding: 'utf-8' as const },
  { errorDetection: false, encoding: 'utf-8' as const },
  { errorDetection: true, encoding: 'iso-8859-1' as const },
])('SIP2 client against the simulated ILS (error detection $errorDetection, $encoding)', ({ errorDetection, encoding }) => {
  let rig: Rig;
  const start = async () => {
    rig = await sip2Rig({ errorDetection, encoding }, { encoding });
    return rig;
  };
  afterEach(async () => rig?.close());

  it('logs in and reads the ACS status', async () => {
    const { client, trace } = await start();
    await client.login();
    const status = await client.status();
    expect(status).toMatchObject({ online: true, checkoutOk: true, checkinOk: true, protocolVersion: '2.00', institutionId: 'DK-775100', libraryName: 'Demobiblioteket' });
    expect(status.supportedMessages).toMatchObject({ checkout: true, renewAll: true, hold: true, login: true });
    expect(status.dateTimeSync?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(trace[0]).toBe(errorDetection ? '> 9300CNkiosk|CO****|CPKiosk 1|AY0AZ****' : '> 9300CNkiosk|CO****|CPKiosk 1|');
    expect(trace[1]).toBe(errorDetection ? '< 941AY0AZFDFD' : '< 941');
    expect(client.link.state).toBe('online');
  });

  it('verifies a patron: right PIN, wrong PIN, unknown card', async () => {
    const { client } = await start();
    const ok = await client.verifyPatron(p.adult.id, p.adult.pin);
    expect(ok.result).toBe('ok');
    if (ok.result !== 'ok') return;
    expect(ok.patron).toMatchObject({ patronId: p.adult.id, valid: true, pinValid: true, name: 'Anna Andersen', birthDate: '1980-03-01', category: 'VOKSEN', excludedFromUnstaffed: false });
    expect(await client.verifyPatron(p.adult.id, '0000')).toEqual({ result: 'wrong-pin' });
    expect(await client.verifyPatron('99999999', '1234')).toEqual({ result: 'unknown-patron' });
  });

  it('reads patron information: flags, fees, loans with due dates, holds ready and pending', async () => {
    const { client } = await start();
    const lost = await client.patronInformation(p.lostCard.id, { pin: p.lostCard.pin });
    expect(lost.flags).toMatchObject({ cardReportedLost: true, chargePrivilegesDenied: true, excessiveOutstandingFees: false });
    const owes = await client.patronInformation(p.owes250.id, { pin: p.owes250.pin });
    expect(owes.fees).toEqual({ total: 250, currency: 'DKK', fines: [{ description: '250.00 DKK outstanding fees' }] });
    expect((await client.patronInformation(p.owes199.id)).fees.total).toBe(199);
    expect((await client.patronInformation(p.excluded.id)).excludedFromUnstaffed).toBe(true);
    const anna = await client.patronInformation(p.adult.id, { pin: p.adult.pin });
    expect(anna.loans.map((l) => [l.itemId, l.dueDate?.toISOString(), l.title])).toEqual([
      [i.onLoan, '2026-12-01T22:59:59.000Z', 'Kongens Fald'],
      [i.onLoanReserved, '2026-12-05T22:59:59.000Z', "Smilla's fornemmelse for sne"],
      [i.interlibrary, '2026-12-10T22:59:59.000Z', 'Gammel dansk ordbog'],
    ]);
    const bo = await client.patronInformation(p.adultCard.id);
    expect(bo.holdsReady).toEqual([{ itemId: i.reservedForAnother }]);
    expect(bo.holdsPending).toEqual([{ itemId: i.onLoanReserved }]);
    expect(bo.name).toBe('Bo Berg');
  });

  it('checks out (due date from the loan rules), and is refused with the ILS reason', async () => {
    const { client, sim } = await start();
    const ok = await client.checkout({ patronId: p.adultNoLoans.id, itemId: i.film, pin: p.adultNoLoans.pin });
    expect(ok).toMatchObject({ ok: true, itemId: i.film, title: 'Druk', renewal: false, recovered: false, mediaType: '006' });
    expect(ok.dueDate?.toISOString()).toBe('2026-12-18T22:59:59.000Z');
    expect(sim.state.item(i.film)?.onLoanTo).toBe(p.adultNoLoans.id);
    const taken = await client.checkout({ patronId: p.adult.id, itemId: i.film });
    expect(taken).toMatchObject({ ok: false, screenMessages: ['The item is on loan to another patron'] });
    expect(taken.dueDate).toBeUndefined();
    expect(await client.checkout({ patronId: p.adult.id, itemId: i.reservedForAnother })).toMatchObject({ ok: false, screenMessages: ['The item is reserved for another patron'] });
    expect(await client.checkout({ patronId: p.lostCard.id, itemId: i.available[0] })).toMatchObject({ ok: false, screenMessages: ['The card is reported lost'] });
  });

  it('replays an offline checkout with no block and the original dates', async () => {
    const { client, sim, trace } = await start();
    const at = new Date('2026-11-18T09:15:00Z');
    const due = new Date('2026-12-16T22:59:59Z');
    const result = await client.checkout({ patronId: p.lostCard.id, itemId: i.available[1], offline: { transactionDate: at, dueDate: due } });
    expect(result.ok).toBe(true);
    expect(trace.find((l) => l.startsWith('> 11'))).toMatch(/^> 11NY20261118 {4}10150020261216 {4}235959AODK-775100\|AA\*\*\*\*\|AB5000000002\|AC\|/);
    expect(sim.state.item(i.available[1])?.dueDate?.toISOString()).toBe(due.toISOString());
  });

  it('checks in: hold shelf, other branch, interlibrary, shelf, not on loan', async () => {
    const { client } = await start();
    expect(await client.checkin({ itemId: i.onLoanReserved })).toMatchObject({
      ok: true, alert: true, alertType: 'hold-here', sortBin: '2', destination: 'Hovedbiblioteket', holdPatronId: p.adultCard.id, holdPatronName: 'Bo Berg', recovered: false,
    });
    expect(await client.checkin({ itemId: i.otherBranch })).toMatchObject({ ok: true, alert: true, alertType: 'send-to-other-branch', destination: 'Filial Øst', permanentLocation: 'Filial Øst', sortBin: '3' });
    expect(await client.checkin({ itemId: i.interlibrary })).toMatchObject({ ok: true, alert: true, alertType: 'interlibrary-loan', destination: 'Det Kgl. Bibliotek' });
    const shelf = await client.checkin({ itemId: i.childLoan });
    expect(shelf).toMatchObject({ ok: true, alert: false, sortBin: '1', title: 'Gummi Tarzan' });
    expect(shelf.alertType).toBeUndefined();
    expect(await client.checkin({ itemId: i.childLoan })).toMatchObject({ ok: false, screenMessages: ['Item not checked out'] });
  });

  it('renews within the limit; a reserved item is refused', async () => {
    const { client } = await start();
    const renewed = await client.renew({ patronId: p.adult.id, itemId: i.onLoan, pin: p.adult.pin });
    expect(renewed).toMatchObject({ ok: true, title: 'Kongens Fald' });
    expect(renewed.dueDate?.toISOString()).toBe('2026-12-18T22:59:59.000Z');
    expect(await client.renew({ patronId: p.adult.id, itemId: i.onLoanReserved })).toMatchObject({ ok: false, screenMessages: ['The item is reserved for another patron'] });
    await client.renew({ patronId: p.adult.id, itemId: i.onLoan });
    expect(await client.renew({ patronId: p.adult.id, itemId: i.onLoan })).toMatchObject({ ok: false, screenMessages: ['renewal limit reached (2)'] });
  });

  it('renews all', async () => {
    const { client } = await start();
    const result = await client.renewAll(p.adult.id, p.adult.pin);
    expect(result.ok).toBe(true);
    expect(result.renewed.map((r) => r.itemId).sort()).toEqual([i.onLoan, i.interlibrary].sort());
    expect(result.notRenewed.map((r) => r.itemId)).toEqual([i.onLoanReserved]);
  });

  it('reads item information for every circulation state', async () => {
    const { client } = await start();
    expect(await client.itemInformation(i.available[0])).toMatchObject({ found: true, circulationStatus: 'available', title: 'Kaptajn Bimse', holdQueueLength: 0 });
    const onLoan = await client.itemInformation(i.onLoan);
    expect(onLoan).toMatchObject({ found: true, circulationStatus: 'charged' });
    expect(onLoan.dueDate?.toISOString()).toBe('2026-12-01T22:59:59.000Z');
    expect(await client.itemInformation(i.reservedForAnother)).toMatchObject({ circulationStatus: 'on-hold-shelf', holdQueueLength: 1 });
    expect(await client.itemInformation('no-such-item')).toMatchObject({ found: false, circulationStatus: 'other', screenMessages: ['Unknown item'] });
  });

  it('ends the session, reads fee status and takes a payment', async () => {
    const { client, sim } = await start();
    expect(await client.endSession(p.adult.id, p.adult.pin)).toBe(true);
    expect(await client.feeStatus(p.owes199.id)).toMatchObject({ total: 199, currency: 'DKK' });
    expect(await client.feePaid({ patronId: p.owes199.id, amount: 99, transactionId: 'T-1' })).toEqual({ accepted: true, transactionId: 'T-1', screenMessages: [] });
    expect(sim.state.patron(p.owes199.id)?.feesDkk).toBe(100);
  });
});

describe('SIP2 client: login and connection failures', () => {
  let rig: Rig | undefined;
  afterEach(async () => rig?.close());

  it('reports a refused login as IlsLoginError, and a closed port as unavailable', async () => {
    rig = await sip2Rig({ password: 'wrong' });
    await expect(rig.client.status()).rejects.toBeInstanceOf(IlsLoginError);
    expect(rig.client.link.state).toBe('offline');
    const port = (await rig.sim.listenSip2()).port;
    await rig.sim.close();
    const { Sip2Client } = await import('../../ils/client/sip2-client');
    const closed = new Sip2Client({ transport: 'tcp', host: '127.0.0.1', port, institution: 'x', heartbeatIntervalMs: 0, requestTimeoutMs: 300 });
    await expect(closed.status()).rejects.toBeInstanceOf(IlsUnavailableError);
    await closed.close();
  });

  it('never puts the password, a PIN, a card number or a name in the trace', async () => {
    rig = await sip2Rig({ password: 'kiosk' });
    await rig.client.verifyPatron(DEMO.patrons.adult.id, DEMO.patrons.adult.pin);
    const all = rig.trace.join('\n');
    expect(all).not.toMatch(/COkiosk|AD1234|0103801001|Anna/);
    expect(all).toContain('AD****');
    expect(all).toContain('AA****');
  });
});
