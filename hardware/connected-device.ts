// A driver over one connection (a SerialLink or a HidConnection): opening, closing and the
// status are the connection's, and each status change is forwarded as the driver's own event.
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from './device-status';

export interface DeviceConnection {
  open(): Promise<DeviceStatus>;
  close(): Promise<void>;
  status(): DeviceStatus;
  on(event: 'status', listener: (status: DeviceStatus) => void): unknown;
}

type StatusEvents = { status: [DeviceStatus] };

export abstract class ConnectedDevice<
  TEvents extends Record<keyof TEvents, unknown[]> & StatusEvents,
  TLink extends DeviceConnection,
> extends EventEmitter<TEvents> {
  constructor(protected readonly link: TLink) {
    super();
    // A generic event map does not narrow `emit`; every driver's events include `status`.
    const events = this as unknown as EventEmitter<StatusEvents>;
    link.on('status', (status) => events.emit('status', status));
  }

  open(): Promise<DeviceStatus> {
    return this.link.open();
  }

  close(): Promise<void> {
    return this.link.close();
  }

  status(): DeviceStatus {
    return this.link.status();
  }
}
