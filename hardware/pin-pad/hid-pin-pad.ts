// USB numeric keypad (HID boot keyboard): digits, Enter/keypad Enter, Backspace; '*' and Esc
// clear. Key-down only, so a held key is one digit.
import { ConnectedDevice } from '../connected-device';
import { BootKeyboardDecoder, type KeyPress } from '../hid/boot-keyboard';
import { HidConnection } from '../hid/hid-connection';
import type { HidOpener, HidSelector } from '../hid/hid-device';
import type { ReconnectOptions } from '../reconnect';
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

export class HidPinPad extends ConnectedDevice<PinPadEvents, HidConnection> implements PinPad {
  private readonly decoder = new BootKeyboardDecoder();

  constructor(options: HidPinPadOptions) {
    super(new HidConnection(options));
    this.link.on('data', (report) => {
      const result = this.decoder.push(report);
      if (!result.ok) return;
      for (const press of result.keys) {
        const key = pinKeyFor(press);
        if (key) this.emit('key', key);
      }
    });
    this.link.on('status', () => this.decoder.reset());
  }
}
