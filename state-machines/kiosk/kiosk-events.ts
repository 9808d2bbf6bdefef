// The events of the kiosk machine. The renderer may send only `KioskUiEvent`s (validate with
// `isKioskUiEvent` at the bridge); card reads, tags, device states and the ILS state come from
// the runtime, so a renderer can never inject a card number.
import type { CardRead } from '../ports';
import type { CardReadEvent, DeviceStatusEvent, LanguageEvent, PinEvent, TagEvent } from '../shared/events';

export type KioskUiEvent =
  | { type: 'BORROW' }
  | { type: 'RETURN' }
  | { type: 'ACCOUNT' }
  | LanguageEvent
  /** The on-screen PIN pad. */
  | PinEvent
  | { type: 'CANCEL' }
  | { type: 'FINISH' }
  | { type: 'PRINT_RECEIPT' }
  | { type: 'NO_RECEIPT' }
  | { type: 'STILL_HERE' }
  | { type: 'RENEW'; itemId: string }
  | { type: 'RENEW_ALL' }
  | { type: 'DONE' }
  | { type: 'TECHNICIAN_CODE'; code: string }
  | { type: 'TEST_PRINT' }
  | { type: 'LOCK_PULSE' }
  | { type: 'ILS_ROUND_TRIP' }
  | { type: 'LOAD_QUEUE' }
  | { type: 'EXIT' };

export type KioskRuntimeEvent =
  | CardReadEvent
  /** The hardware PIN pad. */
  | PinEvent
  | TagEvent
  | DeviceStatusEvent
  | { type: 'ILS_ONLINE' }
  | { type: 'ILS_OFFLINE' };

/** Raised by the kiosk itself: another patron's card was read during a signed-in session. */
export type KioskInternalEvent = { type: 'PATRON_CHANGED'; card: CardRead };

export type KioskEvent = KioskUiEvent | KioskRuntimeEvent | KioskInternalEvent;

const BARE = new Set([
  'BORROW', 'RETURN', 'ACCOUNT', 'PIN_BACKSPACE', 'PIN_CLEAR', 'PIN_ENTER', 'CANCEL', 'FINISH', 'PRINT_RECEIPT',
  'NO_RECEIPT', 'STILL_HERE', 'RENEW_ALL', 'DONE', 'TEST_PRINT', 'LOCK_PULSE', 'ILS_ROUND_TRIP', 'LOAD_QUEUE', 'EXIT',
]);

const shortString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

/** True for a well-formed UI event with exactly its own fields; anything else is dropped. */
export function isKioskUiEvent(value: unknown): value is KioskUiEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const event = value as Record<string, unknown>;
  const keys = Object.keys(event).sort().join(',');
  const type = event.type;
  if (typeof type !== 'string') return false;
  if (BARE.has(type)) return keys === 'type';
  switch (type) {
    case 'SET_LANGUAGE':
      return keys === 'language,type' && (event.language === 'da' || event.language === 'en');
    case 'PIN_DIGIT':
      return keys === 'digit,type' && typeof event.digit === 'string' && /^[0-9]$/.test(event.digit);
    case 'RENEW':
      return keys === 'itemId,type' && shortString(event.itemId, 64);
    case 'TECHNICIAN_CODE':
      return keys === 'code,type' && shortString(event.code, 64);
    default:
      return false;
  }
}
