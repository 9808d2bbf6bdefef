// Returning items at the kiosk: no login; each item is checked in and told where it goes.
import type { CheckinOutcome, PlacedTag } from '../ports';
import type { Language, LanguageEvent, StillHereEvent, TagEvent } from '../shared/events';
import type { InactivityContext } from '../shared/inactivity';
import type { ItemEntry } from '../shared/items';
import type { SessionConfig, SessionInput } from '../shared/session';

export interface ReturnInput extends SessionInput {
  /** Tags already on the pad when the return started. */
  tags?: PlacedTag[];
}

export interface ReturnContext extends InactivityContext {
  config: SessionConfig;
  language: Language;
  items: ItemEntry<CheckinOutcome>[];
  finishRequested: boolean;
  timedOut: boolean;
  receipt: 'printed' | 'failed' | null;
}

export type ReturnEvent =
  | TagEvent
  | LanguageEvent
  | StillHereEvent
  | { type: 'CANCEL' }
  | { type: 'FINISH' }
  | { type: 'PRINT_RECEIPT' }
  | { type: 'NO_RECEIPT' }
  | { type: 'SESSION_TIMEOUT' };

export interface CheckinItemInput {
  itemId: string;
  tagUids: string[];
}

export interface ReturnOutput {
  returned: number;
}

export const RETURN_ACTIVITY = [
  'ITEM_PLACED',
  'ITEM_REMOVED',
  'SET_LANGUAGE',
  'STILL_HERE',
  'CANCEL',
  'FINISH',
  'PRINT_RECEIPT',
  'NO_RECEIPT',
] as const;
