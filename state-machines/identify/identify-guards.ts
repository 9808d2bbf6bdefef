// Identification guards (pure).
import { assertEvent } from 'xstate';
import type { VerifyResult } from '../ports';
import { canAddDigit, isPinDigit, pinComplete } from '../shared/pin';
import type { IdentifyContext, IdentifyEvent } from './identify-types';
import { ilsCouldNotAnswer } from '../shared/verification';

interface Args {
  context: IdentifyContext;
  event: IdentifyEvent;
}

const lengthOf = (context: IdentifyContext) => ({ min: context.config.pinMinLength, max: context.config.pinMaxLength });

export const identifyGuards = {
  hasCard: ({ context }: Args) => context.card !== null,
  digitFits: ({ context, event }: Args) => {
    assertEvent(event, 'PIN_DIGIT');
    return canAddDigit(context.pin, event.digit, lengthOf(context));
  },
  /** Never empty, whatever the configured minimum: some ILSs take an empty PIN as valid. */
  pinComplete: ({ context }: Args) => context.pin !== '' && pinComplete(context.pin, lengthOf(context)),
  verified: (_: Args, result: VerifyResult) => result.outcome === 'valid',
  /** The ILS could not answer at all: only then does the credential cache get to decide. */
  ilsUnavailable: (_: Args, result: VerifyResult) => ilsCouldNotAnswer(result),
  /** After a wrong PIN, typing again retries with the same card. */
  pinRetry: ({ context, event }: Args) => {
    assertEvent(event, 'PIN_DIGIT');
    return context.refusal?.reason === 'wrong-pin' && context.card !== null && isPinDigit(event.digit);
  },
};
