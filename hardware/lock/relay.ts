// A relay that drives a door lock: switched on/off, confirmed where the hardware can say.
import type { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../device-status';

export type LockErrorCode = 'not-connected' | 'not-confirmed' | 'write-failed' | 'bad-duration';

export class LockError extends Error {
  override name = 'LockError';
  constructor(
    readonly code: LockErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * How a switch was confirmed: 'read-back' = the board reported the new state;
 * 'written' = the command left the port (the hardware cannot report its state).
 */
export type RelayConfirmation = 'read-back' | 'written';

export interface RelayEvents {
  status: [DeviceStatus];
}

/**
 * What another thread needs to switch the relay off without this one (the release watchdog):
 * the serial port's fd and the off command, or the HID board and its off feature report.
 */
export type RelayOffTarget =
  | { kind: 'fd'; fd: number; bytes: Uint8Array }
  | { kind: 'hid'; path: string | null; vendorId: number; productId: number; report: Uint8Array };

export interface Relay extends EventEmitter<RelayEvents> {
  readonly canReadBack: boolean;
  open(): Promise<DeviceStatus>;
  close(): Promise<void>;
  status(): DeviceStatus;
  /** Switches the relay; throws LockError when it cannot be done or confirmed. */
  set(on: boolean): Promise<RelayConfirmation>;
  /** Switches off with blocking calls, for a crash handler; false when that could not be done. */
  switchOffSync?(): boolean;
  /** How the watchdog thread switches this relay off; null while there is no way (not connected). */
  offTarget?(): RelayOffTarget | null;
}
