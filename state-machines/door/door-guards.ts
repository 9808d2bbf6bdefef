// Door guards. Pure; the rules are the library profile's functions injected by the runtime.
import { assertEvent } from 'xstate';
import type { VerifyResult } from '../ports';
import { canAddDigit, isPinDigit, pinComplete } from '../shared/pin';
import type { DoorRules } from '../shared/rules';
import { ilsCouldNotAnswer } from '../shared/verification';
import { pinLengthOf } from './door-context';
import type { DoorContext, DoorEvent } from './door-types';

interface Args {
  context: DoorContext;
  event: DoorEvent;
}

export function doorGuards(rules: DoorRules) {
  return {
    /** Closed at the card read: refused at once. (Checked again when the decision is made.) */
    outsideHours: ({ context }: Args) => context.attemptAt !== null && !rules.hours(new Date(context.attemptAt)).open,
    digitFits: ({ context, event }: Args) => {
      assertEvent(event, 'PIN_DIGIT');
      return canAddDigit(context.pin, event.digit, pinLengthOf(context.config));
    },
    /** Never empty, whatever the configured minimum: some ILSs take an empty PIN as valid. */
    pinComplete: ({ context }: Args) => context.pin !== '' && pinComplete(context.pin, pinLengthOf(context.config)),
    verified: (_: Args, result: VerifyResult) => result.outcome === 'valid',
    /** The ILS could not answer at all: only then does the credential cache get to decide. */
    ilsUnavailable: (_: Args, result: VerifyResult) => ilsCouldNotAnswer(result),
    entryAllowed: ({ context }: Args) => context.outcome?.decision === 'allowed',
    /** An adult let in whose window for a child is open. */
    companionWaiting: ({ context }: Args) => context.companion !== null && Date.parse(context.companion.until) > rules.now().getTime(),
    /** After a wrong PIN the patron may type again at once, without another card read. */
    pinRetry: ({ context, event }: Args) => {
      assertEvent(event, 'PIN_DIGIT');
      return context.outcome?.reason === 'wrong-pin' && context.card !== null && isPinDigit(event.digit);
    },
  };
}
