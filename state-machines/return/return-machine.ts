// Returning items: no login; items are checked in one at a time in placement order (the
// runtime sets the AFI back to "in library") and each shows where it goes: shelf, hold shelf,
// another branch / sort bin, or an alert for staff. Then a receipt, or not, and goodbye.
import { assertEvent, assign, raise, setup } from 'xstate';
import type { CheckinOutcome, ReceiptRequest } from '../ports';
import { activityRegion, ONE_SECOND } from '../shared/inactivity';
import { placeTag, processingItem, recordOutcome, removeTag, tagUids, markProcessing, nextQueued } from '../shared/items';
import { notProvidedActor } from '../shared/placeholders';
import { sessionConfig } from '../shared/session';
import { returnGuards, returnReceiptLines } from './return-guards';
import { RETURN_ACTIVITY, type CheckinItemInput, type ReturnContext, type ReturnEvent, type ReturnInput, type ReturnOutput } from './return-types';

export const returnMachine = setup({
  types: {} as { context: ReturnContext; events: ReturnEvent; input: ReturnInput; output: ReturnOutput },
  actors: {
    checkinItem: notProvidedActor<CheckinOutcome, CheckinItemInput>('checkinItem'),
    printReceipt: notProvidedActor<void, ReceiptRequest>('printReceipt'),
  },
  actions: {
    placeTag: assign(({ context, event }) => {
      assertEvent(event, 'ITEM_PLACED');
      return { items: placeTag(context.items, event.tag) };
    }),
    removeTag: assign(({ context, event }) => {
      assertEvent(event, 'ITEM_REMOVED');
      return { items: removeTag(context.items, event.uid) };
    }),
    takeNextItem: assign(({ context }) => {
      const item = nextQueued(context.items);
      return item === undefined ? {} : { items: markProcessing(context.items, item.key) };
    }),
    recordOutcome: assign(({ context }, outcome: CheckinOutcome) => {
      const item = processingItem(context.items);
      return item === undefined ? {} : { items: recordOutcome(context.items, item.key, outcome) };
    }),
    recordFailure: assign(({ context }) => {
      const item = processingItem(context.items);
      if (item === undefined) return {};
      const outcome: CheckinOutcome = { ok: false, itemId: item.itemId ?? '', reason: 'unavailable' };
      return { items: recordOutcome(context.items, item.key, outcome) };
    }),
    requestFinish: assign({ finishRequested: true }),
    markTimedOut: assign({ timedOut: true }),
    setLanguage: assign(({ event }) => {
      assertEvent(event, 'SET_LANGUAGE');
      return { language: event.language };
    }),
    receiptPrinted: assign({ receipt: 'printed' as const }),
    receiptFailed: assign({ receipt: 'failed' as const }),
    startCountdown: assign(({ context }) => ({ secondsLeft: context.config.inactivity.countdownSeconds })),
    tick: assign(({ context }) => ({ secondsLeft: (context.secondsLeft ?? 1) - 1 })),
    stopCountdown: assign({ secondsLeft: null }),
    expire: raise({ type: 'SESSION_TIMEOUT' }),
  },
  guards: returnGuards,
  delays: {
    inactivityWarning: ({ context }) => context.config.inactivity.warnAfterMs,
    countdownTick: ONE_SECOND,
    goodbye: ({ context }) => context.config.goodbyeMs,
  },
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
            receiptChoice: {
              on: {
                PRINT_RECEIPT: '#return.printing',
                NO_RECEIPT: '#return.goodbye',
                CANCEL: '#return.goodbye',
                SESSION_TIMEOUT: '#return.goodbye',
              },
            },
          },
        },
        activity: activityRegion(RETURN_ACTIVITY),
      },
    },
    printing: {
      invoke: {
        src: 'printReceipt',
        input: ({ context }) => ({ kind: 'return' as const, language: context.language, lines: returnReceiptLines(context.items) }),
        onDone: { target: 'goodbye', actions: 'receiptPrinted' },
        onError: { target: 'goodbye', actions: 'receiptFailed' },
      },
    },
    goodbye: { after: { goodbye: 'done' } },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ returned: returnReceiptLines(context.items).length }),
});

export type ReturnMachine = typeof returnMachine;
