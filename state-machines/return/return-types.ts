// Returning items at the kiosk: no login; each item is checked in and told where it goes.
import type { CheckinOutcome, PlacedTag } from '../ports';
import { ITEM_SESSION_ACTIVITY, type ItemSessionContext, type ItemSessionEvent } from '../shared/item-session';
import type { SessionInput } from '../shared/session';

export interface ReturnInput extends SessionInput {
  /** Tags already on the pad when the return started. */
  tags?: PlacedTag[];
}

export type ReturnContext = ItemSessionContext<CheckinOutcome>;

export type ReturnEvent = ItemSessionEvent;

export interface CheckinItemInput {
  itemId: string;
  tagUids: string[];
}

export interface ReturnOutput {
  returned: number;
}

export const RETURN_ACTIVITY = ITEM_SESSION_ACTIVITY;
