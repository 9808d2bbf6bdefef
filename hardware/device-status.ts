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

/** A device connection that reports its status as `status` events. */
interface StatusSource {
  readonly isConnected: boolean;
  on(event: 'status', listener: (status: DeviceStatus) => void): unknown;
  off(event: 'status', listener: (status: DeviceStatus) => void): unknown;
}

/** Resolves once `source` is connected; rejects with `timeoutError()` after `timeoutMs`. */
export function whenConnected(source: StatusSource, timeoutMs: number, timeoutError: () => Error): Promise<void> {
  if (source.isConnected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onStatus = (status: DeviceStatus) => {
      if (status.state !== 'connected') return;
      clearTimeout(timer);
      source.off('status', onStatus);
      resolve();
    };
    const timer = setTimeout(() => {
      source.off('status', onStatus);
      reject(timeoutError());
    }, timeoutMs);
    source.on('status', onStatus);
  });
}
