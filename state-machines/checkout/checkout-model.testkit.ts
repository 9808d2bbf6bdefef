// An abstract model of a borrowing session as the patron and the ILS see it (tests only): item A
// (one part) and set S (two parts), inactivity, receipt. checkout-model.test.ts replays every
// path on the real checkout machine.
import { and, assign, setup } from 'xstate';

type ItemState = 'off' | 'waiting' | 'queued' | 'processing' | 'done';

export interface CheckoutModelContext {
  pinTyped: boolean;
  a: ItemState;
  /** Parts of S on the pad (before S is handled). */
  s1: boolean;
  s2: boolean;
  s: ItemState;
  queue: ('A' | 'S')[];
  finish: boolean;
  warning: boolean;
  timedOut: boolean;
  borrowed: number;
}

export type CheckoutModelEvent = {
  type:
    | 'CARD'
    | 'PIN4'
    | 'ENTER'
    | 'CANCEL'
    | 'VERIFY_OK'
    | 'VERIFY_BLOCKED'
    | 'VERIFY_WRONG'
    | 'PLACE_A'
    | 'PLACE_S1'
    | 'PLACE_S2'
    | 'REMOVE_S1'
    | 'ILS_OK'
    | 'ILS_REFUSED'
    | 'FINISH'
    | 'PRINT'
    | 'NO_RECEIPT'
    | 'PRINT_DONE'
    | 'END_DONE'
    | 'GOODBYE_ELAPSED'
    | 'WARN_ELAPSED'
    | 'COUNTDOWN_ELAPSED'
    | 'STILL_HERE';
};

type Ctx = CheckoutModelContext;

const setStatus = (key: 'A' | 'S', status: ItemState): Partial<Ctx> => (key === 'A' ? { a: status } : { s: status });
const current = (ctx: Ctx) => (ctx.a === 'processing' ? 'A' : ctx.s === 'processing' ? 'S' : null);
/** S is ready once both parts lie on the pad; it joins the queue then. */
function setReadiness(ctx: Ctx): Partial<Ctx> {
  if (ctx.s === 'processing' || ctx.s === 'done') return {};
  const ready = ctx.s1 && ctx.s2;
  const queued = ctx.queue.includes('S');
  if (ready && !queued) return { s: 'queued', queue: [...ctx.queue, 'S'] };
  if (!ready && queued) return { s: ctx.s1 || ctx.s2 ? 'waiting' : 'off', queue: ctx.queue.filter((k) => k !== 'S') };
  return { s: ready ? 'queued' : ctx.s1 || ctx.s2 ? 'waiting' : 'off' };
}

