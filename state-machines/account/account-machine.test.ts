import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { identifyMachine } from '../identify/identify-machine';
import type { CardRead, Loan, PatronAccount, PinCredentials, RenewOutcome, VerifyResult } from '../ports';
import type { AccountRules } from '../shared/rules';
import { card, controllable, patron, settle } from '../fakes.testkit';
import { accountGuards as g } from './account-guards';
import { applyRenewals } from './account-logic';
import { createAccountMachine } from './account-machine';
import type { AccountContext, AccountEvent, RenewAllInput, RenewItemInput } from './account-types';

const c = card('1212121234', 'library-card');
const loans: Loan[] = [
  { itemId: 'L1', title: 'Due soon', dueDate: '2025-03-12', renewals: 0 },
  { itemId: 'L2', title: 'Reserved', dueDate: '2025-03-20', renewals: 0, reserved: true },
  { itemId: 'L3', title: 'Renewed twice', dueDate: '2025-03-25', renewals: 2 },
];
const account: PatronAccount = {
  patron: patron({ feesDkk: 250 }),
  loans,
  holdsReady: [{ itemId: 'H1', title: 'Waiting for you', pickupLocation: 'Hovedbiblioteket', pickupBy: '2025-03-15' }],
  feesDkk: 250,
};
const rules: AccountRules = {
  now: () => new Date('2025-03-10T12:00:00Z'),
  borrowingBlock: (p) => (p.feesDkk >= 200 ? { blocked: true, reason: 'fees' } : { blocked: false, reason: 'ok' }),
  renewal: (loan) =>
    loan.reserved ? { allowed: false, reason: 'reserved' } : (loan.renewals ?? 0) >= 2 ? { allowed: false, reason: 'max-renewals' } : { allowed: true, reason: 'allowed' },
};

function start() {
  const clock = new SimulatedClock();
  const verify = controllable<VerifyResult, PinCredentials>();
  const load = controllable<PatronAccount, { card: CardRead }>();
  const renewItem = controllable<RenewOutcome, RenewItemInput>();
  const renewAll = controllable<RenewOutcome[], RenewAllInput>();
  const end = controllable<void, { card: CardRead }>();
  const machine = createAccountMachine(rules).provide({
    actors: {
      identify: identifyMachine.provide({ actors: { verifyPin: verify.logic } }),
      loadAccount: load.logic,
      renewItem: renewItem.logic,
      renewAll: renewAll.logic,
      endSession: end.logic,
    },
  });
  const actor = createActor(machine, { clock, input: { card: c } });
  actor.start();
  return { actor, clock, verify, load, renewItem, renewAll, end };
}

async function overview(loaded: PatronAccount = account) {
  const a = start();
  for (const digit of '1234') a.actor.send({ type: 'PIN_DIGIT', digit });
  a.actor.send({ type: 'PIN_ENTER' });
  a.verify.last().resolve({ outcome: 'valid', patron: patron(), source: 'ils' });
  await settle();
  expect(a.load.last().input).toEqual({ card: c });
  a.load.last().resolve(loaded);
  await settle();
  return a;
}

