// What borrowing and my account share: the patron identifies (card + PIN, the identify machine
// invoked as `identify`) first, and the ILS session is ended (SIP2 35) before goodbye.
import { sendTo, type AnyActorRef, type EventObject } from 'xstate';
import type { IdentifyOutput } from '../identify/identify-types';
import type { CardRead, PatronFacts } from '../ports';
import type { SessionContext } from './session';

export interface PatronSessionContext extends SessionContext {
  /** A card already read on the start screen. */
  initialCard: CardRead | null;
  /** The identified patron's card (for the ILS calls) and facts. */
  card: CardRead | null;
  patron: PatronFacts | null;
}

/** The identifying events that count as activity (they restart the inactivity timer). */
export const IDENTIFY_ACTIVITY = ['CARD_READ', 'PIN_DIGIT', 'PIN_BACKSPACE', 'PIN_CLEAR', 'PIN_ENTER'] as const;

export function patronSessionActions<TContext extends PatronSessionContext, TEvent extends EventObject>() {
  return { forwardToIdentify: sendTo<TContext, TEvent, undefined, AnyActorRef, TEvent>('identify', ({ event }: { event: TEvent }) => event as never) };
}

export const patronSessionGuards = {
  identified: (_: unknown, output: IdentifyOutput) => output.identified,
};

const toIdentify = { actions: 'forwardToIdentify' } as const;

/**
 * Identification: card and PIN go to the invoked identify machine; an identified patron is
 * accepted (`acceptPatron`) and the session goes on to `next`; anything else ends it.
 */
export function identifyingState<const TMachine extends string, const TNext extends string>(machine: TMachine, next: TNext) {
  const done = `#${machine}.done` as const;
  return {
    invoke: {
      id: 'identify',
      src: 'identify',
      input: ({ context }: { context: PatronSessionContext }) => ({ config: context.config.identify, card: context.initialCard }),
      onDone: [
        {
          guard: { type: 'identified', params: ({ event }: { event: { output: IdentifyOutput } }) => event.output },
          target: next,
          actions: { type: 'acceptPatron', params: ({ event }: { event: { output: IdentifyOutput } }) => event.output },
        },
        { target: done },
      ],
      onError: done,
    },
    on: {
      CARD_READ: toIdentify,
      PIN_DIGIT: toIdentify,
      PIN_BACKSPACE: toIdentify,
      PIN_CLEAR: toIdentify,
      PIN_ENTER: toIdentify,
      CANCEL: toIdentify,
      SESSION_TIMEOUT: done,
    },
  } as const;
}

/** Ends the patron's ILS session (the `endSession` actor), then goodbye whatever it answers. */
export const endingState = {
  invoke: {
    src: 'endSession',
    input: ({ context }: { context: PatronSessionContext }) => ({ card: context.card as CardRead }),
    onDone: 'goodbye',
    onError: 'goodbye',
  },
} as const;
