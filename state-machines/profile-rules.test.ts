// The machines wired to real library profiles from policy/: the injected rules fit.
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { getProfile } from '../policy/index';
import { createAccountMachine } from './account/account-machine';
import { startCheckout, tag } from './checkout/checkout-harness.testkit';
import { startDoor } from './door/door-harness.testkit';
import { identifyMachine } from './identify/identify-machine';
import type { CardRead, PatronAccount, PinCredentials, VerifyResult } from './ports';
import { accountRulesFor, checkoutRulesFor, doorRulesFor, type PolicyErrorReport } from './profile-rules';
import { answering, card, patron, settle } from './fakes.testkit';

const hvidovre = getProfile('hvidovre');
const lolland = getProfile('lolland');
/** Monday 10 March 2025, 10:00 in Copenhagen (UTC+1). */
const MONDAY_10 = Date.parse('2025-03-10T09:00:00Z');
const adult = patron({ name: 'Karen', birthDate: '1980-01-01' });
const child = patron({ name: 'Ida', birthDate: '2012-06-01' });
const adultCard = card('0101801234');
const childCard = card('0106121234');
/** Rule failures the first tests' data causes (the account's bad due date), kept for a look. */
const reported: PolicyErrorReport[] = [];
const record = (report: PolicyErrorReport) => void reported.push(report);

async function enter(door: ReturnType<typeof startDoor>, who: CardRead, facts: typeof adult) {
  door.actor.send({ type: 'CARD_READ', card: who });
  door.typePin('1234');
  door.actor.send({ type: 'PIN_ENTER' });
  door.verify.last().resolve({ outcome: 'valid', patron: facts, source: 'ils' });
  await settle();
}

describe('door machine with the Hvidovre profile', () => {
  const hvidovreDoor = (start: number) => startDoor({ start, rules: (now) => doorRulesFor(hvidovre, { now, onPolicyError: record }) });

  it("refuses a 12-year-old alone, lets them in on their own PIN with an adult: the child's row names the adult", async () => {
    const alone = hvidovreDoor(MONDAY_10);
    await enter(alone, childCard, child);
    expect(alone.logs.map((l) => [l.decision, l.reason])).toEqual([['denied', 'under-age-alone']]);

    const door = hvidovreDoor(MONDAY_10);
    await enter(door, adultCard, adult);
    await enter(door, childCard, child);
    expect(door.state()).toBe('released');
    expect(door.logs).toEqual([
      { at: '2025-03-10T09:00:00.000Z', decision: 'allowed', reason: 'allowed', card: adultCard },
      { at: '2025-03-10T09:00:00.000Z', decision: 'allowed', reason: 'allowed-accompanied', card: childCard, accompaniedBy: adultCard },
    ]);
  });

  it('refuses outside the unstaffed hours at card read and tells when the door opens (07:00 Copenhagen)', () => {
    const door = hvidovreDoor(Date.parse('2025-03-10T21:30:00Z'));
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    expect(door.state()).toBe('closed');
    expect(door.actor.getSnapshot().context.outcome).toEqual({
      decision: 'denied',
      reason: 'outside-hours',
      nextOpening: '2025-03-11T06:00:00.000Z',
    });
  });

  it('keeps an excluded patron out with the policy reason', async () => {
    const door = hvidovreDoor(MONDAY_10);
    await enter(door, adultCard, { ...adult, excludedFromUnstaffed: true });
    expect(door.logs.map((l) => l.reason)).toEqual(['excluded']);
  });
});

describe('checkout machine with real profiles', () => {
  it('Hvidovre blocks borrowing at 200 kr or more, not at 199.99 kr', async () => {
    for (const [fees, state] of [
      [200, 'blocked'],
      [199.99, { borrowing: 'waiting' }],
    ] as const) {
      const co = startCheckout({ rules: checkoutRulesFor(hvidovre, { online: () => true, onPolicyError: record }) });
      co.send({ type: 'CARD_READ', card: adultCard });
      co.typePin('1234');
      co.send({ type: 'PIN_ENTER' });
      co.verify.last().resolve({ outcome: 'valid', patron: { ...adult, feesDkk: fees }, source: 'ils' });
      await settle();
      expect(co.flow()).toEqual(state);
      if (fees === 200) expect(co.actor.getSnapshot().context.block).toEqual({ blocked: true, reason: 'debt-threshold' });
    }
  });

  it('Lolland offline: the profile’s item limit refuses the sixth item before the ILS', async () => {
    const co = startCheckout({ rules: checkoutRulesFor(lolland, { online: () => false, onPolicyError: record }) });
    co.send({ type: 'CARD_READ', card: adultCard });
    co.typePin('1234');
    co.send({ type: 'PIN_ENTER' });
    co.verify.last().resolve({ outcome: 'valid', patron: adult, source: 'cache' });
    await settle();
    for (let i = 1; i <= 6; i += 1) {
      co.send({ type: 'ITEM_PLACED', tag: tag(`I${i}`) });
      await settle();
      if (i <= 5) {
        co.checkoutItem.last().resolve({ ok: true, itemId: `I${i}`, title: 't', dueDate: '2025-04-09', renewed: false });
        await settle();
      }
    }
    expect(co.checkoutItem.calls).toHaveLength(5);
    expect(co.actor.getSnapshot().context.items[5]?.outcome).toEqual({ ok: false, itemId: 'I6', reason: 'offline-limit-reached' });
  });
});