export const checkoutModel = setup({
  types: {} as { context: CheckoutModelContext; events: CheckoutModelEvent },
  actions: {
    active: assign({ warning: false }),
    typePin: assign({ pinTyped: true, warning: false }),
    clearPin: assign({ pinTyped: false, warning: false }),
    placeA: assign(({ context }) => ({ a: 'queued' as const, queue: [...context.queue, 'A' as const], warning: false })),
    placeS: assign(({ context }, part: 's1' | 's2') => ({ ...setReadiness({ ...context, [part]: true }), [part]: true, warning: false })),
    removeS1: assign(({ context }) => ({ ...setReadiness({ ...context, s1: false }), s1: false, warning: false })),
    takeNext: assign(({ context }) => {
      const [key, ...rest] = context.queue;
      return key === undefined ? {} : { ...setStatus(key, 'processing'), queue: rest };
    }),
    record: assign(({ context }, ok: boolean) => {
      const key = current(context);
      return key === null ? {} : { ...setStatus(key, 'done'), borrowed: context.borrowed + (ok ? 1 : 0) };
    }),
    finish: assign({ finish: true, warning: false }),
    warn: assign({ warning: true }),
    timeOut: assign({ warning: false, timedOut: true }),
  },
  guards: {
    pinTyped: ({ context }) => context.pinTyped,
    aOff: ({ context }) => context.a === 'off',
    s1Free: ({ context }) => !context.s1 && context.s !== 'processing' && context.s !== 'done',
    s2Free: ({ context }) => !context.s2 && context.s !== 'processing' && context.s !== 'done',
    s1Removable: ({ context }) => context.s1 && (context.s === 'waiting' || context.s === 'queued'),
    timedOut: ({ context }) => context.timedOut,
    busy: ({ context }) => current(context) !== null,
    queued: ({ context }) => context.queue.length > 0,
    receipt: ({ context }) => context.finish && context.borrowed > 0,
    finish: ({ context }) => context.finish,
    notWarning: ({ context }) => !context.warning && !context.timedOut,
    warning: ({ context }) => context.warning,
  },
}).createMachine({
  id: 'checkoutModel',
  context: { pinTyped: false, a: 'off', s1: false, s2: false, s: 'off', queue: [], finish: false, warning: false, timedOut: false, borrowed: 0 },
  initial: 'identifying',
  states: {
    identifying: {
      initial: 'waitingForCard',
      on: {
        CANCEL: '#checkoutModel.done',
        WARN_ELAPSED: { guard: 'notWarning', actions: 'warn' },
        COUNTDOWN_ELAPSED: { guard: 'warning', target: '#checkoutModel.done' },
        STILL_HERE: { actions: 'active' },
        PLACE_A: { guard: 'aOff', actions: 'placeA' },
      },
      states: {
        waitingForCard: { on: { CARD: { target: 'pinEntry', actions: 'clearPin' } } },
        pinEntry: {
          on: {
            PIN4: { guard: ({ context }) => !context.pinTyped, actions: 'typePin' },
            ENTER: { guard: 'pinTyped', target: 'verifying', actions: 'active' },
          },
        },
        verifying: {
          on: {
            VERIFY_OK: { target: '#checkoutModel.borrowing', actions: assign({ pinTyped: false }) },
            VERIFY_BLOCKED: { target: '#checkoutModel.blocked', actions: assign({ pinTyped: false }) },
            VERIFY_WRONG: { target: 'refused', actions: assign({ pinTyped: false }) },
          },
        },
        refused: { on: { CARD: { target: 'pinEntry', actions: 'clearPin' } } },
      },
    },
    blocked: {
      on: {
        FINISH: 'ending',
        WARN_ELAPSED: { guard: 'notWarning', actions: 'warn' },
        COUNTDOWN_ELAPSED: { guard: 'warning', target: 'ending' },
      },
    },
    borrowing: {
      initial: 'route',
      on: {
        // After a time-out the item in hand finishes; nothing else moves the session on.
        PLACE_A: { guard: 'aOff', target: '.route', actions: 'placeA' },
        PLACE_S1: { guard: 's1Free', target: '.route', actions: { type: 'placeS', params: 's1' } },
        PLACE_S2: { guard: 's2Free', target: '.route', actions: { type: 'placeS', params: 's2' } },
        REMOVE_S1: { guard: 's1Removable', target: '.route', actions: 'removeS1' },
        FINISH: { target: '.route', actions: 'finish' },
        STILL_HERE: { actions: 'active' },
        WARN_ELAPSED: { guard: 'notWarning', actions: 'warn' },
      },
      states: {
        route: {
          always: [
            { guard: 'timedOut', target: '#checkoutModel.ending' },
            { guard: 'busy', target: 'processing' },
            { guard: 'queued', target: 'processing', actions: 'takeNext' },
            { guard: 'receipt', target: '#checkoutModel.receiptChoice' },
            { guard: 'finish', target: '#checkoutModel.ending' },
            { target: 'waiting' },
          ],
        },
        waiting: { on: { COUNTDOWN_ELAPSED: { guard: 'warning', target: '#checkoutModel.ending', actions: 'timeOut' } } },
        processing: {
          on: {
            PLACE_A: { guard: and(['timedOut', 'aOff']), actions: 'placeA' },
            PLACE_S1: { guard: and(['timedOut', 's1Free']), actions: { type: 'placeS', params: 's1' } },
            PLACE_S2: { guard: and(['timedOut', 's2Free']), actions: { type: 'placeS', params: 's2' } },
            REMOVE_S1: { guard: and(['timedOut', 's1Removable']), actions: 'removeS1' },
            FINISH: { guard: 'timedOut', actions: 'finish' },
            ILS_OK: { target: 'route', actions: { type: 'record', params: true } },
            ILS_REFUSED: { target: 'route', actions: { type: 'record', params: false } },
            COUNTDOWN_ELAPSED: { guard: 'warning', actions: 'timeOut' },
          },
        },
      },
    },
    receiptChoice: {
      on: {
        PRINT: { target: 'printing', actions: 'active' },
        NO_RECEIPT: { target: 'ending', actions: 'active' },
        WARN_ELAPSED: { guard: 'notWarning', actions: 'warn' },
        COUNTDOWN_ELAPSED: { guard: 'warning', target: 'ending', actions: 'timeOut' },
      },
    },
    printing: { entry: 'active', on: { PRINT_DONE: 'ending' } },
    ending: { entry: 'active', on: { END_DONE: 'goodbye' } },
    goodbye: { on: { GOODBYE_ELAPSED: 'done' } },
    done: { type: 'final' },
  },
});
