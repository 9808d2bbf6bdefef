// Serial keypads (e.g. Wiegand-to-serial converters) send one ASCII byte per key:
// digits, '#' = enter, '*' = clear (PROTOCOLS.md section 6). Other bytes are ignored.
import { BACKSPACE, CLEAR, ENTER, type PinKey, digitKey, isPinDigit } from './pin-key';

export interface SerialKeypadDecoded {
  keys: PinKey[];
  /** Bytes that were no key (line endings, noise). */
  ignored: number;
}

export function decodeSerialKeypad(bytes: Uint8Array): SerialKeypadDecoded {
  const keys: PinKey[] = [];
  let ignored = 0;
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (isPinDigit(char)) keys.push(digitKey(char));
    else if (char === '#') keys.push(ENTER);
    else if (char === '*') keys.push(CLEAR);
    else if (byte === 0x08 || byte === 0x7f) keys.push(BACKSPACE);
    else ignored += 1;
  }
  return { keys, ignored };
}

/** The bytes a serial keypad sends for `keys` (simulator side). */
export function encodeSerialKeypad(keys: readonly PinKey[]): Buffer {
  return Buffer.from(
    keys.map((key) => {
      if (key.type === 'digit') return key.digit.charCodeAt(0);
      if (key.type === 'enter') return 0x23;
      if (key.type === 'clear') return 0x2a;
      return 0x08;
    }),
  );
}
