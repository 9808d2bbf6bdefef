// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, MSB first, no final XOR): the checksum the
// Danish data model stores on every library tag.

export function crc16CcittFalse(bytes: Uint8Array, init = 0xffff): number {
  let crc = init & 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}
