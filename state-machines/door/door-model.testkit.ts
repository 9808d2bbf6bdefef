// An abstract model of the door as a patron and the world see it (tests only). Each event is a
// thing that happens at the door; `expect` lists the access-log reasons that event must produce.
// createTestModel walks this model; door-model.test.ts replays every path on the real machine.
// Cards: ADULT and CHILD are two cards; ILS_* say whose facts the ILS (or cache) gives for the
// card of the attempt. An adult let in opens a window in which a child with their own PIN is
// let in with them, once (`companion` names the card that opened it).
import { assign, setup } from 'xstate';

type CardName = 'adult' | 'child';

export interface DoorModelContext {
  pinLength: number;
  lastWrong: boolean;
  expect: string[];
  card: CardName | null;
  companion: CardName | null;
}

export type DoorModelEvent = {
  type:
    | 'CARD_ADULT'
    | 'CARD_CHILD'
    | 'DIGIT'
    | 'BACKSPACE'
    | 'CLEAR'
    | 'ENTER'
    | 'CANCEL'
    | 'DIGIT_TIMEOUT'
    | 'ILS_ADULT'
    | 'ILS_TEEN'
    | 'ILS_CHILD'
    | 'ILS_WRONG_PIN'
    | 'ILS_LOCKED'
    | 'ILS_UNKNOWN'
    | 'ILS_UNAVAILABLE'
    | 'VERIFY_BACKSTOP'
    | 'CACHE_ADULT'
    | 'CACHE_UNKNOWN'
    | 'CACHE_TIMEOUT'
    | 'RELEASE_ELAPSED'
    | 'WINDOW_ELAPSED'
    | 'MESSAGE_ELAPSED'
    | 'NIGHT_FALLS'
    | 'DAY_BREAKS';
};

const logs = (...reasons: string[]) => ({ type: 'logs', params: reasons }) as const;
const refused = (reason: string) => ({ type: 'refused', params: reason }) as const;
const nothing = logs();
const attempt = (card: CardName) => ({ type: 'newAttempt', params: card }) as const;
const afterMessage = [{ guard: 'companion', target: 'waitingForChild', actions: nothing }, { target: 'idle', actions: nothing }] as const;
const newCards = { CARD_ADULT: { target: 'pinEntry', actions: attempt('adult') }, CARD_CHILD: { target: 'pinEntry', actions: attempt('child') } } as const;
const busy = { CARD_CHILD: { actions: logs('busy') } } as const;

export const doorModel = setup({
  types: {} as { context: DoorModelContext; events: DoorModelEvent },
  actions: {
    logs: assign((_, reasons: readonly string[]) => ({ expect: [...reasons] })),
    refused: assign((_, reason: string) => ({ expect: [reason], pinLength: 0, lastWrong: reason === 'wrong-pin' })),
    newAttempt: assign((_, card: CardName) => ({ expect: [], pinLength: 0, lastWrong: false, card })),
    addDigit: assign({ pinLength: ({ context }) => context.pinLength + 1, expect: [] }),
    removeDigit: assign({ pinLength: ({ context }) => Math.max(0, context.pinLength - 1), expect: [] }),
    clear: assign({ pinLength: 0, expect: [] }),
    retry: assign({ pinLength: 1, expect: [], lastWrong: false }),
    opensWindow: assign({ expect: ['allowed'], companion: ({ context }) => context.card }),
    usesWindow: assign({ expect: ['accompanied'], companion: null }),
    closesWindow: assign({ expect: [], companion: null }),
  },
  guards: {
    pinFull: ({ context }) => context.pinLength === 4,
    lastWrong: ({ context }) => context.lastWrong,
    companion: ({ context }) => context.companion !== null,
  },
}).createMachine({
  id: 'doorModel',
  context: { pinLength: 0, lastWrong: false, expect: [], card: null, companion: null },
  initial: 'idle',
  states: {
    idle: {
      on: { ...newCards, DIGIT: { actions: nothing }, NIGHT_FALLS: { target: 'nightIdle', actions: nothing } },
    },
    /** Outside unstaffed hours; the real machine is simply idle. */
    nightIdle: {
      on: {
        CARD_ADULT: { target: 'closed', actions: refused('outside-hours') },
        DAY_BREAKS: { target: 'idle', actions: nothing },
      },
    },
    closed: {
      on: {
        MESSAGE_ELAPSED: { target: 'nightIdle', actions: nothing },
        DIGIT: { actions: nothing },
        CARD_ADULT: { target: 'closed', actions: refused('outside-hours') },
      },
    },
    pinEntry: {
      on: {
        DIGIT: [{ guard: 'pinFull', actions: nothing }, { actions: 'addDigit' }],
        BACKSPACE: { actions: 'removeDigit' },
        CLEAR: { actions: 'clear' },
        ENTER: [{ guard: 'pinFull', target: 'verifying', actions: nothing }, { actions: nothing }],
        CANCEL: { target: 'denied', actions: refused('cancelled') },
        DIGIT_TIMEOUT: { target: 'denied', actions: refused('pin-timeout') },
        CARD_CHILD: { target: 'pinEntry', actions: [attempt('child'), logs('abandoned')] },
      },
    },
    verifying: {
      on: {
        ILS_ADULT: { target: 'released', actions: 'opensWindow' },
        ILS_TEEN: { target: 'released', actions: logs('allowed') },
        ILS_CHILD: [
          { guard: 'companion', target: 'released', actions: 'usesWindow' },
          { target: 'denied', actions: refused('under-age') },
        ],
        ILS_WRONG_PIN: { target: 'denied', actions: refused('wrong-pin') },
        ILS_LOCKED: { target: 'denied', actions: refused('card-locked') },
        ILS_UNKNOWN: { target: 'denied', actions: refused('unknown-card') },
        ILS_UNAVAILABLE: { target: 'verifyingCache', actions: nothing },
        VERIFY_BACKSTOP: { target: 'denied', actions: refused('unavailable') },
        ...busy,
      },
    },
    verifyingCache: {
      on: {
        CACHE_ADULT: { target: 'released', actions: 'opensWindow' },
        CACHE_UNKNOWN: { target: 'denied', actions: refused('offline-unknown') },
        CACHE_TIMEOUT: { target: 'denied', actions: refused('unavailable') },
        ...busy,
      },
    },
    released: {
      on: { RELEASE_ELAPSED: afterMessage, ...newCards },
    },
    waitingForChild: {
      on: { WINDOW_ELAPSED: { target: 'idle', actions: 'closesWindow' }, ...newCards },
    },
    denied: {
      on: {
        MESSAGE_ELAPSED: afterMessage,
        DIGIT: [{ guard: 'lastWrong', target: 'pinEntry', actions: 'retry' }, { actions: nothing }],
        CARD_ADULT: { target: 'pinEntry', actions: attempt('adult') },
      },
    },
  },
});
