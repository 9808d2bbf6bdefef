// Return guards (pure).
import type { CheckinOutcome, ReceiptLine } from '../ports';
import { inactivityGuards } from '../shared/inactivity';
import { itemSessionGuards } from '../shared/item-session';
import type { ItemEntry } from '../shared/items';
import type { ReturnContext } from './return-types';

interface Args {
  context: ReturnContext;
}

/** The return receipt: every item checked in, with where it goes. */
export function returnReceiptLines(items: readonly ItemEntry<CheckinOutcome>[]): ReceiptLine[] {
  const lines: ReceiptLine[] = [];
  for (const { outcome } of items) {
    if (outcome?.ok === true) lines.push({ itemId: outcome.itemId, title: outcome.title, destination: outcome.destination });
  }
  return lines;
}

export const returnGuards = {
  ...inactivityGuards,
  ...itemSessionGuards,
  finishWithReceipt: ({ context }: Args) => context.finishRequested && returnReceiptLines(context.items).length > 0,
};
