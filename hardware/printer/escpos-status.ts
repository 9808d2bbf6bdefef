// DLE EOT real-time status: the printer answers one byte even while it cannot print.
// Bit meanings per Epson; some clones differ (PROTOCOLS.md section 8), so keep them here only.

export const PRINTER_STATUS_REQUEST = Uint8Array.of(0x10, 0x04, 0x01);
export const PAPER_STATUS_REQUEST = Uint8Array.of(0x10, 0x04, 0x04);

export type PaperStatus = 'ok' | 'near-end' | 'out';

/** Every DLE EOT reply has bit 1 and bit 4 set and bits 0 and 7 clear. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** DLE EOT 4 (roll paper sensor): 0x60 paper out, 0x0C paper near end. */
export function paperStatusFromByte(byte: number): PaperStatus {
  if ((byte & 0x60) === 0x60) return 'out';
  if ((byte & 0x0c) === 0x0c) return 'near-end';
  return 'ok';
}

/** DLE EOT 1 (printer status): bit 3 set = offline. */
export function offlineFromByte(byte: number): boolean {
  return (byte & 0x08) !== 0;
}

/** The bytes a printer in this state answers (the simulator's side). */
export function paperStatusByte(paper: PaperStatus): number {
  return 0x12 | (paper === 'out' ? 0x6c : paper === 'near-end' ? 0x0c : 0);
}

export function printerStatusByte(offline: boolean): number {
  return 0x12 | (offline ? 0x08 : 0);
}
