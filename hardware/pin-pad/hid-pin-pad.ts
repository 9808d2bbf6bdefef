// USB numeric keypad (HID boot keyboard): digits, Enter/keypad Enter, Backspace; '*' and Esc
// clear. Key-down only, so a held key is one digit.
import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../device-status';
import { BootKeyboardDecoder, type KeyPress } from '../hid/boot-keyboard';
import { HidConnection } from '../hid/hid-connection';
import type { HidOpener, HidSelector } from '../hid/hid-device';
import type { ReconnectOptions } from '../serial/serial-link';
import { BACKSPACE, CLEAR, ENTER, type PinKey, type PinPad, type PinPadEvents, digitKey, isPinDigit } from './pin-key';

export interface HidPinPadOptions {
  selector: HidSelector;
  open?: HidOpener;
  reconnect?: ReconnectOptions | false;
  now?: () => number;
}

export function pinKeyFor(key: KeyPress): PinKey | null {
  switch (key.kind) {
    case 'enter':
      return ENTER;
    case 'backspace':
      return BACKSPACE;
    case 'escape':
      return CLEAR;
    case 'char':
      if (isPinDigit(key.char)) return digitKey(key.char);
      return key.char === '*' ? CLEAR : null;
    default:
      return null;
  }
}

export class HidPinPad extends EventEmitter<PinPadEvents> implements PinPad {
  private readonly connection: HidConnection;
  private readonly decoder = new BootKeyboardDecoder();

  constructor(options: HidPinPadOptions) {
    super();
    this.connection = new HidConnection(options);
    this.connection.on('data', (report) => {
      const result = this.decoder.push(report);
      if (!result.ok) return;
      for (const press of result.keys) {
        const key = pinKeyFor(press);
        if (key) this.emit('key', key);
      }
    });
    this.connection.on('status', (status) => {
      this.decoder.reset();
      this.emit('status', status);
    });
  }

  open(): Promise<DeviceStatus> {
    return this.connection.open();
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  status(): DeviceStatus {
    return this.connection.status();
  }
}
