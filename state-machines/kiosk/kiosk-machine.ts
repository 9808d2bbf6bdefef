// The kiosk the renderer shows: a start screen (borrow, return, my account, language) that
// routes into one invoked session machine at a time, always with the id `session`. The kiosk
// keeps the online flag, device states and the language; it forwards patron events to the
// session. Renderers read it through `toView` (view.ts), never the raw snapshot.
import { assertEvent, assign, sendTo, setup } from 'xstate';
import { createAccountMachine } from '../account/account-machine';
import { createCheckoutMachine } from '../checkout/checkout-machine';
import { diagnosticsMachine } from '../diagnostics/diagnostics-machine';
import type { CardRead, TechnicianCredential } from '../ports';
import { updateDevice } from '../diagnostics/live-reads';
import { notProvidedActor } from '../shared/placeholders';
import { returnMachine } from '../return/return-machine';
import type { KioskEvent } from './kiosk-events';
import type { KioskContext, KioskInput, KioskRules, TechnicianAnswer } from './kiosk-types';

const forward = { actions: 'forwardToSession' } as const;
const PIN = { PIN_DIGIT: forward, PIN_BACKSPACE: forward, PIN_CLEAR: forward, PIN_ENTER: forward } as const;
const TAGS = { ITEM_PLACED: forward, ITEM_REMOVED: forward } as const;
const LANGUAGE = { SET_LANGUAGE: { actions: ['setLanguage', 'forwardToSession'] } } as const;
const backToStart = { target: '#kiosk.start', actions: 'resetAfterSession' } as const;