describe('account machine with the Hvidovre profile', () => {
  it('shows the profile’s renewal decisions and the debt block', async () => {
    const account: PatronAccount = {
      patron: { ...adult, feesDkk: 250 },
      loans: [
        { itemId: 'A', title: 'Fine', dueDate: '2025-03-20', renewals: 0 },
        { itemId: 'B', title: 'Reserved', dueDate: '2025-03-20', renewals: 0, reserved: true },
        { itemId: 'C', title: 'Three times', dueDate: '2025-03-20', renewals: 3 },
        { itemId: 'D', title: 'Bad date from the ILS', dueDate: '20-03-2025', renewals: 0 },
      ],
      holdsReady: [],
      feesDkk: 250,
    };
    const verify = answering<VerifyResult, PinCredentials>(() => ({ outcome: 'valid', patron: adult, source: 'ils' }));
    const machine = createAccountMachine(accountRulesFor(hvidovre, { now: () => new Date(MONDAY_10), onPolicyError: record })).provide({
      actors: { identify: identifyMachine.provide({ actors: { verifyPin: verify.logic } }), loadAccount: answering<PatronAccount, { card: CardRead }>(() => account).logic },
    });
    const actor = createActor(machine, { clock: new SimulatedClock(), input: { card: adultCard } });
    actor.start();
    for (const digit of '1234') actor.send({ type: 'PIN_DIGIT', digit });
    actor.send({ type: 'PIN_ENTER' });
    await settle();
    await settle();
    const ctx = actor.getSnapshot().context;
    expect(ctx.block).toEqual({ blocked: true, reason: 'debt-threshold' });
    expect(Object.fromEntries(Object.entries(ctx.renewable).map(([id, d]) => [id, d.reason]))).toEqual({
      A: 'ok',
      B: 'reserved',
      C: 'limit-reached',
      D: 'rules-not-applied',
    });
  });
});

describe('a policy rule that fails: recorded, and the kiosk and the door fail closed', () => {
  const failures: PolicyErrorReport[] = [];
  const onPolicyError = (report: PolicyErrorReport) => void failures.push(report);
  const unreadable = { ...adult, feesDkk: Number.NaN };
  const at = new Date(MONDAY_10);

  it('borrowing: fees the rules cannot read block borrowing with a reason that says so, and are reported', () => {
    failures.length = 0;
    expect(checkoutRulesFor(hvidovre, { online: () => true, onPolicyError }).borrowingBlock(unreadable)).toEqual({ blocked: true, reason: 'rules-not-applied' });
    expect(accountRulesFor(hvidovre, { now: () => at, onPolicyError }).borrowingBlock(unreadable)).toEqual({ blocked: true, reason: 'rules-not-applied' });
    expect(failures.map((f) => f.rule)).toEqual(['borrowing-block', 'borrowing-block']);
    expect(String(failures[0]?.error)).toContain('fees must be a number');
  });

  it('renewal: a due date the rules cannot read is not renewable at the kiosk, and is reported', () => {
    failures.length = 0;
    const rules = accountRulesFor(hvidovre, { now: () => at, onPolicyError });
    expect(rules.renewal({ itemId: 'D', title: 'Bad date', dueDate: '20-03-2025', renewals: 0 }, at)).toEqual({ allowed: false, reason: 'rules-not-applied' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ rule: 'renewal' });
  });

  it('door: a refusal when the rules fail, reported (not silent)', () => {
    failures.length = 0;
    const rules = doorRulesFor(hvidovre, { now: () => at, onPolicyError });
    const notATime = new Date(Number.NaN);
    expect(rules.decideEntry(adult, { at: notATime, companion: null })).toEqual({ allowed: false, reason: 'rules-not-applied' });
    expect(rules.mayAccompany(adult, notATime)).toBe(false);
    expect(failures.map((f) => f.rule)).toEqual(['door-entry', 'companion']);
  });

  it('a rule that works reports nothing', () => {
    failures.length = 0;
    doorRulesFor(hvidovre, { now: () => at, onPolicyError }).decideEntry(adult, { at, companion: null });
    checkoutRulesFor(hvidovre, { online: () => true, onPolicyError }).borrowingBlock(adult);
    expect(failures).toEqual([]);
  });
});
