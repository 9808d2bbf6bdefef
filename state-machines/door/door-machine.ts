// Door entry for unstaffed hours: card -> PIN -> verify (the ILS; the credential cache only when
// the ILS could not answer at all) -> the library's decision at that moment -> lock released, or
// refused with a reason. Every attempt is logged exactly once, by `logEntry`, when it ends, with
// the time it ended; the one exception is a relay that fails after the allowed row was written,
// which adds a second row ('lock-failed') so the log says nobody went in. An abandoned PIN entry (timeout, another card, cancel) is an attempt: a card
// was presented at the door, so the access log records it as refused. Every attempt has a hard
// end: PIN entry `attemptMaxMs` after the card read whatever keys are pressed, verification when
// the ILS (and the slow-down after a burst of failures) has had its time.
//
// Accompanied entry: an adult let in who may bring a child opens a window; a card read in it
// starts the child's own attempt (card + the child's own PIN, verified like anyone's), decided
// with the adult as companion. One child per adult; each entry is its own access-log row.
import { assertEvent, assign, setup } from 'xstate';
import type { CardRead, DoorEntryLog, PinCredentials, VerifyResult } from '../ports';
import { notProvidedAction, notProvidedActor } from '../shared/placeholders';
import { addDigit, removeDigit } from '../shared/pin';
import type { DoorRules } from '../shared/rules';
import {
  attemptLeftMs,
  companionAfterEntry,
  companionLeftMs,
  entryOutcome,
  newAttempt,
  outsideHoursOutcome,
  pinLengthOf,
  verificationRefusal,
} from './door-context';
import { doorGuards } from './door-guards';
import { attemptLog, busyLog } from './door-log';
import { DEFAULT_DOOR_CONFIG, type DoorContext, type DoorEvent, type DoorInput, type DoorOutcome } from './door-types';

const refusal = (reason: string): DoorOutcome => ({ decision: 'denied', reason });

// A relay that fails after the allowed row was written: the attempt gets a second row saying the
// lock failed (the first one stays: it was the decision), and the patron is told the door did not
// open. The runtime's releaseLock raises the device alarm; the driver switches the relay off itself.
const releaseLock = {
  src: 'releaseLock',
  input: ({ context }: { context: DoorContext }) => ({ ms: context.config.releaseMs }),
  onError: { target: 'lockFailed', actions: 'lockFailed' },
} as const;

