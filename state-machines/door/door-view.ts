// The door's state as plain data for a small display, LEDs or the headless door's JSON log
// lines: no card number, no PIN (only its length).
import type { SnapshotFrom } from 'xstate';
import type { DoorMachine } from './door-machine';
import type { DoorOutcome } from './door-types';

export interface DoorView {
  state: 'idle' | 'closed' | 'pin-entry' | 'verifying' | 'released' | 'lock-failed' | 'waiting-for-child' | 'denied';
  pinLength: number;
  outcome: DoorOutcome | null;
  /** Which source verified the PIN, once known. */
  source: 'ils' | 'cache' | null;
}

const STATES: Record<string, DoorView['state']> = {
  idle: 'idle',
  cardRead: 'pin-entry',
  closed: 'closed',
  pinEntry: 'pin-entry',
  verifying: 'verifying',
  verifyingCache: 'verifying',
  deciding: 'verifying',
  recordingEntry: 'verifying',
  unrecorded: 'denied',
  released: 'released',
  // "The door could not be opened: try again or ask staff", never "come in".
  lockFailed: 'lock-failed',
  waitingForChild: 'waiting-for-child',
  denied: 'denied',
};

export function toDoorView(snapshot: SnapshotFrom<DoorMachine>): DoorView {
  const value = snapshot.value;
  const name = typeof value === 'string' ? value : Object.values(value)[0] ?? 'idle';
  const { context } = snapshot;
  return { state: STATES[String(name)] ?? 'idle', pinLength: context.pin.length, outcome: context.outcome, source: context.source };
}
