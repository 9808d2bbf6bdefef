// dcttech USB HID relay boards ("USBRelayN", 16C0:05DF), PROTOCOLS.md section 7: 9-byte
// feature reports [0x00, cmd, relay, 0 x6]; feature report 0 reads back serial + state mask.

export const DCTTECH_VENDOR_ID = 0x16c0;
export const DCTTECH_PRODUCT_ID = 0x05df;
export const DCTTECH_REPORT_LENGTH = 9;

export const DCTTECH_CMD = { on: 0xff, off: 0xfd, allOn: 0xfe, allOff: 0xfc } as const;

export function encodeRelayCommand(relay: number, on: boolean): Buffer {
  if (!Number.isInteger(relay) || relay < 1 || relay > 8) throw new RangeError(`relay must be 1-8, got ${relay}`);
  const report = Buffer.alloc(DCTTECH_REPORT_LENGTH);
  report[1] = on ? DCTTECH_CMD.on : DCTTECH_CMD.off;
  report[2] = relay;
  return report;
}

export function encodeAllCommand(on: boolean): Buffer {
  const report = Buffer.alloc(DCTTECH_REPORT_LENGTH);
  report[1] = on ? DCTTECH_CMD.allOn : DCTTECH_CMD.allOff;
  return report;
}

export interface RelayBoardState {
  /** Board serial from bytes 1-5 (printable ASCII, NULs dropped). */
  serial: string;
  /** Bit 0 = relay 1. */
  mask: number;
}

export type RelayStateResult = { ok: true; state: RelayBoardState } | { ok: false; reason: 'short-report' };

export function decodeRelayState(report: Uint8Array): RelayStateResult {
  if (report.length < DCTTECH_REPORT_LENGTH) return { ok: false, reason: 'short-report' };
  const serial = Array.from(report.subarray(1, 6))
    .filter((b) => b >= 0x20 && b < 0x7f)
    .map((b) => String.fromCharCode(b))
    .join('');
  return { ok: true, state: { serial, mask: report[8] ?? 0 } };
}

export function relayIsOn(mask: number, relay: number): boolean {
  return ((mask >> (relay - 1)) & 1) === 1;
}

/** What the board answers to a feature report 0 read (simulator side). */
export function encodeRelayState(serial: string, mask: number): Buffer {
  const report = Buffer.alloc(DCTTECH_REPORT_LENGTH);
  Buffer.from(serial.slice(0, 5), 'latin1').copy(report, 1);
  report[8] = mask & 0xff;
  return report;
}
