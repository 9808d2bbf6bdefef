// The FEIG ISO host protocol's CRC16: reflected polynomial 0x8408, preset 0xFFFF, sent LSB first.

export function feigCrc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return crc;
}
