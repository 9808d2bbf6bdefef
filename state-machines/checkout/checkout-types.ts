// Borrowing at the kiosk: configuration, context and events.
import type { CardRead, CheckoutOutcome, CheckoutRefusal, PlacedTag } from '../ports';
import type { CardReadEvent, PinEvent } from '../shared/events';
import { ITEM_SESSION_ACTIVITY, type ItemSessionContext, type ItemSessionEvent } from '../shared/item-session';
import { IDENTIFY_ACTIVITY, type PatronSessionContext } from '../shared/patron-session';
import type { BorrowingBlock } from '../shared/rules';
import type { SessionInput } from '../shared/session';

export interface CheckoutInput extends SessionInput {
  /** A card already read on the start screen. */
  card?: CardRead | null;
  /** Tags placed on the pad on the start screen. */
  tags?: PlacedTag[];
}

export interface CheckoutContext extends PatronSessionContext, ItemSessionContext<CheckoutOutcome> {
  block: BorrowingBlock | null;
  /** A refusal decided by the rules for the item being taken, before the ILS is asked. */
  localRefusal: CheckoutRefusal | null;
}

export type CheckoutEvent = CardReadEvent | PinEvent | ItemSessionEvent;

export interface CheckoutItemInput {
  card: CardRead;
  itemId: string;
  /** Every part's tag, for the AFI write. */
  tagUids: string[];
}

export interface CheckoutOutput {
  borrowed: number;
}

/** Patron events that count as activity (they restart the inactivity timer). */
export const CHECKOUT_ACTIVITY = [...IDENTIFY_ACTIVITY, ...ITEM_SESSION_ACTIVITY] as const;
