// Door entry for unstaffed hours: card -> PIN -> verify (ILS, cache when slow) -> the library's
// decision -> lock released, or refused with a reason. Every attempt is logged exactly once, by
// `logEntry`, when the attempt ends. An abandoned PIN entry (timeout, another card, cancel) is
// an attempt: a card was presented at the door, so the access log records it as refused.
import { assertEvent, assign, setup } from 'xstate';
import type { CardRead, DoorEntryLog, LookupResult, PinCredentials, VerifyResult } from '../ports';
import { notProvidedAction, notProvidedActor } from '../shared/placeholders';
import { addDigit, removeDigit } from '../shared/pin';
import type { DoorRules } from '../shared/rules';
import {
  accompaniedReason,
  childRefusal,
  entryOutcome,
  newAttempt,
  outsideHoursOutcome,
  pinLengthOf,
  verificationRefusal,
} from './door-context';
import { doorGuards } from './door-guards';
import { accompaniedLog, attemptLog, busyLog } from './door-log';
import { DEFAULT_DOOR_CONFIG, type DoorContext, type DoorEvent, type DoorInput, type DoorOutcome } from './door-types';

const refusal = (reason: string): DoorOutcome => ({ decision: 'denied', reason });

// A failing lock must not stop the door: the lock driver reports its own device status, and
// the attempt is logged as decided. The relay is always released by the driver's own timer.
const releaseLock = {
  src: 'releaseLock',
  input: ({ context }: { context: DoorContext }) => ({ ms: context.config.releaseMs }),
  onError: { actions: [] },
} as const;

