// Events shared by several machines. Hardware events come from the runtime's drivers; the
// renderer may send only the UI events listed in kiosk/ui-events.ts.
import { assertEvent, type EventObject } from 'xstate';
import type { CardRead, DeviceState, PlacedTag } from '../ports';

export type CardReadEvent = { type: 'CARD_READ'; card: CardRead };

export type PinEvent =
  | { type: 'PIN_DIGIT'; digit: string }
  | { type: 'PIN_BACKSPACE' }
  | { type: 'PIN_CLEAR' }
  | { type: 'PIN_ENTER' };

export type TagEvent = { type: 'ITEM_PLACED'; tag: PlacedTag } | { type: 'ITEM_REMOVED'; uid: string };

export type DeviceStatusEvent = { type: 'DEVICE_STATUS'; status: DeviceState };

export type Language = 'da' | 'en';

export type LanguageEvent = { type: 'SET_LANGUAGE'; language: Language };

/** The patron answers the inactivity warning ("I am still here"). */
export type StillHereEvent = { type: 'STILL_HERE' };

/** The events the shared session actions read (placing tags, choosing the language). */
type SessionDataEvent = TagEvent | LanguageEvent;

/**
 * `assertEvent` for the actions in shared/: they serve several machines, so they see a plain
 * EventObject; this throws on any other type and narrows to the shared event's shape.
 */
export function sessionEvent<T extends SessionDataEvent['type']>(event: EventObject, type: T): Extract<SessionDataEvent, { type: T }> {
  assertEvent(event, type);
  return event as Extract<SessionDataEvent, { type: T }>;
}
