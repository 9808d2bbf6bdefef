// Returning items: no login; items are checked in one at a time in placement order (the
// runtime sets the AFI back to "in library") and each shows where it goes: shelf, hold shelf,
// another branch / sort bin, or an alert for staff. Then a receipt, or not, and goodbye.
import { assign, setup } from 'xstate';
import type { CheckinOutcome, ReceiptRequest } from '../ports';
import { activityRegion } from '../shared/inactivity';
import { itemSessionActions, printingState, receiptChoiceState } from '../shared/item-session';
import { markProcessing, nextQueued, placeTag, processingItem, tagUids } from '../shared/items';
import { notProvidedActor } from '../shared/placeholders';
import { goodbyeStates, sessionActions, sessionConfig, sessionDelays } from '../shared/session';
import { returnGuards, returnReceiptLines } from './return-guards';
import { RETURN_ACTIVITY, type CheckinItemInput, type ReturnContext, type ReturnEvent, type ReturnInput, type ReturnOutput } from './return-types';

export const returnMachine = setup({
  types: {} as { context: ReturnContext; events: ReturnEvent; input: ReturnInput; output: ReturnOutput },
  actors: {
    checkinItem: notProvidedActor<CheckinOutcome, CheckinItemInput>('checkinItem'),
    printReceipt: notProvidedActor<void, ReceiptRequest>('printReceipt'),
  },
  actions: {
    ...sessionActions<ReturnContext, ReturnEvent>(),
    ...itemSessionActions<ReturnContext, ReturnEvent, CheckinOutcome>(),
    takeNextItem: assign(({ context }) => {
      const item = nextQueued(context.items);
      return item === undefined ? {} : { items: markProcessing(context.items, item.key) };
    }),
  },
  guards: returnGuards,
  delays: sessionDelays,
}).createMachine({
  id: 'return',
  context: ({ input }) => ({
    config: sessionConfig(input),
    language: input.language ?? 'da',
    items: (input.tags ?? []).reduce<ReturnContext['items']>((items, tag) => placeTag(items, tag), []),
    finishRequested: false,
    timedOut: false,
    receipt: null,
    secondsLeft: null,
  }),
  initial: 'session',
  states: {
    session: {
      type: 'parallel',
      exit: 'stopCountdown',
      states: {
        flow: {
          initial: 'returning',
          on: {
            ITEM_PLACED: { actions: 'placeTag' },
            ITEM_REMOVED: { actions: 'removeTag' },
            SET_LANGUAGE: { actions: 'setLanguage' },
          },
          states: {
            returning: {
              initial: 'next',
              on: {
                FINISH: { actions: 'requestFinish' },
                CANCEL: { actions: 'requestFinish' },
                SESSION_TIMEOUT: { actions: 'markTimedOut' },
              },
              states: {
                next: {
                  always: [
                    { guard: 'timedOut', target: '#return.goodbye' },
                    { guard: 'hasQueuedItem', target: 'processing', actions: 'takeNextItem' },
                    { guard: 'finishWithReceipt', target: '#return.session.flow.receiptChoice' },
                    { guard: 'finishRequested', target: '#return.goodbye' },
                    { target: 'waiting' },
                  ],
                },
                waiting: {
                  on: {
                    ITEM_PLACED: { target: 'next', actions: 'placeTag' },
                    FINISH: { target: 'next', actions: 'requestFinish' },
                    CANCEL: { target: 'next', actions: 'requestFinish' },
                    SESSION_TIMEOUT: { target: 'next', actions: 'markTimedOut' },
                  },
                },
                processing: {
                  invoke: {
                    src: 'checkinItem',
                    input: ({ context }) => {
                      const item = processingItem(context.items);
                      return { itemId: item?.itemId ?? '', tagUids: item ? tagUids(item) : [] };
                    },
                    onDone: { target: 'next', actions: { type: 'recordOutcome', params: ({ event }) => event.output } },
                    onError: { target: 'next', actions: 'recordFailure' },
                  },
                },
              },
            },
            receiptChoice: receiptChoiceState('return', 'goodbye'),
          },
        },
        activity: activityRegion(RETURN_ACTIVITY),
      },
    },
    printing: printingState({ kind: 'return', lines: returnReceiptLines, then: 'goodbye' }),
    ...goodbyeStates,
  },
  output: ({ context }) => ({ returned: returnReceiptLines(context.items).length }),
});

export type ReturnMachine = typeof returnMachine;
