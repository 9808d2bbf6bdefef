// Door guards. Pure; the rules are the library profile's functions injected by the runtime.
import { assertEvent } from 'xstate';
import type { LookupResult, PatronFacts, VerifyResult } from '../ports';
import { canAddDigit, isPinDigit, pinComplete } from '../shared/pin';
import type { DoorRules } from '../shared/rules';
import { pinLengthOf } from './door-context';
import type { DoorContext, DoorEvent } from './door-types';

interface Args {
  context: DoorContext;
  event: DoorEvent;
}

export function doorGuards(rules: DoorRules) {
  const childDecision = (result: LookupResult, at: string | null, companion: PatronFacts | null) =>
    result.outcome === 'found' && at !== null && rules.decideEntry(result.patron, { at: new Date(at), companion }).allowed;

  return {
    outsideHours: ({ context }: Args) => context.attemptAt !== null && !rules.hours(new Date(context.attemptAt)).open,
    digitFits: ({ context, event }: Args) => {
      assertEvent(event, 'PIN_DIGIT');
      return canAddDigit(context.pin, event.digit, pinLengthOf(context.config));
    },
    pinComplete: ({ context }: Args) => pinComplete(context.pin, pinLengthOf(context.config)),
    verified: (_: Args, result: VerifyResult) => result.outcome === 'valid',
    /** The ILS could not answer: the credential cache gets to decide instead. */
    ilsUnavailable: (_: Args, result: VerifyResult) => result.outcome === 'unavailable',
    entryAllowed: ({ context }: Args) => context.outcome?.decision === 'allowed',
    mayAccompany: ({ context }: Args) =>
      context.outcome?.decision === 'allowed' &&
      context.patron !== null &&
      context.attemptAt !== null &&
      rules.mayAccompany(context.patron, new Date(context.attemptAt)),
    /** A child who may not enter alone but may with the adult who just came in. */
    childMayEnterAccompanied: ({ context }: Args, result: LookupResult) =>
      context.patron !== null && !childDecision(result, context.attemptAt, null) && childDecision(result, context.attemptAt, context.patron),
    /** The second card belongs to someone who may enter alone: they need their own PIN. */
    mayEnterAlone: ({ context }: Args, result: LookupResult) => childDecision(result, context.attemptAt, null),
    /** After a wrong PIN the patron may type again at once, without another card read. */
    pinRetry: ({ context, event }: Args) => {
      assertEvent(event, 'PIN_DIGIT');
      return context.outcome?.reason === 'wrong-pin' && context.card !== null && isPinDigit(event.digit);
    },
  };
}
