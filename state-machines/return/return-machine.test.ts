import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import type { CheckinOutcome, ReceiptRequest } from '../ports';
import { controllable, settle } from '../fakes.testkit';
import { tag } from '../checkout/checkout-harness.testkit';
import { returnMachine } from './return-machine';
import { returnGuards as g, returnReceiptLines } from './return-guards';
import type { CheckinItemInput, ReturnInput } from './return-types';

function start(input: ReturnInput = {}) {
  const clock = new SimulatedClock();
  const checkin = controllable<CheckinOutcome, CheckinItemInput>();
  const print = controllable<void, ReceiptRequest>();
  const actor = createActor(returnMachine.provide({ actors: { checkinItem: checkin.logic, printReceipt: print.logic } }), { clock, input });
  actor.start();
  return { actor, clock, checkin, print };
}

describe('return', () => {
  it('checks items in one by one and shows where each goes, then prints the return receipt', async () => {
    const r = start({ tags: [tag('111')] });
    expect(r.checkin.last().input).toEqual({ itemId: '111', tagUids: ['E01111'] });
    r.actor.send({ type: 'ITEM_PLACED', tag: tag('222') });
    r.actor.send({ type: 'ITEM_PLACED', tag: tag('333') });
    r.checkin.last().resolve({ ok: true, itemId: '111', title: 'Shelf book', destination: 'shelf' });
    await settle();
    r.checkin.last().resolve({ ok: true, itemId: '222', title: 'Wanted', destination: 'hold-shelf' });
    await settle();
    r.checkin.last().resolve({ ok: true, itemId: '333', title: 'Visitor', destination: 'other-branch', branch: 'Maribo', sortBin: '3' });
    await settle();
    r.actor.send({ type: 'FINISH' });
    expect(r.actor.getSnapshot().value).toMatchObject({ session: { flow: 'receiptChoice' } });
    r.actor.send({ type: 'PRINT_RECEIPT' });
    expect(r.print.last().input).toEqual({
      kind: 'return',
      language: 'da',
      lines: [
        { itemId: '111', title: 'Shelf book', destination: 'shelf' },
        { itemId: '222', title: 'Wanted', destination: 'hold-shelf' },
        { itemId: '333', title: 'Visitor', destination: 'other-branch' },
      ],
    });
    r.print.last().resolve();
    await settle();
    expect(r.actor.getSnapshot().value).toBe('goodbye');
    r.clock.increment(4000);
    expect(r.actor.getSnapshot().output).toEqual({ returned: 3 });
  });

  it('records a failed check-in as unavailable, and ends on inactivity without a receipt', async () => {
    const r = start({ config: { inactivity: { warnAfterMs: 1000, countdownSeconds: 2 } } });
    r.actor.send({ type: 'ITEM_PLACED', tag: tag('111') });
    r.checkin.last().reject(new Error('ILS down'));
    await settle();
    expect(r.actor.getSnapshot().context.items[0]?.outcome).toEqual({ ok: false, itemId: '111', reason: 'unavailable' });
    r.clock.increment(1000);
    expect(r.actor.getSnapshot().context.secondsLeft).toBe(2);
    r.clock.increment(1000);
    r.clock.increment(1000);
    expect(r.actor.getSnapshot().value).toBe('goodbye');
    expect(r.print.calls).toHaveLength(0);
  });

  it('guards: queue, receipt only with something returned, time-out', () => {
    const base = { ...start().actor.getSnapshot().context };
    const done = { key: 'A', itemId: 'A', parts: [], partsInSet: 1, status: 'done' as const };
    const ok = { ...done, outcome: { ok: true as const, itemId: 'A', title: 'T', destination: 'shelf' as const } };
    const failed = { ...done, outcome: { ok: false as const, itemId: 'A', reason: 'ils-refused' as const } };
    expect(g.hasQueuedItem({ context: { ...base, items: [{ ...done, status: 'queued', outcome: null }] } })).toBe(true);
    expect(g.hasQueuedItem({ context: { ...base, items: [ok] } })).toBe(false);
    expect(g.finishWithReceipt({ context: { ...base, finishRequested: true, items: [ok] } })).toBe(true);
    expect(g.finishWithReceipt({ context: { ...base, finishRequested: true, items: [failed] } })).toBe(false);
    expect(g.finishRequested({ context: { ...base, finishRequested: true } })).toBe(true);
    expect(g.timedOut({ context: { ...base, timedOut: true } })).toBe(true);
    expect(g.timedOut({ context: base })).toBe(false);
    expect(returnReceiptLines([ok, failed])).toEqual([{ itemId: 'A', title: 'T', destination: 'shelf' }]);
  });
});
