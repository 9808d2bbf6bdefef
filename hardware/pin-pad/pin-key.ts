// A key pressed on a PIN pad. Digit keys mask themselves in JSON and inspect, so a PIN never
// reaches a log even when a whole event is logged.
import { inspect } from 'node:util';
import type { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../device-status';

export type PinDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

export type PinKey = { type: 'digit'; digit: PinDigit } | { type: 'enter' } | { type: 'clear' } | { type: 'backspace' };

const MASKED = { type: 'digit', digit: '*' };

export function digitKey(digit: PinDigit): PinKey {
  const key = { type: 'digit' as const, digit };
  Object.defineProperty(key, 'toJSON', { value: () => MASKED, enumerable: false });
  Object.defineProperty(key, inspect.custom, { value: () => "{ type: 'digit', digit: '*' }", enumerable: false });
  return key;
}

export const ENTER: PinKey = Object.freeze({ type: 'enter' });
export const CLEAR: PinKey = Object.freeze({ type: 'clear' });
export const BACKSPACE: PinKey = Object.freeze({ type: 'backspace' });

export function isPinDigit(char: string): char is PinDigit {
  return char.length === 1 && char >= '0' && char <= '9';
}

export interface PinPadEvents {
  key: [PinKey];
  status: [DeviceStatus];
}

/** The PinPad port: the serial and the HID keypad drivers (and the screen's pad) fit it. */
export interface PinPad extends EventEmitter<PinPadEvents> {
  open(): Promise<DeviceStatus>;
  close(): Promise<void>;
  status(): DeviceStatus;
}
