// An abstract model of the door as a patron and the world see it (tests only). Each event is a
// thing that happens at the door; `expect` lists the access-log reasons that event must produce.
// createTestModel walks this model; door-model.test.ts replays every path on the real machine.
import { assign, setup } from 'xstate';

export interface DoorModelContext {
  pinLength: number;
  lastWrong: boolean;
  expect: string[];
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
    | 'ILS_SLOW'
    | 'CACHE_ADULT'
    | 'CACHE_UNKNOWN'
    | 'CACHE_TIMEOUT'
    | 'LOOKUP_CHILD'
    | 'LOOKUP_TEEN'
    | 'LOOKUP_UNKNOWN'
    | 'LOOKUP_TIMEOUT'
    | 'RELEASE_ELAPSED'
    | 'WINDOW_ELAPSED'
    | 'MESSAGE_ELAPSED'
    | 'NIGHT_FALLS'
    | 'DAY_BREAKS';
};

const logs = (...reasons: string[]) => ({ type: 'logs', params: reasons }) as const;
const refused = (reason: string) => ({ type: 'refused', params: reason }) as const;
const newAttempt = 'newAttempt' as const;
const nothing = logs();

export const doorModel = setup({
  types: {} as { context: DoorModelContext; events: DoorModelEvent },
  actions: {
    logs: assign((_, reasons: readonly string[]) => ({ expect: [...reasons] })),
    refused: assign((_, reason: string) => ({ expect: [reason], pinLength: 0, lastWrong: reason === 'wrong-pin' })),
    newAttempt: assign({ expect: [], pinLength: 0, lastWrong: false }),
    addDigit: assign({ pinLength: ({ context }) => context.pinLength + 1, expect: [] }),
    removeDigit: assign({ pinLength: ({ context }) => Math.max(0, context.pinLength - 1), expect: [] }),
    clear: assign({ pinLength: 0, expect: [] }),
    retry: assign({ pinLength: 1, expect: [], lastWrong: false }),
  },
  guards: {
    pinFull: ({ context }) => context.pinLength === 4,
    lastWrong: ({ context }) => context.lastWrong,
  },
}).createMachine({
  id: 'doorModel',
  context: { pinLength: 0, lastWrong: false, expect: [] },
  initial: 'idle',
  states: {
    idle: {
      on: {
        CARD_ADULT: { target: 'pinEntry', actions: newAttempt },
        CARD_CHILD: { target: 'pinEntry', actions: newAttempt },
        DIGIT: { actions: nothing },
        NIGHT_FALLS: { target: 'nightIdle', actions: nothing },
      },
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
        DIGIT: [
          { guard: 'pinFull', actions: nothing },
          { actions: 'addDigit' },
        ],
        BACKSPACE: { actions: 'removeDigit' },
        CLEAR: { actions: 'clear' },
        ENTER: [{ guard: 'pinFull', target: 'verifying', actions: nothing }, { actions: nothing }],
        CANCEL: { target: 'denied', actions: refused('cancelled') },
        DIGIT_TIMEOUT: { target: 'denied', actions: refused('pin-timeout') },
        CARD_CHILD: { target: 'pinEntry', actions: [newAttempt, logs('abandoned')] },
      },
    },
    verifying: {
      on: {
        ILS_ADULT: { target: 'accompanying', actions: nothing },
        ILS_TEEN: { target: 'released', actions: logs('allowed') },
        ILS_CHILD: { target: 'denied', actions: refused('under-age') },
        ILS_WRONG_PIN: { target: 'denied', actions: refused('wrong-pin') },
        ILS_LOCKED: { target: 'denied', actions: refused('card-locked') },
        ILS_UNKNOWN: { target: 'denied', actions: refused('unknown-card') },
        ILS_UNAVAILABLE: { target: 'verifyingCache', actions: nothing },
        ILS_SLOW: { target: 'verifyingCache', actions: nothing },
        CARD_CHILD: { actions: logs('busy') },
      },
    },
    verifyingCache: {
      on: {
        CACHE_ADULT: { target: 'accompanying', actions: nothing },
        CACHE_UNKNOWN: { target: 'denied', actions: refused('offline-unknown') },
        CACHE_TIMEOUT: { target: 'denied', actions: refused('unavailable') },
        CARD_CHILD: { actions: logs('busy') },
      },
    },
    released: {
      on: {
        RELEASE_ELAPSED: { target: 'idle', actions: nothing },
        CARD_ADULT: { target: 'pinEntry', actions: newAttempt },
      },
    },
    accompanying: {
      initial: 'waitingForChild',
      states: {
        waitingForChild: {
          on: {
            WINDOW_ELAPSED: { target: '#doorModel.idle', actions: logs('allowed') },
            CARD_CHILD: { target: 'lookingUpChild', actions: nothing },
          },
        },
        lookingUpChild: {
          on: {
            LOOKUP_CHILD: { target: '#doorModel.accompaniedRelease', actions: logs('accompanied') },
            LOOKUP_TEEN: { target: '#doorModel.pinEntry', actions: [newAttempt, logs('allowed')] },
            LOOKUP_UNKNOWN: { target: '#doorModel.denied', actions: [refused('unknown-card'), logs('allowed', 'unknown-card')] },
            LOOKUP_TIMEOUT: { target: '#doorModel.denied', actions: [refused('unavailable'), logs('allowed', 'unavailable')] },
          },
        },
      },
    },
    accompaniedRelease: {
      on: {
        RELEASE_ELAPSED: { target: 'idle', actions: nothing },
        CARD_ADULT: { target: 'pinEntry', actions: newAttempt },
      },
    },
    denied: {
      on: {
        MESSAGE_ELAPSED: { target: 'idle', actions: nothing },
        DIGIT: [
          { guard: 'lastWrong', target: 'pinEntry', actions: 'retry' },
          { actions: nothing },
        ],
        CARD_ADULT: { target: 'pinEntry', actions: newAttempt },
      },
    },
  },
});
