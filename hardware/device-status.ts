// The one status shape every device driver reports, so diagnostics can list them alike.

export type DeviceState = 'connected' | 'disconnected' | 'error';

export interface DeviceStatus {
  readonly state: DeviceState;
  /** Why, in a technician's words (never a CPR, PIN or card number). */
  readonly detail?: string;
  /** When the device entered this state. */
  readonly since: Date;
}

export function deviceStatus(state: DeviceState, since: Date, detail?: string): DeviceStatus {
  return detail === undefined ? { state, since } : { state, detail, since };
}

/** True when `next` says something different from `prev` (state or detail). */
export function statusChanged(prev: DeviceStatus, state: DeviceState, detail?: string): boolean {
  return prev.state !== state || prev.detail !== detail;
}
