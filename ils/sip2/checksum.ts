// SIP2 error detection: the AZ checksum is the two's complement of the byte sum, 16 bits.

/** Checksum of `bytes` (everything from the message code up to and including `AZ`). */
export function sip2Checksum(bytes: Uint8Array): string {
  let sum = 0;
  for (const byte of bytes) sum += byte;
  return ((-sum) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

/** True when `hex` (4 hex digits, any case) is the checksum of `bytes`. */
export function checksumMatches(bytes: Uint8Array, hex: string): boolean {
  return /^[0-9A-Fa-f]{4}$/.test(hex) && sip2Checksum(bytes) === hex.toUpperCase();
}
