// PIN pad simulators: a serial keypad on the simulator end of a pty, and a USB numeric
// keypad behind the HidDevice interface. Both scriptable: type('1234'), enter(), clear().
import { bootReport } from '../hid/boot-keyboard';
import { KeyboardSimulator } from '../hid/keyboard-simulator';
import type { SerialBinding } from '../serial/binding';
import { SerialSimulator } from '../serial/serial-simulator';
import { BACKSPACE, CLEAR, ENTER, type PinKey, digitKey, isPinDigit } from './pin-key';
import { encodeSerialKeypad } from './serial-keypad-codec';

/** '1234#' style script -> keys: digits, '#' enter, '*' clear, '<' backspace. */
export function keysFromScript(script: string): PinKey[] {
  return [...script].map((char) => {
    if (isPinDigit(char)) return digitKey(char);
    if (char === '#') return ENTER;
    if (char === '*') return CLEAR;
    if (char === '<') return BACKSPACE;
    throw new RangeError(`a PIN pad has no key for character code ${char.charCodeAt(0)}`);
  });
}

export class SerialPinPadSimulator extends SerialSimulator {
  constructor(options: { path: string; binding?: SerialBinding }) {
    super({ path: options.path, binding: options.binding });
  }

  /** Presses keys by script, e.g. press('1234#'). */
  press(script: string): Promise<void> {
    return this.link.write(encodeSerialKeypad(keysFromScript(script)));
  }

  type(digits: string): Promise<void> {
    return this.press(digits);
  }

  enter(): Promise<void> {
    return this.press('#');
  }

  clear(): Promise<void> {
    return this.press('*');
  }
}

const KEYPAD_USAGE: Record<string, number> = { '1': 0x59, '2': 0x5a, '3': 0x5b, '4': 0x5c, '5': 0x5d, '6': 0x5e, '7': 0x5f, '8': 0x60, '9': 0x61, '0': 0x62, '#': 0x58, '*': 0x55, '<': 0x2a };

/** A USB numeric keypad as a HidDevice: each key is a press report then a release report. */
export class HidKeypadSimulator extends KeyboardSimulator {
  press(script: string): void {
    keysFromScript(script); // same validation as the serial pad
    for (const char of script) {
      this.emit('data', bootReport([KEYPAD_USAGE[char] ?? 0]));
      this.emit('data', bootReport([]));
    }
  }

  type(digits: string): void {
    this.press(digits);
  }

  enter(): void {
    this.press('#');
  }

  clear(): void {
    this.press('*');
  }
}
