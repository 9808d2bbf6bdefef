// Both roots watch their devices the same way: each device's status now, then on every change.
// The door reports them as a metric and a log line; the kiosk also sends them to its machine.
import { type DeviceStatus } from '../../hardware/device-status';
import { type Logger } from '../log';
import { type MetricsRegistry } from '../services/metrics';
import { DEVICE_CONNECTED } from '../services/metrics-catalog';

export interface WatchedDevice {
  status(): DeviceStatus;
  on(event: 'status', listener: (status: DeviceStatus) => void): unknown;
}

export type DeviceStatusListener = (name: string, status: DeviceStatus) => void;

/** Calls `listener` with each device's status at once and on every change. `null` devices are absent. */
export function watchDevices(devices: Record<string, WatchedDevice | null>, listener: DeviceStatusListener): void {
  for (const [name, device] of Object.entries(devices)) {
    if (!device) continue;
    listener(name, device.status());
    device.on('status', (status) => listener(name, status));
  }
}

/** The fleet's view of a device: `kiosk_device_connected{device}` and a `device.status` log line. */
export function deviceStatusReporter(metrics: MetricsRegistry, log: Logger): DeviceStatusListener {
  const connected = metrics.gauge(...DEVICE_CONNECTED);
  return (name, status) => {
    connected.set(status.state === 'connected' ? 1 : 0, { device: name });
    log.info('device.status', { device: name, state: status.state, ...(status.detail ? { detail: status.detail } : {}) });
  };
}
