// The kiosk the renderer shows: a start screen (borrow, return, my account, language) that
// routes into one invoked session machine at a time, always with the id `session`. The kiosk
// keeps the online flag, device states and the language; it forwards patron events to the
// session. Renderers read it through `toView` (view.ts), never the raw snapshot.
// Another patron's card during a signed-in session ends that session at once (its ILS session is
// ended too) and starts the same kind of session for the new card: nothing of the first patron
// stays on the screen and nothing of the second goes on the first patron's card.
import { assertEvent, assign, enqueueActions, sendTo, setup, type AnyActorRef } from 'xstate';
import { createAccountMachine } from '../account/account-machine';
import { createCheckoutMachine } from '../checkout/checkout-machine';
import { diagnosticsMachine } from '../diagnostics/diagnostics-machine';
import type { CardRead, TechnicianCredential } from '../ports';
import { updateDevice } from '../diagnostics/live-reads';
import { notProvidedActor } from '../shared/placeholders';
import { returnMachine } from '../return/return-machine';
import type { KioskEvent } from './kiosk-events';
import type { KioskContext, KioskInput, KioskRules, TechnicianAnswer } from './kiosk-types';
import { signedIn } from './signed-in';

const forward = { actions: 'forwardToSession' } as const;
const PIN = { PIN_DIGIT: forward, PIN_BACKSPACE: forward, PIN_CLEAR: forward, PIN_ENTER: forward } as const;
const TAGS = { ITEM_PLACED: forward, ITEM_REMOVED: forward } as const;
const LANGUAGE = { SET_LANGUAGE: { actions: ['setLanguage', 'forwardToSession'] } } as const;
const backToStart = { target: '#kiosk.start', actions: 'resetAfterSession' } as const;
const CARD = { CARD_READ: { actions: 'screenCard' } } as const;
const END_PREVIOUS_SESSION = 'endPreviousSession';

export function createKioskMachine(rules: KioskRules) {
  return setup({
    types: {} as { context: KioskContext; events: KioskEvent; input: KioskInput },
    actors: {
      checkout: createCheckoutMachine(rules.checkout),
      return: returnMachine,
      account: createAccountMachine(rules.account),
      diagnostics: diagnosticsMachine,
      checkTechnician: notProvidedActor<TechnicianAnswer, TechnicianCredential>('checkTechnician'),
      /** Ends a patron's ILS session (SIP2 35) when another patron's card ends their kiosk session. */
      endSession: notProvidedActor<void, { card: CardRead }>('endSession'),
    },
    actions: {
      forwardToSession: sendTo('session', ({ event }) => event as never),
      // The signed-in patron's own card (or any card before anyone is signed in) goes to the session.
      screenCard: enqueueActions(({ event, self, enqueue }) => {
        assertEvent(event, 'CARD_READ');
        const session = (self.getSnapshot().children as Record<string, AnyActorRef | undefined>).session;
        const current = signedIn(session);
        if (current === null || current.card.patronId === event.card.patronId) {
          enqueue.sendTo('session', event);
          return;
        }
        if (current.ilsSessionOpen) {
          // Only the latest patron change is awaited; an earlier SIP2 35 still runs to its end.
          enqueue.stopChild(END_PREVIOUS_SESSION);
          enqueue.spawnChild('endSession', { id: END_PREVIOUS_SESSION, input: { card: current.card } });
        }
        enqueue.raise({ type: 'PATRON_CHANGED', card: event.card });
      }),
      // A new patron: their card, the default language, and no tags from the last patron's session.
      takeNewPatron: assign(({ context, event }) => {
        assertEvent(event, 'PATRON_CHANGED');
        return { pendingCard: event.card, padTags: [], notice: null, language: context.defaultLanguage };
      }),
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
      // The runtime's endSession logs its own failures (ils.end-session-failed); one that throws
      // anyway must not stop the kiosk.
      [`xstate.error.actor.${END_PREVIOUS_SESSION}`]: {},
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
        on: {
          ...CARD,
          PATRON_CHANGED: { target: 'borrowing', reenter: true, actions: 'takeNewPatron' },
          ...PIN,
          ...TAGS,
          ...LANGUAGE,
          CANCEL: forward,
          FINISH: forward,
          PRINT_RECEIPT: forward,
          NO_RECEIPT: forward,
          STILL_HERE: forward,
        },
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
        on: {
          ...CARD,
          PATRON_CHANGED: { target: 'account', reenter: true, actions: 'takeNewPatron' },
          ...PIN,
          ...LANGUAGE,
          CANCEL: forward,
          STILL_HERE: forward,
          RENEW: forward,
          RENEW_ALL: forward,
          DONE: forward,
        },
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
