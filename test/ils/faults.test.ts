// Faults on the ILS link: a dropped connection mid-request, a corrupt reply, a `96`, a
// silent ILS, a restarted ILS. The client reports it, recovers, and nothing is done twice
// (the simulator's memory shows exactly one loan, one renewal).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IlsOutcomeUnknownError } from '../../ils/errors';
import { type IlsLinkState } from '../../ils/ils-port';
import { SimIls } from '../../ils/sim/sim-ils';
import { DEMO_DATA } from '../../ils/sim/demo-data';
import { CLOCK, DEMO, fbsRig, loansOf, type Rig, sip2Rig } from './helpers';

const { patrons: p, items: i } = DEMO;
const sent = (rig: Rig, code: string) => rig.trace.filter((l) => l.startsWith(`> ${code}`));

describe('SIP2 link faults', () => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('checkout: connection dropped after the ILS acted -> read back, reported once, one loan', async () => {
    rig = await sip2Rig({ requestTimeoutMs: 300 });
    await rig.client.login();
    rig.sim.faults.dropNext(1, 'after-processing');
    const result = await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0], pin: p.adultNoLoans.pin });
    expect(result).toMatchObject({ ok: true, recovered: true, itemId: i.available[0], title: 'Kaptajn Bimse' });
    expect(result.dueDate?.toISOString()).toBe('2026-12-18T22:59:59.000Z');
    expect(sent(rig, '11')).toHaveLength(1);
    expect(sent(rig, '17')).toHaveLength(1);
    expect(sent(rig, '93')).toHaveLength(2);
    expect(loansOf(rig.sim, i.available[0])).toEqual([p.adultNoLoans.id]);
  });

  it('checkout: connection dropped before the ILS acted -> read back, sent again, one loan', async () => {
    rig = await sip2Rig({ requestTimeoutMs: 300 });
    await rig.client.login();
    rig.sim.faults.dropNext(1, 'before-processing');
    const result = await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0] });
    expect(result).toMatchObject({ ok: true, recovered: false });
    expect(sent(rig, '11')).toHaveLength(2);
    expect(loansOf(rig.sim, i.available[0])).toEqual([p.adultNoLoans.id]);
  });

  it('checkout read back finds the item on loan to someone else -> refused, nothing changed', async () => {
    rig = await sip2Rig({ requestTimeoutMs: 300 });
    await rig.client.login();
    rig.sim.faults.dropNext(1, 'before-processing');
    const result = await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.onLoan });
    expect(result).toMatchObject({ ok: false, recovered: true });
    expect(loansOf(rig.sim, i.onLoan)).toEqual([p.adult.id]);
  });

  it.each([true, false])('corrupt reply -> 97 -> the ACS sends it again (error detection %s); one loan', async (errorDetection) => {
    rig = await sip2Rig({ errorDetection });
    rig.sim.faults.corruptNext(1);
    const result = await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0] });
    expect(result).toMatchObject({ ok: true, recovered: false });
    expect(sent(rig, '97')).toEqual([errorDetection ? '> 97AZFEF5' : '> 97']);
    expect(rig.trace.some((l) => l.startsWith('< #'))).toBe(true);
    expect(sent(rig, '11')).toHaveLength(1);
    expect(loansOf(rig.sim, i.available[0])).toEqual([p.adultNoLoans.id]);
  });

  it('a fault on the login of a fresh connection: nothing was sent, so it is "unavailable"', async () => {
    rig = await sip2Rig({ requestTimeoutMs: 300 });
    rig.sim.faults.dropNext(1, 'before-processing');
    await expect(rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0] })).rejects.toThrow(/^SIP2 login failed/);
    expect(sent(rig, '11')).toEqual([]);
    expect(await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0] })).toMatchObject({ ok: true });
    expect(loansOf(rig.sim, i.available[0])).toEqual([p.adultNoLoans.id]);
  });

  it('96 from the ACS -> the same message is sent again', async () => {
    rig = await sip2Rig();
    await rig.client.login();
    rig.sim.faults.rejectNext(1);
    expect(await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0] })).toMatchObject({ ok: true });
    const checkouts = sent(rig, '11');
    expect(checkouts).toHaveLength(2);
    expect(checkouts[0]).toBe(checkouts[1]);
    expect(rig.trace).toContain('< 96AZFEF6');
    expect(loansOf(rig.sim, i.available[0])).toEqual([p.adultNoLoans.id]);
  });

  it('renew: a lost answer is reported as an unknown outcome and never sent twice', async () => {
    rig = await sip2Rig({ requestTimeoutMs: 300 });
    await rig.client.login();
    rig.sim.faults.dropNext(1, 'after-processing');
    const error = await rig.client.renew({ patronId: p.adult.id, itemId: i.onLoan }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IlsOutcomeUnknownError);
    expect((error as IlsOutcomeUnknownError).operation).toBe('renew');
    expect(sent(rig, '29')).toHaveLength(1);
    expect(rig.sim.state.item(i.onLoan)?.renewals).toBe(1);
  });

  it('checkin: a lost answer is read back from item information; the hold shelf is reported', async () => {
    rig = await sip2Rig({ requestTimeoutMs: 300 });
    await rig.client.login();
    rig.sim.faults.dropNext(1, 'after-processing');
    const result = await rig.client.checkin({ itemId: i.onLoanReserved });
    expect(result).toMatchObject({ ok: true, recovered: true, alert: true, alertType: 'hold-here' });
    expect(sent(rig, '09')).toHaveLength(1);
    expect(rig.sim.state.item(i.onLoanReserved)).toMatchObject({ holdShelfFor: p.adultCard.id });
    expect(rig.sim.state.item(i.onLoanReserved)?.onLoanTo).toBeUndefined();
  });

  it('silent ILS: the request times out, the link goes offline, 3 good heartbeats bring it back, then one loan', async () => {
    rig = await sip2Rig({ requestTimeoutMs: 250, heartbeatIntervalMs: 100, reconnect: { initialMs: 50, maxMs: 200 } });
    const states: IlsLinkState[] = [];
    rig.client.link.subscribe((state) => states.push(state));
    await rig.client.login();
    rig.sim.faults.silenceFor(1500);
    const error = await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IlsOutcomeUnknownError);
    expect(rig.client.link.state).toBe('offline');
    expect(loansOf(rig.sim, i.available[0])).toEqual([]);
    await vi.waitFor(() => expect(rig.client.link.state).toBe('online'), { timeout: 8000, interval: 50 });
    expect(states).toEqual(['online', 'offline', 'online']);
    // Online again only after three good status answers in a row.
    const beats = rig.trace.filter((l) => l.startsWith('< 98'));
    expect(beats.length).toBeGreaterThanOrEqual(4);
    expect(await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0] })).toMatchObject({ ok: true });
    expect(loansOf(rig.sim, i.available[0])).toEqual([p.adultNoLoans.id]);
  });

  it('a stopped ILS: offline; restarted on the same port: the client reconnects with back-off', async () => {
    rig = await sip2Rig({ requestTimeoutMs: 250, heartbeatIntervalMs: 100, reconnect: { initialMs: 50, maxMs: 200 } });
    await rig.client.login();
    const port = rig.port ?? 0;
    await rig.sim.close();
    await vi.waitFor(() => expect(rig.client.link.state).toBe('offline'), { timeout: 3000, interval: 25 });
    const again = new SimIls({ data: structuredClone(DEMO_DATA), clock: CLOCK });
    await again.listenSip2({ port });
    try {
      await vi.waitFor(() => expect(rig.client.link.state).toBe('online'), { timeout: 5000, interval: 50 });
      expect(await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[2] })).toMatchObject({ ok: true });
      expect(loansOf(again, i.available[2])).toEqual([p.adultNoLoans.id]);
    } finally {
      await again.close();
    }
  });
});

