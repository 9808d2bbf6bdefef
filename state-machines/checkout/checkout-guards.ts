// Checkout guards (pure).
import { inactivityGuards } from '../shared/inactivity';
import { itemSessionGuards } from '../shared/item-session';
import { patronSessionGuards } from '../shared/patron-session';
import type { CheckoutContext } from './checkout-types';

interface Args {
  context: CheckoutContext;
}

export const borrowedCount = (context: CheckoutContext) => context.items.filter((i) => i.outcome?.ok === true).length;

export const checkoutGuards = {
  ...inactivityGuards,
  ...patronSessionGuards,
  ...itemSessionGuards,
  patronBlocked: ({ context }: Args) => context.block?.blocked === true,
  refusedLocally: ({ context }: Args) => context.localRefusal !== null,
  finishWithReceipt: ({ context }: Args) => context.finishRequested && borrowedCount(context) > 0,
};
