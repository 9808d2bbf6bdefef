// Events shared by several machines. Hardware events come from the runtime's drivers; the
// renderer may send only the UI events listed in kiosk/ui-events.ts.
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
