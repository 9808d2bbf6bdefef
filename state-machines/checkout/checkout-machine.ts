// Borrowing: identify (card + PIN) -> refused with the reason if borrowing is blocked -> items
// handled one at a time in placement order (sets complete, unreadable tags and the rules'
// refusals never reach the ILS) -> receipt or not -> end the ILS session (SIP2 35) -> goodbye.
// An inactivity region warns with a countdown and then ends the session.
import { assign, setup } from 'xstate';
import { identifyMachine } from '../identify/identify-machine';
import type { IdentifyOutput } from '../identify/identify-types';
import type { CardRead, CheckoutOutcome, ReceiptRequest } from '../ports';
import { activityRegion } from '../shared/inactivity';
import { itemSessionActions, printingState, receiptChoiceState } from '../shared/item-session';
import { markProcessing, nextQueued, placeTag, processingItem, recordOutcome, tagUids } from '../shared/items';
import { endingState, identifyingState, patronSessionActions } from '../shared/patron-session';
import { notProvidedActor } from '../shared/placeholders';
import type { CheckoutRules } from '../shared/rules';
import { goodbyeStates, sessionActions, sessionConfig, sessionDelays } from '../shared/session';
import { borrowedCount, checkoutGuards } from './checkout-guards';
import { receiptLines } from './checkout-receipt';
import { CHECKOUT_ACTIVITY, type CheckoutContext, type CheckoutEvent, type CheckoutInput, type CheckoutItemInput, type CheckoutOutput } from './checkout-types';

export function createCheckoutMachine(rules: CheckoutRules) {
  return setup({
    types: {} as { context: CheckoutContext; events: CheckoutEvent; input: CheckoutInput; output: CheckoutOutput },
    actors: {
      identify: identifyMachine,
      checkoutItem: notProvidedActor<CheckoutOutcome, CheckoutItemInput>('checkoutItem'),
      printReceipt: notProvidedActor<void, ReceiptRequest>('printReceipt'),
      endSession: notProvidedActor<void, { card: CardRead }>('endSession'),
    },
    actions: {
      ...sessionActions<CheckoutContext, CheckoutEvent>(),
      ...patronSessionActions<CheckoutContext, CheckoutEvent>(),
      ...itemSessionActions<CheckoutContext, CheckoutEvent, CheckoutOutcome>(),
      acceptPatron: assign((_, output: IdentifyOutput) =>
        output.identified ? { card: output.card, patron: output.patron, block: rules.borrowingBlock(output.patron) } : {},
      ),
      takeNextItem: assign(({ context }) => {
        const item = nextQueued(context.items);
        if (item === undefined) return { localRefusal: null };
        const refusal =
          context.patron === null
            ? 'patron-blocked'
            : rules.itemRefusal(
                { itemId: item.itemId ?? item.key, partsInSet: item.partsInSet },
                { patron: context.patron, itemsBorrowed: borrowedCount(context) },
              );
        return { items: markProcessing(context.items, item.key), localRefusal: refusal };
      }),
      refuseLocally: assign(({ context }) => {
        const item = processingItem(context.items);
        if (item === undefined || context.localRefusal === null) return {};
        const outcome: CheckoutOutcome = { ok: false, itemId: item.itemId ?? '', reason: context.localRefusal };
        return { items: recordOutcome(context.items, item.key, outcome), localRefusal: null };
      }),
    },
    guards: checkoutGuards,
    delays: sessionDelays,
  }).createMachine({
    id: 'checkout',
    context: ({ input }) => ({
      config: sessionConfig(input),
      language: input.language ?? 'da',
      initialCard: input.card ?? null,
      card: null,
      patron: null,
      block: null,
      items: (input.tags ?? []).reduce<CheckoutContext['items']>((items, tag) => placeTag(items, tag), []),
      localRefusal: null,
      finishRequested: false,
      timedOut: false,
      receipt: null,
      secondsLeft: null,
    }),
    initial: 'session',
    on: { SET_LANGUAGE: { actions: 'setLanguage' } },
    states: {
      session: {
        type: 'parallel',
        exit: 'stopCountdown',
        states: {
          flow: {
            initial: 'identifying',
            // Items placed before the patron is identified wait in the queue. Events handled
            // here, not on the root, so they never compete with the activity region's reset.
            on: {
              ITEM_PLACED: { actions: 'placeTag' },
              ITEM_REMOVED: { actions: 'removeTag' },
              SET_LANGUAGE: { actions: 'setLanguage' },
            },
            states: {
              identifying: identifyingState('checkout', 'checkingPatron'),
              checkingPatron: { always: [{ guard: 'patronBlocked', target: 'blocked' }, { target: 'borrowing' }] },
              blocked: {
                on: { FINISH: '#checkout.ending', CANCEL: '#checkout.ending', SESSION_TIMEOUT: '#checkout.ending' },
              },
              borrowing: {
                initial: 'next',
                on: { FINISH: { actions: 'requestFinish' }, SESSION_TIMEOUT: { actions: 'markTimedOut' } },
                states: {
                  next: {
                    always: [
                      { guard: 'timedOut', target: '#checkout.ending' },
                      { guard: 'hasQueuedItem', target: 'checking' },
                      { guard: 'finishWithReceipt', target: '#checkout.session.flow.receiptChoice' },
                      { guard: 'finishRequested', target: '#checkout.ending' },
                      { target: 'waiting' },
                    ],
                  },
                  waiting: {
                    on: {
                      ITEM_PLACED: { target: 'next', actions: 'placeTag' },
                      FINISH: { target: 'next', actions: 'requestFinish' },
                      SESSION_TIMEOUT: { target: 'next', actions: 'markTimedOut' },
                    },
                  },
                  checking: {
                    entry: 'takeNextItem',
                    always: [{ guard: 'refusedLocally', target: 'next', actions: 'refuseLocally' }, { target: 'processing' }],
                  },
                  processing: {
                    invoke: {
                      src: 'checkoutItem',
                      input: ({ context }) => {
                        const item = processingItem(context.items);
                        return { card: context.card as CardRead, itemId: item?.itemId ?? '', tagUids: item ? tagUids(item) : [] };
                      },
                      onDone: { target: 'next', actions: { type: 'recordOutcome', params: ({ event }) => event.output } },
                      onError: { target: 'next', actions: 'recordFailure' },
                    },
                  },
                },
              },
              receiptChoice: receiptChoiceState('checkout', 'ending'),
            },
          },
          activity: activityRegion(CHECKOUT_ACTIVITY),
        },
      },
      printing: printingState({ kind: 'checkout', lines: receiptLines, then: 'ending' }),
      ending: endingState,
      ...goodbyeStates,
    },
    output: ({ context }) => ({ borrowed: borrowedCount(context) }),
  });
}

export type CheckoutMachine = ReturnType<typeof createCheckoutMachine>;
