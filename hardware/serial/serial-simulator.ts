// The simulator end of a pty pair: a SerialLink that reopens quickly when the pair is made
// again, started by opening it and waiting until it is connected. Every serial device
// simulator (card reader, PIN pad, LCUS relay, printer, FEIG reader) is one of these.
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../device-status';
import type { ReconnectOptions } from '../reconnect';
import { SerialLink, type SerialLinkOptions } from './serial-link';

/** How a simulator's link reconnects: soon, so a remade pty pair is picked up at once. */
export const SIMULATOR_RECONNECT: ReconnectOptions = Object.freeze({ initialDelayMs: 50, maxDelayMs: 500 });

export class SerialSimulator<TEvents extends Record<keyof TEvents, unknown[]> = Record<never, never>> extends EventEmitter<TEvents> {
  readonly link: SerialLink;

  constructor(options: Omit<SerialLinkOptions, 'reconnect'>) {
    super();
    this.link = new SerialLink({ ...options, reconnect: SIMULATOR_RECONNECT });
  }

  /** Opens the pty end (and keeps reopening it if the pair is closed and made again). */
  async start(timeoutMs = 5000): Promise<void> {
    await this.link.open();
    await this.link.whenConnected(timeoutMs);
  }

  stop(): Promise<void> {
    return this.link.close();
  }

  status(): DeviceStatus {
    return this.link.status();
  }
}
