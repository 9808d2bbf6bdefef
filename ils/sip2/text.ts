// Text <-> bytes for SIP2. Many ACSs speak UTF-8, older ones ISO-8859-1: configurable.

export type Sip2Encoding = 'utf-8' | 'iso-8859-1';

const utf8Encoder = new TextEncoder();
// Not fatal: a stray byte in a title must not stop a checkout; the checksum already guards integrity.
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

export function encodeText(text: string, encoding: Sip2Encoding): Uint8Array {
  if (encoding === 'utf-8') return utf8Encoder.encode(text);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    bytes[i] = unit <= 0xff ? unit : 0x3f; // '?' for what ISO-8859-1 cannot hold
  }
  return bytes;
}

export function decodeText(bytes: Uint8Array, encoding: Sip2Encoding): string {
  if (encoding === 'utf-8') return utf8Decoder.decode(bytes);
  // Byte-for-byte: TextDecoder('iso-8859-1') is really windows-1252 and remaps 0x80-0x9F.
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
