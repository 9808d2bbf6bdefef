// Checkout guards (pure).
import type { IdentifyOutput } from '../identify/identify-types';
import { inactivityGuards } from '../shared/inactivity';
import { nextQueued } from '../shared/items';
import type { CheckoutContext } from './checkout-types';

interface Args {
  context: CheckoutContext;
}

export const borrowedCount = (context: CheckoutContext) => context.items.filter((i) => i.outcome?.ok === true).length;

export const checkoutGuards = {
  ...inactivityGuards,
  identified: (_: Args, output: IdentifyOutput) => output.identified,
  patronBlocked: ({ context }: Args) => context.block?.blocked === true,
  hasQueuedItem: ({ context }: Args) => nextQueued(context.items) !== undefined,
  refusedLocally: ({ context }: Args) => context.localRefusal !== null,
  finishWithReceipt: ({ context }: Args) => context.finishRequested && borrowedCount(context) > 0,
  finishRequested: ({ context }: Args) => context.finishRequested,
  timedOut: ({ context }: Args) => context.timedOut,
};
