// PIN pads: key events (digits masked), serial and HID keypad drivers, simulators.
export { BACKSPACE, CLEAR, ENTER, digitKey, isPinDigit, type PinDigit, type PinKey, type PinPad, type PinPadEvents } from './pin-key';
export { decodeSerialKeypad, encodeSerialKeypad, type SerialKeypadDecoded } from './serial-keypad-codec';
export { SerialPinPad, type SerialPinPadOptions } from './serial-pin-pad';
export { HidPinPad, pinKeyFor, type HidPinPadOptions } from './hid-pin-pad';
export { HidKeypadSimulator, SerialPinPadSimulator, keysFromScript } from './pin-pad-sim';
