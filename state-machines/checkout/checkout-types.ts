// Borrowing at the kiosk: configuration, context and events.
import type { CardRead, CheckoutOutcome, CheckoutRefusal, PatronFacts, PlacedTag } from '../ports';
import type { CardReadEvent, Language, LanguageEvent, PinEvent, StillHereEvent, TagEvent } from '../shared/events';
import type { InactivityContext } from '../shared/inactivity';
import type { ItemEntry } from '../shared/items';
import type { BorrowingBlock } from '../shared/rules';
import type { SessionConfig, SessionInput } from '../shared/session';

export interface CheckoutInput extends SessionInput {
  /** A card already read on the start screen. */
  card?: CardRead | null;
  /** Tags placed on the pad on the start screen. */
  tags?: PlacedTag[];
}

export interface CheckoutContext extends InactivityContext {
  config: SessionConfig;
  language: Language;
  initialCard: CardRead | null;
  /** The identified patron's card (for the ILS calls) and facts. */
  card: CardRead | null;
  patron: PatronFacts | null;
  block: BorrowingBlock | null;
  items: ItemEntry<CheckoutOutcome>[];
  /** A refusal decided by the rules for the item being taken, before the ILS is asked. */
  localRefusal: CheckoutRefusal | null;
  finishRequested: boolean;
  timedOut: boolean;
  receipt: 'printed' | 'failed' | null;
}

export type CheckoutEvent =
  | CardReadEvent
  | PinEvent
  | TagEvent
  | LanguageEvent
  | StillHereEvent
  | { type: 'CANCEL' }
  | { type: 'FINISH' }
  | { type: 'PRINT_RECEIPT' }
  | { type: 'NO_RECEIPT' }
  /** Raised by the machine itself when the inactivity countdown runs out. */
  | { type: 'SESSION_TIMEOUT' };

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
export const CHECKOUT_ACTIVITY = [
  'CARD_READ',
  'PIN_DIGIT',
  'PIN_BACKSPACE',
  'PIN_CLEAR',
  'PIN_ENTER',
  'ITEM_PLACED',
  'ITEM_REMOVED',
  'SET_LANGUAGE',
  'STILL_HERE',
  'CANCEL',
  'FINISH',
  'PRINT_RECEIPT',
  'NO_RECEIPT',
] as const;
