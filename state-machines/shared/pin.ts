// PIN editing as pure functions, shared by the door and the kiosk's identification. The digits
// live only in machine context while they are typed; views expose the length alone.

export interface PinLength {
  /** Fewest digits PIN_ENTER accepts. */
  min: number;
  /** Digits beyond this are ignored. */
  max: number;
}

export const FOUR_DIGITS: PinLength = { min: 4, max: 4 };

export function isPinDigit(digit: string): boolean {
  return /^[0-9]$/.test(digit);
}

export function canAddDigit(pin: string, digit: string, length: PinLength): boolean {
  return isPinDigit(digit) && pin.length < length.max;
}

export function addDigit(pin: string, digit: string, length: PinLength): string {
  return canAddDigit(pin, digit, length) ? pin + digit : pin;
}

export function removeDigit(pin: string): string {
  return pin.slice(0, -1);
}

export function pinComplete(pin: string, length: PinLength): boolean {
  return pin.length >= length.min && pin.length <= length.max;
}