export function createDoorMachine(rules: DoorRules) {
  const logNow = ({ context }: { context: DoorContext }) => attemptLog(context, rules.now());
  const busy = { actions: { type: 'logEntry', params: ({ event }: { event: DoorEvent }) => busyLog((event as { card: CardRead }).card, rules.now()) } } as const;
  const unavailable = { target: 'denied', actions: { type: 'refuse', params: refusal('unavailable') } } as const;

  return setup({
    types: {} as { context: DoorContext; events: DoorEvent; input: DoorInput },
    actors: {
      verifyPin: notProvidedActor<VerifyResult, PinCredentials>('verifyPin'),
      verifyCached: notProvidedActor<VerifyResult, PinCredentials>('verifyCached'),
      releaseLock: notProvidedActor<void, { ms: number }>('releaseLock'),
    },
    actions: {
      logEntry: (_, _entry: DoorEntryLog) => notProvidedAction('logEntry'),
      startAttempt: assign(({ context, event }) => {
        assertEvent(event, 'CARD_READ');
        return newAttempt(event.card, rules.now(), context.companion);
      }),
      /** A PIN typed again after a wrong one: a new attempt, within the first one's hard end. */
      retryPin: assign(({ context, event }) => {
        assertEvent(event, 'PIN_DIGIT');
        return { ...newAttempt(context.card as CardRead, new Date(context.attemptAt as string), context.companion), pin: event.digit };
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
      refuseOutsideHours: assign(() => ({ outcome: outsideHoursOutcome(rules, rules.now()) })),
      acceptPatron: assign(({ context }, result: VerifyResult) =>
        result.outcome === 'valid'
          ? { pin: '', patron: result.patron, source: result.source, outcome: entryOutcome(rules, result.patron, context.companion, rules.now()) }
          : { pin: '', outcome: verificationRefusal(result) },
      ),
      /** The adult's window for a child opens (or, after the child, closes). */
      settleCompanion: assign(({ context }) => ({ companion: companionAfterEntry(rules, context, rules.now(), context.config.accompanyWindowMs) })),
      closeCompanionWindow: assign({ companion: null }),
      /** Nobody went in: the entry opens no window for a child (nor keeps the adult's). */
      lockFailed: assign({ outcome: refusal('lock-failed'), companion: null }),
    },
    guards: {
      ...doorGuards(rules),
      /** The runtime says whether the access log can be written; no row, no opening. */
      accessLogWritable: () => true,
    },
    delays: {
      pinDigitTimeout: ({ context }) => context.config.pinDigitTimeoutMs,
      attemptEnd: ({ context }) => attemptLeftMs(context, rules.now()),
      ilsTimeout: ({ context }) => context.config.ilsTimeoutMs + context.config.maxRefusalDelayMs + 1_000,
      verifyTimeout: ({ context }) => context.config.verifyTimeoutMs + context.config.maxRefusalDelayMs,
      release: ({ context }) => context.config.releaseMs,
      companionWindow: ({ context }) => companionLeftMs(context, rules.now()),
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
      companion: null,
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
        entry: { type: 'logEntry', params: logNow },
        after: { message: 'idle' },
      },
      pinEntry: {
        after: {
          pinDigitTimeout: { target: 'denied', actions: { type: 'refuse', params: refusal('pin-timeout') } },
          attemptEnd: { target: 'denied', actions: { type: 'refuse', params: refusal('attempt-timeout') } },
        },
        on: {
          PIN_DIGIT: { guard: 'digitFits', target: 'pinEntry', reenter: true, actions: 'appendDigit' },
          PIN_BACKSPACE: { target: 'pinEntry', reenter: true, actions: 'removeDigit' },
          PIN_CLEAR: { target: 'pinEntry', reenter: true, actions: 'clearPin' },
          PIN_ENTER: { guard: 'pinComplete', target: 'verifying' },
          CANCEL: { target: 'denied', actions: { type: 'refuse', params: refusal('cancelled') } },
          CARD_READ: {
            target: 'cardRead',
            actions: [{ type: 'refuse', params: refusal('abandoned') }, { type: 'logEntry', params: logNow }, 'startAttempt'],
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
          onError: unavailable,
        },
        after: { ilsTimeout: unavailable },
        on: { CARD_READ: busy },
      },
      verifyingCache: {
        invoke: {
          src: 'verifyCached',
          input: ({ context }) => ({ card: context.card as CardRead, pin: context.pin }),
          onDone: { target: 'deciding', actions: { type: 'acceptPatron', params: ({ event }) => event.output } },
          onError: unavailable,
        },
        after: { verifyTimeout: unavailable },
        on: { CARD_READ: busy },
      },
      deciding: {
        always: [{ guard: 'entryAllowed', target: 'recordingEntry' }, { target: 'denied' }],
      },
      // No row in the access log, no opening: an allowed entry is written (durably, by logEntry)
      // before the lock is released; when that write fails the attempt ends refused, logged once.
      recordingEntry: {
        entry: { type: 'logEntry', params: logNow },
        always: [
          { guard: 'accessLogWritable', target: 'released' },
          { target: 'unrecorded', actions: { type: 'refuse', params: refusal('access-log-unavailable') } },
        ],
      },
      unrecorded: {
        after: { message: 'idle' },
      },
      released: {
        entry: 'settleCompanion',
        invoke: releaseLock,
        after: { release: [{ guard: 'companionWaiting', target: 'waitingForChild' }, { target: 'idle' }] },
      },
      lockFailed: {
        entry: { type: 'logEntry', params: logNow },
        after: { message: 'idle' },
      },
      waitingForChild: {
        after: { companionWindow: { target: 'idle', actions: 'closeCompanionWindow' } },
      },
      denied: {
        entry: { type: 'logEntry', params: logNow },
        after: { message: [{ guard: 'companionWaiting', target: 'waitingForChild' }, { target: 'idle' }] },
        on: { PIN_DIGIT: { guard: 'pinRetry', target: 'pinEntry', actions: 'retryPin' } },
      },
    },
  });
}

export type DoorMachine = ReturnType<typeof createDoorMachine>;
