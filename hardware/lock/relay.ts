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

export interface Relay extends EventEmitter<RelayEvents> {
  readonly canReadBack: boolean;
  open(): Promise<DeviceStatus>;
  close(): Promise<void>;
  status(): DeviceStatus;
  /** Switches the relay; throws LockError when it cannot be done or confirmed. */
  set(on: boolean): Promise<RelayConfirmation>;
}