describe('account', () => {
  it('shows loans, holds, fees with their block, and the profile’s renewal hints', async () => {
    const a = await overview();
    const ctx = a.actor.getSnapshot().context;
    expect(a.actor.getSnapshot().value).toMatchObject({ session: { flow: 'overview' } });
    expect(ctx.account).toEqual(account);
    expect(ctx.block).toEqual({ blocked: true, reason: 'fees' });
    expect(ctx.renewable).toEqual({
      L1: { allowed: true, reason: 'allowed' },
      L2: { allowed: false, reason: 'reserved' },
      L3: { allowed: false, reason: 'max-renewals' },
    });
  });

  it('renews one loan and shows the new due date; a loan the profile refuses is not sent', async () => {
    const a = await overview();
    a.actor.send({ type: 'RENEW', itemId: 'L2' });
    expect(a.renewItem.calls).toHaveLength(0);
    a.actor.send({ type: 'RENEW', itemId: 'L1' });
    expect(a.renewItem.last().input).toEqual({ card: c, itemId: 'L1' });
    a.renewItem.last().resolve({ ok: true, itemId: 'L1', dueDate: '2025-04-09' });
    await settle();
    const ctx = a.actor.getSnapshot().context;
    expect(ctx.account?.loans[0]).toEqual({ itemId: 'L1', title: 'Due soon', dueDate: '2025-04-09', renewals: 1 });
    expect(ctx.renewals).toEqual([{ ok: true, itemId: 'L1', dueDate: '2025-04-09' }]);
  });

  it('renews all renewable loans with per-item outcomes; a failure shows as unavailable', async () => {
    const a = await overview();
    a.actor.send({ type: 'RENEW_ALL' });
    expect(a.renewAll.last().input).toEqual({ card: c, itemIds: ['L1'] });
    a.renewAll.last().reject(new Error('ILS down'));
    await settle();
    expect(a.actor.getSnapshot().context.renewals).toEqual([{ ok: false, itemId: 'L1', reason: 'unavailable' }]);
    a.actor.send({ type: 'DONE' });
    expect(a.end.last().input).toEqual({ card: c });
    a.end.last().resolve();
    await settle();
    a.clock.increment(4000);
    expect(a.actor.getSnapshot().status).toBe('done');
  });

  it('renew all skips a loan already renewed in this session, and still reports its renewal', async () => {
    const a = await overview({ ...account, loans: [...loans, { itemId: 'L4', title: 'Also renewable', dueDate: '2025-03-14', renewals: 0 }] });
    a.actor.send({ type: 'RENEW', itemId: 'L1' });
    a.renewItem.last().resolve({ ok: true, itemId: 'L1', dueDate: '2025-04-09' });
    await settle();
    // The profile would renew L1 once more (1 of 2), but not twice in one visit: a second fee in some libraries.
    a.actor.send({ type: 'RENEW', itemId: 'L1' });
    expect(a.renewItem.calls).toHaveLength(1);
    a.actor.send({ type: 'RENEW_ALL' });
    expect(a.renewAll.last().input).toEqual({ card: c, itemIds: ['L4'] });
    a.renewAll.last().resolve([{ ok: true, itemId: 'L4', dueDate: '2025-04-12' }]);
    await settle();
    const ctx = a.actor.getSnapshot().context;
    expect(ctx.account?.loans.find((l) => l.itemId === 'L1')).toMatchObject({ dueDate: '2025-04-09', renewals: 1 });
    expect(ctx.renewals).toEqual([
      { ok: true, itemId: 'L1', dueDate: '2025-04-09' },
      { ok: true, itemId: 'L4', dueDate: '2025-04-12' },
    ]);
    a.actor.send({ type: 'RENEW_ALL' });
    expect(a.renewAll.calls).toHaveLength(1);
  });

  it('never sends again a renewal whose answer was lost (it may have been made)', async () => {
    const a = await overview({ ...account, loans: [...loans, { itemId: 'L4', title: 'Also renewable', dueDate: '2025-03-14', renewals: 0 }] });
    a.actor.send({ type: 'RENEW', itemId: 'L1' });
    a.renewItem.last().resolve({ ok: false, itemId: 'L1', reason: 'outcome-unknown' });
    await settle();
    a.actor.send({ type: 'RENEW_ALL' });
    expect(a.renewAll.last().input).toEqual({ card: c, itemIds: ['L4'] });
  });

  it('ends the session after the inactivity countdown', async () => {
    const a = await overview();
    a.clock.increment(45_000);
    for (let s = 0; s < 15; s += 1) a.clock.increment(1000);
    expect(a.actor.getSnapshot().value).toBe('ending');
  });

  it('guards: loanRenewable, anyRenewable, identified', async () => {
    const ctx = (await overview()).actor.getSnapshot().context as AccountContext;
    const renew = (itemId: string): { context: AccountContext; event: AccountEvent } => ({ context: ctx, event: { type: 'RENEW', itemId } });
    expect(['L1', 'L2', 'L3', 'NOT-MINE'].map((id) => g.loanRenewable(renew(id)))).toEqual([true, false, false, false]);
    expect(g.anyRenewable({ context: ctx, event: { type: 'DONE' } })).toBe(true);
    expect(g.anyRenewable({ context: { ...ctx, renewable: {} }, event: { type: 'DONE' } })).toBe(false);
    expect(g.identified({ context: ctx, event: { type: 'DONE' } }, { identified: false })).toBe(false);
  });

  it('applyRenewals changes only renewed loans', () => {
    const next = applyRenewals(account, [
      { ok: true, itemId: 'L3', dueDate: '2025-04-30' },
      { ok: false, itemId: 'L2', reason: 'reserved' },
    ]);
    expect(next.loans.map((l) => [l.itemId, l.dueDate, l.renewals])).toEqual([
      ['L1', '2025-03-12', 0],
      ['L2', '2025-03-20', 0],
      ['L3', '2025-04-30', 3],
    ]);
  });
});
