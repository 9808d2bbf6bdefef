// Model-based tests: every shortest path through the borrowing model is replayed on the real
// checkout machine (real identify machine inside; fakes for the ILS, printer and session end).
import { describe, expect, it } from 'vitest';
import type { SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { ItemEntry } from '../shared/items';
import type { CheckoutOutcome } from '../ports';
import { card, patron, settle } from '../fakes.testkit';
import { startCheckout, tag } from './checkout-harness.testkit';
import { checkoutModel, type CheckoutModelEvent } from './checkout-model.testkit';

type Checkout = ReturnType<typeof startCheckout>;
type ModelState = SnapshotFrom<typeof checkoutModel>;

const inactivity = { warnAfterMs: 20_000, countdownSeconds: 3 };
const goodbyeMs = 2_000;
// The ILS answers within the model's steps; the slow-ILS fallback has its own unit tests.
const identify = { ilsTimeoutMs: 3_600_000, verifyTimeoutMs: 3_600_000 };
const patronCard = card('2002901234', 'library-card');
const processingId = (co: Checkout) => co.actor.getSnapshot().context.items.find((i) => i.status === 'processing')?.itemId ?? '?';

const world: Record<CheckoutModelEvent['type'], (co: Checkout) => void> = {
  CARD: (co) => co.send({ type: 'CARD_READ', card: patronCard }),
  PIN4: (co) => co.typePin('2468'),
  ENTER: (co) => co.send({ type: 'PIN_ENTER' }),
  CANCEL: (co) => co.send({ type: 'CANCEL' }),
  VERIFY_OK: (co) => co.verify.last().resolve({ outcome: 'valid', patron: patron(), source: 'ils' }),
  VERIFY_BLOCKED: (co) => co.verify.last().resolve({ outcome: 'valid', patron: patron({ feesDkk: 250 }), source: 'ils' }),
  VERIFY_WRONG: (co) => co.verify.last().resolve({ outcome: 'wrong-pin', attemptsLeft: 2 }),
  PLACE_A: (co) => co.send({ type: 'ITEM_PLACED', tag: tag('A') }),
  PLACE_S1: (co) => co.send({ type: 'ITEM_PLACED', tag: tag('S', 1, 2) }),
  PLACE_S2: (co) => co.send({ type: 'ITEM_PLACED', tag: tag('S', 2, 2) }),
  REMOVE_S1: (co) => co.send({ type: 'ITEM_REMOVED', uid: tag('S', 1, 2).uid }),
  ILS_OK: (co) => {
    const itemId = processingId(co);
    co.checkoutItem.last().resolve({ ok: true, itemId, title: `Title ${itemId}`, dueDate: '2025-04-07', renewed: false });
  },
  ILS_REFUSED: (co) => co.checkoutItem.last().resolve({ ok: false, itemId: processingId(co), reason: 'reserved-by-another' }),
  FINISH: (co) => co.send({ type: 'FINISH' }),
  PRINT: (co) => co.send({ type: 'PRINT_RECEIPT' }),
  NO_RECEIPT: (co) => co.send({ type: 'NO_RECEIPT' }),
  PRINT_DONE: (co) => co.printReceipt.last().resolve(),
  END_DONE: (co) => co.endSession.last().resolve(),
  GOODBYE_ELAPSED: (co) => co.clock.increment(goodbyeMs),
  WARN_ELAPSED: (co) => co.clock.increment(inactivity.warnAfterMs),
  COUNTDOWN_ELAPSED: (co) => {
    for (let s = 0; s < inactivity.countdownSeconds; s += 1) co.clock.increment(1000);
  },
  STILL_HERE: (co) => co.send({ type: 'STILL_HERE' }),
};

const model = createTestModel(checkoutModel, {
  // Only events the model accepts in that state: a refused event would still act on the SUT.
  filterEvents: (state, event) => state.can(event),
  // One path per distinct model state (value + context) keeps the run short.
  serializeTransition: () => '',
});
// Journeys for the events whose targets the shortest paths already reach another way.
const journey = (...types: CheckoutModelEvent['type'][]) => model.getPathsFromEvents(types.map((type) => ({ type })));
const paths = [
  ...model.getShortestPaths(),
  ...journey('CARD', 'PIN4', 'ENTER', 'VERIFY_OK', 'PLACE_S1', 'REMOVE_S1', 'PLACE_A', 'ILS_OK', 'WARN_ELAPSED', 'STILL_HERE'),
  ...journey('CARD', 'PIN4', 'ENTER', 'VERIFY_OK', 'PLACE_A', 'ILS_OK', 'FINISH', 'PRINT', 'PRINT_DONE', 'END_DONE', 'GOODBYE_ELAPSED'),
];

function itemStatus(items: ItemEntry<CheckoutOutcome>[], itemId: string): string {
  const status = items.find((i) => i.itemId === itemId)?.status;
  if (status === undefined) return 'off';
  return status === 'incomplete-set' ? 'waiting' : status;
}

function check(co: Checkout, state: ModelState) {
  const snapshot = co.actor.getSnapshot();
  const top = typeof state.value === 'string' ? state.value : Object.keys(state.value)[0];
  if (state.matches('identifying')) {
    expect(co.flow()).toBe('identifying');
    const identify = snapshot.children.identify?.getSnapshot() as { value: unknown } | undefined;
    expect(identify?.value).toEqual((state.value as { identifying: string }).identifying);
  } else {
    expect(co.flow()).toEqual(top === 'borrowing' ? state.value : top);
  }
  if (state.matches('done')) {
    expect(snapshot.status).toBe('done');
    return;
  }
  expect(itemStatus(snapshot.context.items, 'A')).toBe(state.context.a);
  expect(itemStatus(snapshot.context.items, 'S')).toBe(state.context.s);
  expect(snapshot.context.items.filter((i) => i.outcome?.ok).length).toBe(state.context.borrowed);
  expect(snapshot.context.secondsLeft === null).toBe(!state.context.warning);
  if (state.matches('printing')) expect(co.printReceipt.last().input.lines).toHaveLength(state.context.borrowed);
}

describe('checkout model', () => {
  it('walks every state and every world event of the model', () => {
    const reached = new Set(paths.flatMap((p) => p.steps.map((s) => JSON.stringify(s.state.value))));
    expect(reached.size).toBe(12);
    const used = new Set<string>(paths.flatMap((p) => p.steps.map((s) => s.event.type)));
    expect(Object.keys(world).filter((type) => !used.has(type))).toEqual([]);
  });

  for (const path of paths) {
    it(path.description, async () => {
      const co = startCheckout({ config: { inactivity, goodbyeMs, identify } });
      const events: Record<string, () => Promise<void>> = {};
      for (const [type, act] of Object.entries(world)) {
        events[type] = async () => {
          act(co);
          await settle();
        };
      }
      await path.test({ events, states: { '*': (state) => check(co, state as ModelState) } });
    });
  }
});
