// Contact sources: a modem-status line of a serial port (real hardware), and a manual
// source that simulators and tests set (a pty has no modem lines to carry the contact).
import { EventEmitter } from 'node:events';
import { type DeviceStatus, deviceStatus } from '../device-status';
import type { SerialBinding } from '../serial/binding';
import type { ReconnectOptions } from '../reconnect';
import { SerialLink } from '../serial/serial-link';
import type { ContactSource } from './door-contact';

export type ModemLine = 'dsr' | 'cts' | 'dcd';

export interface ModemLineContactOptions {
  /** Open this port for the contact, or share a link opened elsewhere (`link`). */
  path?: string;
  link?: SerialLink;
  line: ModemLine;
  /** Line level that means "door closed" (default true: the reed switch closes the loop). */
  closedWhen?: boolean;
  binding?: SerialBinding;
  reconnect?: ReconnectOptions | false;
}

export class ModemLineContact extends EventEmitter<{ status: [DeviceStatus] }> implements ContactSource {
  readonly link: SerialLink;
  private readonly owned: boolean;

  constructor(private readonly options: ModemLineContactOptions) {
    super();
    if (!options.link && !options.path) throw new TypeError('ModemLineContact needs a path or a link');
    this.owned = !options.link;
    this.link = options.link ?? new SerialLink({ path: options.path ?? '', binding: options.binding, reconnect: options.reconnect });
    this.link.on('status', (status) => this.emit('status', status));
  }

  async open(): Promise<DeviceStatus> {
    return this.owned ? this.link.open() : this.link.status();
  }

  async close(): Promise<void> {
    if (this.owned) await this.link.close();
  }

  status(): DeviceStatus {
    return this.link.status();
  }

  async readClosed(): Promise<boolean> {
    const lines = await this.link.get();
    return lines[this.options.line] === (this.options.closedWhen ?? true);
  }
}

/** A contact whose state is set by hand: the door contact simulator. */
export class ManualContact extends EventEmitter<{ status: [DeviceStatus] }> implements ContactSource {
  private closed: boolean;
  private current: DeviceStatus;

  constructor(initiallyClosed = true, private readonly now: () => number = Date.now) {
    super();
    this.closed = initiallyClosed;
    this.current = deviceStatus('disconnected', new Date(now()), 'not opened');
  }

  async open(): Promise<DeviceStatus> {
    this.setStatus('connected');
    return this.current;
  }

  async close(): Promise<void> {
    this.setStatus('disconnected', 'closed');
  }

  status(): DeviceStatus {
    return this.current;
  }

  async readClosed(): Promise<boolean> {
    if (this.current.state !== 'connected') throw new Error('door contact is not connected');
    return this.closed;
  }

  /** Someone opens the door. */
  openDoor(): void {
    this.closed = false;
  }

  closeDoor(): void {
    this.closed = true;
  }

  get isDoorClosed(): boolean {
    return this.closed;
  }

  unplug(): void {
    this.setStatus('disconnected', 'unplugged');
  }

  plug(): void {
    this.setStatus('connected');
  }

  private setStatus(state: DeviceStatus['state'], detail?: string): void {
    this.current = deviceStatus(state, new Date(this.now()), detail);
    this.emit('status', this.current);
  }
}
