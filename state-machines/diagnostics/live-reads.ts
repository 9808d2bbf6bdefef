// Live reads for diagnostics, reduced to what a technician may see: a masked card, which PIN
// key was pressed (never the digit), tag uids and item ids.
import type { DeviceState } from '../ports';
import type { DiagnosticsEvent, LiveRead } from './diagnostics-types';

type Read = LiveRead extends infer R ? (R extends LiveRead ? Omit<R, 'seq'> : never) : never;

export function liveReadOf(event: DiagnosticsEvent): Read | null {
  switch (event.type) {
    case 'CARD_READ':
      return { kind: 'card', cardKind: event.card.kind, masked: event.card.masked };
    case 'PIN_DIGIT':
      return { kind: 'pin-key', key: 'digit' };
    case 'PIN_BACKSPACE':
      return { kind: 'pin-key', key: 'backspace' };
    case 'PIN_CLEAR':
      return { kind: 'pin-key', key: 'clear' };
    case 'PIN_ENTER':
      return { kind: 'pin-key', key: 'enter' };
    case 'ITEM_PLACED': {
      const { uid, itemId, partNumber, partsInSet, error } = event.tag;
      return error === undefined ? { kind: 'tag-placed', uid, itemId, partNumber, partsInSet } : { kind: 'tag-placed', uid, itemId, partNumber, partsInSet, error };
    }
    case 'ITEM_REMOVED':
      return { kind: 'tag-removed', uid: event.uid };
    default:
      return null;
  }
}

/** Newest first, at most `max`. */
export function addRead(reads: readonly LiveRead[], read: Read, seq: number, max: number): LiveRead[] {
  return [{ ...read, seq } as LiveRead, ...reads].slice(0, max);
}

/** The latest state per device, in a stable order. */
export function updateDevice(devices: readonly DeviceState[], status: DeviceState): DeviceState[] {
  const others = devices.filter((d) => d.device !== status.device);
  return [...others, status].sort((a, b) => a.device.localeCompare(b.device));
}