describe('FBS link faults', () => {
  let rig: Rig;
  afterEach(async () => rig?.close());

  it('checkout: HTTP connection dropped after FBS acted -> read back, one loan', async () => {
    rig = await fbsRig({ requestTimeoutMs: 300 });
    rig.sim.faults.dropNext(1, 'after-processing');
    const result = await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0], pin: p.adultNoLoans.pin });
    expect(result).toMatchObject({ ok: true, recovered: true });
    expect(sent(rig, '11')).toHaveLength(1);
    expect(loansOf(rig.sim, i.available[0])).toEqual([p.adultNoLoans.id]);
  });

  it('corrupt answer (FBS cannot resend) -> read back, one loan', async () => {
    rig = await fbsRig();
    rig.sim.faults.corruptNext(1);
    const result = await rig.client.checkout({ patronId: p.adultNoLoans.id, itemId: i.available[0], pin: p.adultNoLoans.pin });
    expect(result).toMatchObject({ ok: true, recovered: true });
    expect(sent(rig, '97')).toEqual([]);
    expect(loansOf(rig.sim, i.available[0])).toEqual([p.adultNoLoans.id]);
  });

  it('silent FBS: the request times out and is reported; afterwards it works', async () => {
    rig = await fbsRig({ requestTimeoutMs: 200 });
    rig.sim.faults.silenceFor(1000);
    await expect(rig.client.renew({ patronId: p.adult.id, itemId: i.onLoan })).rejects.toBeInstanceOf(IlsOutcomeUnknownError);
    expect(rig.client.link.state).toBe('offline');
    await vi.waitFor(() => expect(rig.sim.faults.isSilent()).toBe(false), { timeout: 3000, interval: 50 });
    expect(await rig.client.renew({ patronId: p.adult.id, itemId: i.onLoan })).toMatchObject({ ok: true });
    expect(rig.sim.state.item(i.onLoan)?.renewals).toBe(1);
  });
});
