import { describe, expect, it } from 'vitest';
import type { CheckoutOutcome } from '../ports';
import { card, patron, settle } from '../fakes.testkit';
import { startCheckout, tag } from './checkout-harness.testkit';

const karenCard = card('0101801234', 'library-card');
const karen = patron({ name: 'Karen' });
const ok = (itemId: string, title = `Title ${itemId}`): CheckoutOutcome => ({ ok: true, itemId, title, dueDate: '2025-04-07', renewed: false });

async function identified(co: ReturnType<typeof startCheckout>, facts = karen) {
  co.send({ type: 'CARD_READ', card: karenCard });
  co.typePin('1234');
  co.send({ type: 'PIN_ENTER' });
  co.verify.last().resolve({ outcome: 'valid', patron: facts, source: 'ils' });
  await settle();
}

describe('checkout: identification', () => {
  it('starts at the PIN when the start screen already read the card', async () => {
    const co = startCheckout({ card: karenCard });
    co.typePin('1234');
    co.send({ type: 'PIN_ENTER' });
    expect(co.verify.last().input).toEqual({ card: karenCard, pin: '1234' });
    co.verify.last().resolve({ outcome: 'valid', patron: karen, source: 'ils' });
    await settle();
    expect(co.flow()).toEqual({ borrowing: 'waiting' });
    expect(co.actor.getSnapshot().context.card).toEqual(karenCard);
  });

  it.each([
    ['fees over the threshold', { feesDkk: 250 }, 'fees'],
    ['a lost card', { cardLost: true }, 'card-lost'],
    ['an ILS block', { borrowingBlocked: true }, 'ils-block'],
  ])('tells a patron with %s why borrowing is blocked, then ends the session', async (_n, facts, reason) => {
    const co = startCheckout();
    await identified(co, patron(facts));
    expect(co.flow()).toBe('blocked');
    expect(co.actor.getSnapshot().context.block).toEqual({ blocked: true, reason });
    co.send({ type: 'ITEM_PLACED', tag: tag('111') });
    await settle();
    expect(co.checkoutItem.calls).toHaveLength(0);
    co.send({ type: 'FINISH' });
    expect(co.flow()).toBe('ending');
    expect(co.endSession.last().input).toEqual({ card: karenCard });
  });

  it('ends without an ILS session when the patron cancels identification', async () => {
    const co = startCheckout();
    co.send({ type: 'CARD_READ', card: karenCard }, { type: 'CANCEL' });
    await settle();
    expect(co.actor.getSnapshot().status).toBe('done');
    expect(co.actor.getSnapshot().output).toEqual({ borrowed: 0 });
    expect(co.endSession.calls).toHaveLength(0);
  });
});

describe('checkout: items', () => {
  it('checks items out one at a time in placement order, queueing new placements', async () => {
    const co = startCheckout();
    co.send({ type: 'ITEM_PLACED', tag: tag('111') });
    await identified(co);
    expect(co.checkoutItem.calls.map((c) => c.input)).toEqual([{ card: karenCard, itemId: '111', tagUids: ['E01111'] }]);
    co.send({ type: 'ITEM_PLACED', tag: tag('222') }, { type: 'ITEM_PLACED', tag: tag('333') });
    expect(co.checkoutItem.calls).toHaveLength(1);
    co.checkoutItem.last().resolve(ok('111'));
    await settle();
    expect(co.checkoutItem.last().input.itemId).toBe('222');
    co.checkoutItem.last().resolve({ ok: false, itemId: '222', reason: 'reserved-by-another' });
    await settle();
    co.checkoutItem.last().resolve({ ok: true, itemId: '333', title: 'Mine already', dueDate: '2025-05-01', renewed: true });
    await settle();
    const items = co.actor.getSnapshot().context.items;
    expect(items.map((i) => [i.itemId, i.status, i.outcome?.ok])).toEqual([
      ['111', 'done', true],
      ['222', 'done', false],
      ['333', 'done', true],
    ]);
    expect(co.flow()).toEqual({ borrowing: 'waiting' });
  });

  it('holds an incomplete set back from the ILS until every part is on the pad', async () => {
    const co = startCheckout();
    await identified(co);
    co.send({ type: 'ITEM_PLACED', tag: tag('SET', 1, 3) }, { type: 'ITEM_PLACED', tag: tag('SET', 2, 3) });
    expect(co.actor.getSnapshot().context.items[0]?.status).toBe('incomplete-set');
    expect(co.checkoutItem.calls).toHaveLength(0);
    co.send({ type: 'ITEM_PLACED', tag: tag('SET', 3, 3) });
    expect(co.checkoutItem.last().input).toEqual({ card: karenCard, itemId: 'SET', tagUids: ['E0SET1', 'E0SET2', 'E0SET3'] });
  });

  it('reports an unreadable tag without asking the ILS', async () => {
    const co = startCheckout();
    await identified(co);
    co.send({ type: 'ITEM_PLACED', tag: { ...tag(null), uid: 'E0BAD', error: 'bad CRC' } });
    expect(co.actor.getSnapshot().context.items).toEqual([
      { key: 'tag:E0BAD', itemId: null, parts: [{ uid: 'E0BAD', partNumber: 1 }], partsInSet: 1, status: 'unreadable', outcome: null },
    ]);
    expect(co.checkoutItem.calls).toHaveLength(0);
  });

  it('applies the rules’ item refusal (e.g. the offline limit) before the ILS', async () => {
    const co = startCheckout({
      rules: {
        borrowingBlock: () => ({ blocked: false, reason: 'ok' }),
        itemRefusal: (_item, session) => (session.itemsBorrowed >= 1 ? 'offline-limit-reached' : null),
      },
    });
    await identified(co);
    co.send({ type: 'ITEM_PLACED', tag: tag('111') }, { type: 'ITEM_PLACED', tag: tag('222') });
    co.checkoutItem.last().resolve(ok('111'));
    await settle();
    expect(co.checkoutItem.calls).toHaveLength(1);
    expect(co.actor.getSnapshot().context.items[1]?.outcome).toEqual({ ok: false, itemId: '222', reason: 'offline-limit-reached' });
  });

  it('records an ILS failure as unavailable and carries on', async () => {
    const co = startCheckout();
    await identified(co);
    co.send({ type: 'ITEM_PLACED', tag: tag('111') });
    co.checkoutItem.last().reject(new Error('timeout'));
    await settle();
    expect(co.actor.getSnapshot().context.items[0]?.outcome).toEqual({ ok: false, itemId: '111', reason: 'unavailable' });
  });
});

