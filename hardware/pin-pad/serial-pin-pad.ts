// PIN pad on a serial port: one ASCII byte per key.
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../device-status';
import type { SerialBinding } from '../serial/binding';
import { type ReconnectOptions, SerialLink } from '../serial/serial-link';
import type { PinPad, PinPadEvents } from './pin-key';
import { decodeSerialKeypad } from './serial-keypad-codec';

export interface SerialPinPadOptions {
  path: string;
  baudRate?: number;
  binding?: SerialBinding;
  reconnect?: ReconnectOptions | false;
  now?: () => number;
}

export class SerialPinPad extends EventEmitter<PinPadEvents> implements PinPad {
  private readonly link: SerialLink;

  constructor(options: SerialPinPadOptions) {
    super();
    this.link = new SerialLink({ path: options.path, baudRate: options.baudRate ?? 9600, binding: options.binding, reconnect: options.reconnect, now: options.now });
    this.link.on('data', (chunk) => {
      for (const key of decodeSerialKeypad(chunk).keys) this.emit('key', key);
    });
    this.link.on('status', (status) => this.emit('status', status));
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
