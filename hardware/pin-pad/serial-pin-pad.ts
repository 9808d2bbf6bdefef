// PIN pad on a serial port: one ASCII byte per key.
import { ConnectedDevice } from '../connected-device';
import type { SerialBinding } from '../serial/binding';
import type { ReconnectOptions } from '../reconnect';
import { SerialLink } from '../serial/serial-link';
import type { PinPad, PinPadEvents } from './pin-key';
import { decodeSerialKeypad } from './serial-keypad-codec';

export interface SerialPinPadOptions {
  path: string;
  baudRate?: number;
  binding?: SerialBinding;
  reconnect?: ReconnectOptions | false;
  now?: () => number;
}

export class SerialPinPad extends ConnectedDevice<PinPadEvents, SerialLink> implements PinPad {
  constructor(options: SerialPinPadOptions) {
    super(new SerialLink({ path: options.path, baudRate: options.baudRate ?? 9600, binding: options.binding, reconnect: options.reconnect, now: options.now }));
    this.link.on('data', (chunk) => {
      for (const key of decodeSerialKeypad(chunk).keys) this.emit('key', key);
    });
  }
}