export function createKioskMachine(rules: KioskRules) {
  return setup({
    types: {} as { context: KioskContext; events: KioskEvent; input: KioskInput },
    actors: {
      checkout: createCheckoutMachine(rules.checkout),
      return: returnMachine,
      account: createAccountMachine(rules.account),
      diagnostics: diagnosticsMachine,
      checkTechnician: notProvidedActor<TechnicianAnswer, TechnicianCredential>('checkTechnician'),
    },
    actions: {
      forwardToSession: sendTo('session', ({ event }) => event as never),
      setLanguage: assign(({ event }) => {
        assertEvent(event, 'SET_LANGUAGE');
        return { language: event.language };
      }),
      setOnline: assign(({ event }) => ({ online: event.type === 'ILS_ONLINE' })),
      recordDevice: assign(({ context, event }) => {
        assertEvent(event, 'DEVICE_STATUS');
        return { devices: updateDevice(context.devices, event.status) };
      }),
      rememberCard: assign(({ event }) => {
        assertEvent(event, 'CARD_READ');
        return { pendingCard: event.card, notice: null };
      }),
      rememberTag: assign(({ context, event }) => {
        assertEvent(event, 'ITEM_PLACED');
        return { padTags: [...context.padTags.filter((t) => t.uid !== event.tag.uid), event.tag] };
      }),
      forgetTag: assign(({ context, event }) => {
        assertEvent(event, 'ITEM_REMOVED');
        return { padTags: context.padTags.filter((t) => t.uid !== event.uid) };
      }),
      clearNotice: assign({ notice: null }),
      technicianRefused: assign({ notice: 'technician-refused' as const }),
      technicianLocked: assign({ notice: 'technician-locked' as const }),
      // The next patron starts in the default language, with nothing left from this session.
      resetAfterSession: assign(({ context }) => ({ language: context.defaultLanguage, pendingCard: null, padTags: [], notice: null })),
    },
    guards: {
      online: ({ context }) => context.online,
      isTechnician: (_, answer: TechnicianAnswer) => answer === true,
      isLockedOut: (_, answer: TechnicianAnswer) => answer === 'locked',
    },
  }).createMachine({
    id: 'kiosk',
    context: ({ input }) => ({
      defaultLanguage: input.language ?? 'da',
      language: input.language ?? 'da',
      online: input.online ?? true,
      devices: [],
      pendingCard: null,
      padTags: [],
      notice: null,
      session: input.session ?? {},
      diagnostics: input.diagnostics,
    }),
    initial: 'start',
    on: {
      ILS_ONLINE: { actions: 'setOnline' },
      ILS_OFFLINE: { actions: 'setOnline' },
      DEVICE_STATUS: { actions: 'recordDevice' },
      SET_LANGUAGE: { actions: 'setLanguage' },
    },
    states: {
      start: {
        on: {
          BORROW: { target: 'borrowing', actions: 'clearNotice' },
          RETURN: { target: 'returning', actions: 'clearNotice' },
          ACCOUNT: { guard: 'online', target: 'account', actions: 'clearNotice' },
          CARD_READ: { target: 'checkingCard', actions: 'rememberCard' },
          TECHNICIAN_CODE: 'checkingCode',
          ITEM_PLACED: { actions: 'rememberTag' },
          ITEM_REMOVED: { actions: 'forgetTag' },
        },
      },
      checkingCard: {
        on: { ITEM_PLACED: { actions: 'rememberTag' }, ITEM_REMOVED: { actions: 'forgetTag' } },
        invoke: {
          src: 'checkTechnician',
          input: ({ context }) => ({ card: context.pendingCard as CardRead }),
          onDone: [
            { guard: { type: 'isTechnician', params: ({ event }) => event.output }, target: 'diagnostics', actions: 'resetAfterSession' },
            { target: 'borrowing' },
          ],
          onError: 'borrowing',
        },
      },
      checkingCode: {
        invoke: {
          src: 'checkTechnician',
          input: ({ event }) => {
            assertEvent(event, 'TECHNICIAN_CODE');
            return { code: event.code };
          },
          onDone: [
            { guard: { type: 'isTechnician', params: ({ event }) => event.output }, target: 'diagnostics' },
            { guard: { type: 'isLockedOut', params: ({ event }) => event.output }, target: 'start', actions: 'technicianLocked' },
            { target: 'start', actions: 'technicianRefused' },
          ],
          onError: { target: 'start', actions: 'technicianRefused' },
        },
      },
      borrowing: {
        invoke: {
          id: 'session',
          src: 'checkout',
          input: ({ context }) => ({ config: context.session, language: context.language, card: context.pendingCard, tags: context.padTags }),
          onDone: backToStart,
          onError: backToStart,
        },
        on: { CARD_READ: forward, ...PIN, ...TAGS, ...LANGUAGE, CANCEL: forward, FINISH: forward, PRINT_RECEIPT: forward, NO_RECEIPT: forward, STILL_HERE: forward },
      },
      returning: {
        invoke: {
          id: 'session',
          src: 'return',
          input: ({ context }) => ({ config: context.session, language: context.language, tags: context.padTags }),
          onDone: backToStart,
          onError: backToStart,
        },
        on: { ...TAGS, ...LANGUAGE, CANCEL: forward, FINISH: forward, PRINT_RECEIPT: forward, NO_RECEIPT: forward, STILL_HERE: forward },
      },
      account: {
        invoke: {
          id: 'session',
          src: 'account',
          input: ({ context }) => ({ config: context.session, language: context.language, card: context.pendingCard }),
          onDone: backToStart,
          onError: backToStart,
        },
        on: { CARD_READ: forward, ...PIN, ...LANGUAGE, CANCEL: forward, STILL_HERE: forward, RENEW: forward, RENEW_ALL: forward, DONE: forward },
      },
      diagnostics: {
        invoke: {
          id: 'session',
          src: 'diagnostics',
          input: ({ context }) => ({ ...context.diagnostics, devices: context.devices }),
          onDone: backToStart,
          onError: backToStart,
        },
        on: {
          CARD_READ: forward,
          ...PIN,
          ...TAGS,
          DEVICE_STATUS: { actions: ['recordDevice', 'forwardToSession'] },
          TEST_PRINT: forward,
          LOCK_PULSE: forward,
          ILS_ROUND_TRIP: forward,
          LOAD_QUEUE: forward,
          EXIT: forward,
        },
      },
    },
  });
}

export type KioskMachine = ReturnType<typeof createKioskMachine>;