describe('checkout: receipt and end', () => {
  it('waits for the queue, offers a receipt, prints it, ends the ILS session and says goodbye', async () => {
    const co = startCheckout({ config: { goodbyeMs: 3000 } });
    await identified(co);
    co.send({ type: 'ITEM_PLACED', tag: tag('111') }, { type: 'FINISH' });
    expect(co.flow()).toEqual({ borrowing: 'processing' });
    co.checkoutItem.last().resolve(ok('111', 'Kongens fald'));
    await settle();
    expect(co.flow()).toBe('receiptChoice');
    co.send({ type: 'SET_LANGUAGE', language: 'en' }, { type: 'PRINT_RECEIPT' });
    expect(co.printReceipt.last().input).toEqual({
      kind: 'checkout',
      language: 'en',
      lines: [{ itemId: '111', title: 'Kongens fald', dueDate: '2025-04-07' }],
    });
    co.printReceipt.last().reject(new Error('paper out'));
    await settle();
    expect(co.actor.getSnapshot().context.receipt).toBe('failed');
    co.endSession.last().resolve();
    await settle();
    expect(co.flow()).toBe('goodbye');
    co.clock.increment(3000);
    expect(co.actor.getSnapshot().output).toEqual({ borrowed: 1 });
  });

  it('skips the receipt when nothing was borrowed', async () => {
    const co = startCheckout();
    await identified(co);
    co.send({ type: 'FINISH' });
    expect(co.flow()).toBe('ending');
  });
});

describe('checkout: inactivity', () => {
  it('warns after warnAfterMs, counts down each second, and any patron event resets it', async () => {
    const co = startCheckout({ config: { inactivity: { warnAfterMs: 30_000, countdownSeconds: 3 } } });
    await identified(co);
    co.clock.increment(29_999);
    expect(co.actor.getSnapshot().context.secondsLeft).toBeNull();
    co.clock.increment(1);
    expect(co.actor.getSnapshot().context.secondsLeft).toBe(3);
    co.clock.increment(1000);
    expect(co.actor.getSnapshot().context.secondsLeft).toBe(2);
    co.send({ type: 'STILL_HERE' });
    expect(co.actor.getSnapshot().context.secondsLeft).toBeNull();
    co.clock.increment(29_999);
    co.send({ type: 'ITEM_REMOVED', uid: 'nothing' });
    co.clock.increment(29_999);
    expect(co.actor.getSnapshot().context.secondsLeft).toBeNull();
    co.clock.increment(1);
    co.clock.increment(1000);
    co.clock.increment(1000);
    expect(co.actor.getSnapshot().context.secondsLeft).toBe(1);
    expect(co.flow()).toEqual({ borrowing: 'waiting' });
    co.clock.increment(1000);
    expect(co.flow()).toBe('ending');
    expect(co.actor.getSnapshot().context.secondsLeft).toBeNull();
  });

  it('lets the item being checked out finish, then ends without a receipt', async () => {
    const co = startCheckout({ config: { inactivity: { warnAfterMs: 1000, countdownSeconds: 1 } } });
    await identified(co);
    co.send({ type: 'ITEM_PLACED', tag: tag('111') }, { type: 'ITEM_PLACED', tag: tag('222') });
    co.clock.increment(1000);
    co.clock.increment(1000);
    expect(co.flow()).toEqual({ borrowing: 'processing' });
    co.checkoutItem.last().resolve(ok('111'));
    await settle();
    expect(co.checkoutItem.calls).toHaveLength(1);
    expect(co.flow()).toBe('ending');
  });

  it('ends an unfinished identification without an ILS session', () => {
    const co = startCheckout({ config: { inactivity: { warnAfterMs: 1000, countdownSeconds: 1 } } });
    co.send({ type: 'CARD_READ', card: karenCard });
    co.clock.increment(1000);
    co.clock.increment(1000);
    expect(co.actor.getSnapshot().status).toBe('done');
    expect(co.endSession.calls).toHaveLength(0);
  });
});
