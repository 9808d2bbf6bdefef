import { describe, expect, it } from 'vitest';
import type { CheckoutOutcome } from '../ports';
import type { ItemEntry } from '../shared/items';
import { DEFAULT_SESSION_CONFIG } from '../shared/session';
import { card, patron } from '../fakes.testkit';
import { checkoutGuards as g } from './checkout-guards';
import type { CheckoutContext } from './checkout-types';

const item = (key: string, status: ItemEntry<CheckoutOutcome>['status'], outcome: CheckoutOutcome | null = null): ItemEntry<CheckoutOutcome> => ({
  key,
  itemId: key,
  parts: [{ uid: `u${key}`, partNumber: 1 }],
  partsInSet: 1,
  status,
  outcome,
});
const borrowed = (key: string) => item(key, 'done', { ok: true, itemId: key, title: key, dueDate: '2025-04-01', renewed: false });
const refused = (key: string) => item(key, 'done', { ok: false, itemId: key, reason: 'reserved-by-another' });

function ctx(overrides: Partial<CheckoutContext> = {}): { context: CheckoutContext } {
  return {
    context: {
      config: DEFAULT_SESSION_CONFIG,
      language: 'da',
      initialCard: null,
      card: card('1'),
      patron: patron(),
      block: null,
      items: [],
      localRefusal: null,
      finishRequested: false,
      timedOut: false,
      receipt: null,
      secondsLeft: null,
      ...overrides,
    },
  };
}

describe('checkout guards', () => {
  it('identified: by the identification output', () => {
    expect(g.identified(ctx(), { identified: true, card: card('1'), patron: patron(), source: 'ils' })).toBe(true);
    expect(g.identified(ctx(), { identified: false })).toBe(false);
  });

  it('patronBlocked: by the borrowing-block rule’s answer', () => {
    expect(g.patronBlocked(ctx({ block: { blocked: true, reason: 'fees' } }))).toBe(true);
    expect(g.patronBlocked(ctx({ block: { blocked: false, reason: 'ok' } }))).toBe(false);
    expect(g.patronBlocked(ctx())).toBe(false);
  });

  it('hasQueuedItem: only items ready to go', () => {
    expect(g.hasQueuedItem(ctx({ items: [item('A', 'incomplete-set'), item('B', 'unreadable'), borrowed('C')] }))).toBe(false);
    expect(g.hasQueuedItem(ctx({ items: [item('A', 'processing'), item('B', 'queued')] }))).toBe(true);
  });

  it('refusedLocally: a refusal from the rules is pending', () => {
    expect(g.refusedLocally(ctx({ localRefusal: 'offline-limit-reached' }))).toBe(true);
    expect(g.refusedLocally(ctx())).toBe(false);
  });

  it('finishWithReceipt / finishRequested: a receipt only when something was borrowed', () => {
    expect(g.finishWithReceipt(ctx({ finishRequested: true, items: [refused('A'), borrowed('B')] }))).toBe(true);
    expect(g.finishWithReceipt(ctx({ finishRequested: true, items: [refused('A')] }))).toBe(false);
    expect(g.finishWithReceipt(ctx({ finishRequested: false, items: [borrowed('B')] }))).toBe(false);
    expect(g.finishRequested(ctx({ finishRequested: true }))).toBe(true);
    expect(g.finishRequested(ctx())).toBe(false);
  });

  it('timedOut and countdownOver', () => {
    expect(g.timedOut(ctx({ timedOut: true }))).toBe(true);
    expect(g.timedOut(ctx())).toBe(false);
    expect([null, 3, 2, 1, 0].map((secondsLeft) => g.countdownOver(ctx({ secondsLeft })))).toEqual([true, false, false, true, true]);
  });
});