export function createDoorMachine(rules: DoorRules) {
  return setup({
    types: {} as { context: DoorContext; events: DoorEvent; input: DoorInput },
    actors: {
      verifyPin: notProvidedActor<VerifyResult, PinCredentials>('verifyPin'),
      verifyCached: notProvidedActor<VerifyResult, PinCredentials>('verifyCached'),
      lookupPatron: notProvidedActor<LookupResult, { card: CardRead }>('lookupPatron'),
      releaseLock: notProvidedActor<void, { ms: number }>('releaseLock'),
    },
    actions: {
      logEntry: (_, _entry: DoorEntryLog) => notProvidedAction('logEntry'),
      startAttempt: assign(({ event }) => {
        assertEvent(event, 'CARD_READ');
        return newAttempt(event.card, rules.now());
      }),
      /** The card read in the accompany window becomes an attempt of its own (maybe refused already). */
      startChildAttempt: assign(({ context }, outcome: DoorOutcome | null) => ({
        ...newAttempt(context.child as CardRead, rules.now()),
        outcome,
      })),
      retryPin: assign(({ context, event }) => {
        assertEvent(event, 'PIN_DIGIT');
        return { ...newAttempt(context.card as CardRead, rules.now()), pin: event.digit };
      }),
      appendDigit: assign({
        pin: ({ context, event }) => {
          assertEvent(event, 'PIN_DIGIT');
          return addDigit(context.pin, event.digit, pinLengthOf(context.config));
        },
      }),
      removeDigit: assign({ pin: ({ context }) => removeDigit(context.pin) }),
      clearPin: assign({ pin: '' }),
      refuse: assign((_, outcome: DoorOutcome) => ({ outcome, pin: '' })),
      refuseOutsideHours: assign(({ context }) => ({ outcome: outsideHoursOutcome(rules, context.attemptAt as string) })),
      acceptPatron: assign(({ context }, result: VerifyResult) =>
        result.outcome === 'valid'
          ? { pin: '', patron: result.patron, source: result.source, outcome: entryOutcome(rules, result.patron, context.attemptAt as string) }
          : { pin: '', outcome: verificationRefusal(result) },
      ),
      refuseVerification: assign((_, result: VerifyResult) => ({ pin: '', outcome: verificationRefusal(result) })),
      rememberChild: assign(({ event }) => {
        assertEvent(event, 'CARD_READ');
        return { child: event.card };
      }),
    },
    guards: doorGuards(rules),
    delays: {
      pinDigitTimeout: ({ context }) => context.config.pinDigitTimeoutMs,
      ilsSlow: ({ context }) => context.config.ilsSlowMs,
      verifyTimeout: ({ context }) => context.config.verifyTimeoutMs,
      release: ({ context }) => context.config.releaseMs,
      accompanyWindow: ({ context }) => context.config.accompanyWindowMs,
      message: ({ context }) => context.config.messageMs,
    },
  }).createMachine({
    id: 'door',
    context: ({ input }) => ({
      config: { ...DEFAULT_DOOR_CONFIG, ...input.config },
      card: null,
      pin: '',
      attemptAt: null,
      patron: null,
      source: null,
      outcome: null,
      child: null,
    }),
    initial: 'idle',
    on: {
      // Any state without its own CARD_READ handling starts a new attempt.
      CARD_READ: { target: '.cardRead', actions: 'startAttempt' },
    },
    states: {
      idle: {},
      cardRead: {
        always: [{ guard: 'outsideHours', target: 'closed', actions: 'refuseOutsideHours' }, { target: 'pinEntry' }],
      },
      closed: {
        entry: { type: 'logEntry', params: ({ context }) => attemptLog(context) },
        after: { message: 'idle' },
      },
      pinEntry: {
        after: { pinDigitTimeout: { target: 'denied', actions: { type: 'refuse', params: refusal('pin-timeout') } } },
        on: {
          PIN_DIGIT: { guard: 'digitFits', target: 'pinEntry', reenter: true, actions: 'appendDigit' },
          PIN_BACKSPACE: { target: 'pinEntry', reenter: true, actions: 'removeDigit' },
          PIN_CLEAR: { target: 'pinEntry', reenter: true, actions: 'clearPin' },
          PIN_ENTER: { guard: 'pinComplete', target: 'verifying' },
          CANCEL: { target: 'denied', actions: { type: 'refuse', params: refusal('cancelled') } },
          CARD_READ: {
            target: 'cardRead',
            actions: [
              { type: 'refuse', params: refusal('abandoned') },
              { type: 'logEntry', params: ({ context }) => attemptLog(context) },
              'startAttempt',
            ],
          },
        },
      },
      verifying: {
        invoke: {
          src: 'verifyPin',
          input: ({ context }) => ({ card: context.card as CardRead, pin: context.pin }),
          onDone: [
            { guard: { type: 'ilsUnavailable', params: ({ event }) => event.output }, target: 'verifyingCache' },
            { target: 'deciding', actions: { type: 'acceptPatron', params: ({ event }) => event.output } },
          ],
          onError: 'verifyingCache',
        },
        after: { ilsSlow: 'verifyingCache' },
        on: { CARD_READ: { actions: { type: 'logEntry', params: ({ event }) => busyLog(event.card, rules.now()) } } },
      },
      verifyingCache: {
        invoke: {
          src: 'verifyCached',
          input: ({ context }) => ({ card: context.card as CardRead, pin: context.pin }),
          onDone: { target: 'deciding', actions: { type: 'acceptPatron', params: ({ event }) => event.output } },
          onError: { target: 'denied', actions: { type: 'refuse', params: refusal('unavailable') } },
        },
        after: { verifyTimeout: { target: 'denied', actions: { type: 'refuse', params: refusal('unavailable') } } },
        on: { CARD_READ: { actions: { type: 'logEntry', params: ({ event }) => busyLog(event.card, rules.now()) } } },
      },
      deciding: {
        always: [
          { guard: 'mayAccompany', target: 'accompanying' },
          { guard: 'entryAllowed', target: 'released' },
          { target: 'denied' },
        ],
      },
      released: {
        entry: { type: 'logEntry', params: ({ context }) => attemptLog(context) },
        invoke: releaseLock,
        after: { release: 'idle' },
      },
      accompanying: {
        // The adult is in; their attempt is logged when the window closes or with the child.
        invoke: releaseLock,
        initial: 'waitingForChild',
        states: {
          waitingForChild: {
            after: {
              accompanyWindow: { target: '#door.idle', actions: { type: 'logEntry', params: ({ context }) => attemptLog(context) } },
            },
            on: { CARD_READ: { target: 'lookingUpChild', actions: 'rememberChild' } },
          },
          lookingUpChild: {
            invoke: {
              src: 'lookupPatron',
              input: ({ context }) => ({ card: context.child as CardRead }),
              onDone: [
                {
                  guard: { type: 'childMayEnterAccompanied', params: ({ event }) => event.output },
                  target: '#door.accompaniedRelease',
                  actions: {
                    type: 'logEntry',
                    params: ({ context, event }) =>
                      accompaniedLog(context, accompaniedReason(rules, event.output, context.patron, context.attemptAt as string)),
                  },
                },
                {
                  guard: { type: 'mayEnterAlone', params: ({ event }) => event.output },
                  target: '#door.cardRead',
                  actions: [{ type: 'logEntry', params: ({ context }) => attemptLog(context) }, { type: 'startChildAttempt', params: null }],
                },
                {
                  target: '#door.denied',
                  actions: [
                    { type: 'logEntry', params: ({ context }) => attemptLog(context) },
                    {
                      type: 'startChildAttempt',
                      params: ({ context, event }) => childRefusal(rules, event.output, context.patron, context.attemptAt as string),
                    },
                  ],
                },
              ],
              onError: {
                target: '#door.denied',
                actions: [
                  { type: 'logEntry', params: ({ context }) => attemptLog(context) },
                  { type: 'startChildAttempt', params: refusal('unavailable') },
                ],
              },
            },
            after: {
              verifyTimeout: {
                target: '#door.denied',
                actions: [
                  { type: 'logEntry', params: ({ context }) => attemptLog(context) },
                  { type: 'startChildAttempt', params: refusal('unavailable') },
                ],
              },
            },
            on: { CARD_READ: { actions: { type: 'logEntry', params: ({ event }) => busyLog(event.card, rules.now()) } } },
          },
        },
      },
      accompaniedRelease: {
        invoke: releaseLock,
        after: { release: 'idle' },
      },
      denied: {
        entry: { type: 'logEntry', params: ({ context }) => attemptLog(context) },
        after: { message: 'idle' },
        on: { PIN_DIGIT: { guard: 'pinRetry', target: 'pinEntry', actions: 'retryPin' } },
      },
    },
  });
}

export type DoorMachine = ReturnType<typeof createDoorMachine>;
