// Identification at the kiosk (borrow, my account): card -> PIN -> verify, with the same
// ILS-then-cache pattern as the door. Finishes with the patron, or unidentified on CANCEL.
import { assertEvent, assign, setup } from 'xstate';
import type { CardRead, PinCredentials, VerifyResult } from '../ports';
import { addDigit, removeDigit } from '../shared/pin';
import { notProvidedActor } from '../shared/placeholders';
import { identifyGuards } from './identify-guards';
import {
  DEFAULT_IDENTIFY_CONFIG,
  type IdentifyContext,
  type IdentifyEvent,
  type IdentifyInput,
  type IdentifyOutput,
  type IdentifyRefusal,
} from './identify-types';

function refusalOf(result: VerifyResult): IdentifyRefusal {
  switch (result.outcome) {
    case 'wrong-pin':
      return { reason: 'wrong-pin', attemptsLeft: result.attemptsLeft };
    case 'card-locked':
      return { reason: 'card-locked', lockedUntil: result.until };
    case 'valid':
      throw new Error('identify: a valid verification is not a refusal');
    default:
      return { reason: result.outcome };
  }
}

export const identifyMachine = setup({
  types: {} as { context: IdentifyContext; events: IdentifyEvent; input: IdentifyInput; output: IdentifyOutput },
  actors: {
    verifyPin: notProvidedActor<VerifyResult, PinCredentials>('verifyPin'),
    verifyCached: notProvidedActor<VerifyResult, PinCredentials>('verifyCached'),
  },
  actions: {
    takeCard: assign(({ event }) => {
      assertEvent(event, 'CARD_READ');
      return { card: event.card, pin: '', refusal: null };
    }),
    retryPin: assign(({ event }) => {
      assertEvent(event, 'PIN_DIGIT');
      return { pin: event.digit, refusal: null };
    }),
    appendDigit: assign({
      pin: ({ context, event }) => {
        assertEvent(event, 'PIN_DIGIT');
        return addDigit(context.pin, event.digit, { min: context.config.pinMinLength, max: context.config.pinMaxLength });
      },
    }),
    removeDigit: assign({ pin: ({ context }) => removeDigit(context.pin) }),
    clearPin: assign({ pin: '' }),
    acceptPatron: assign((_, result: VerifyResult) =>
      result.outcome === 'valid' ? { pin: '', patron: result.patron, source: result.source } : { pin: '' },
    ),
    refuse: assign((_, refusal: IdentifyRefusal) => ({ pin: '', refusal })),
  },
  guards: identifyGuards,
  delays: {
    ilsTimeout: ({ context }) => context.config.ilsTimeoutMs,
    verifyTimeout: ({ context }) => context.config.verifyTimeoutMs,
  },
}).createMachine({
  id: 'identify',
  context: ({ input }) => ({
    config: { ...DEFAULT_IDENTIFY_CONFIG, ...input.config },
    card: input.card ?? null,
    pin: '',
    patron: null,
    source: null,
    refusal: null,
  }),
  initial: 'start',
  on: { CANCEL: { target: '.cancelled', actions: 'clearPin' } },
  states: {
    start: { always: [{ guard: 'hasCard', target: 'pinEntry' }, { target: 'waitingForCard' }] },
    waitingForCard: {
      on: { CARD_READ: { target: 'pinEntry', actions: 'takeCard' } },
    },
    pinEntry: {
      on: {
        CARD_READ: { target: 'pinEntry', actions: 'takeCard' },
        PIN_DIGIT: { guard: 'digitFits', actions: 'appendDigit' },
        PIN_BACKSPACE: { actions: 'removeDigit' },
        PIN_CLEAR: { actions: 'clearPin' },
        PIN_ENTER: { guard: 'pinComplete', target: 'verifying' },
      },
    },
    verifying: {
      invoke: {
        src: 'verifyPin',
        input: ({ context }) => ({ card: context.card as CardRead, pin: context.pin }),
        onDone: [
          { guard: { type: 'ilsUnavailable', params: ({ event }) => event.output }, target: 'verifyingCache' },
          { guard: { type: 'verified', params: ({ event }) => event.output }, target: 'identified', actions: { type: 'acceptPatron', params: ({ event }) => event.output } },
          { target: 'refused', actions: { type: 'refuse', params: ({ event }) => refusalOf(event.output) } },
        ],
        onError: { target: 'refused', actions: { type: 'refuse', params: { reason: 'unavailable' } } },
      },
      after: { ilsTimeout: { target: 'refused', actions: { type: 'refuse', params: { reason: 'unavailable' } } } },
    },
    verifyingCache: {
      invoke: {
        src: 'verifyCached',
        input: ({ context }) => ({ card: context.card as CardRead, pin: context.pin }),
        onDone: [
          { guard: { type: 'verified', params: ({ event }) => event.output }, target: 'identified', actions: { type: 'acceptPatron', params: ({ event }) => event.output } },
          { target: 'refused', actions: { type: 'refuse', params: ({ event }) => refusalOf(event.output) } },
        ],
        onError: { target: 'refused', actions: { type: 'refuse', params: { reason: 'unavailable' } } },
      },
      after: { verifyTimeout: { target: 'refused', actions: { type: 'refuse', params: { reason: 'unavailable' } } } },
    },
    refused: {
      on: {
        CARD_READ: { target: 'pinEntry', actions: 'takeCard' },
        PIN_DIGIT: { guard: 'pinRetry', target: 'pinEntry', actions: 'retryPin' },
      },
    },
    identified: { type: 'final' },
    cancelled: { type: 'final' },
  },
  output: ({ context }): IdentifyOutput =>
    context.patron !== null && context.card !== null && context.source !== null
      ? { identified: true, card: context.card, patron: context.patron, source: context.source }
      : { identified: false },
});

export type IdentifyMachine = typeof identifyMachine;
