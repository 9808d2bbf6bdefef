// Reader STATUS bytes as FEIG manuals index them (0x00-0x05 and 0x94 confirmed; the rest per
// the manuals' annex, names only): the reply's verdict on a command.

export const FeigStatus = {
  ok: 0x00,
  noTransponder: 0x01,
  dataFalse: 0x02,
  writeError: 0x03,
  addressError: 0x04,
  wrongTransponderType: 0x05,
  eepromFailure: 0x10,
  parameterRangeError: 0x11,
  loginRequest: 0x13,
  loginError: 0x14,
  readProtected: 0x15,
  writeProtected: 0x16,
  unknownCommand: 0x80,
  lengthError: 0x81,
  commandNotAvailable: 0x82,
  rfCommunicationError: 0x83,
  rfWarning: 0x84,
  noValidData: 0x92,
  dataBufferOverflow: 0x93,
  moreData: 0x94,
  isoError: 0x95,
} as const;

const NAMES = new Map<number, string>([
  [0x00, 'OK'],
  [0x01, 'no transponder'],
  [0x02, 'data false (CRC error in the transponder reply)'],
  [0x03, 'write error'],
  [0x04, 'address error'],
  [0x05, 'wrong transponder type'],
  [0x10, 'EEPROM failure'],
  [0x11, 'parameter range error'],
  [0x13, 'login request'],
  [0x14, 'login error'],
  [0x15, 'read protected'],
  [0x16, 'write protected'],
  [0x17, 'firmware activation required'],
  [0x80, 'unknown command'],
  [0x81, 'length error'],
  [0x82, 'command not available'],
  [0x83, 'RF communication error'],
  [0x84, 'RF warning'],
  [0x92, 'no valid data'],
  [0x93, 'data buffer overflow'],
  [0x94, 'more data'],
  [0x95, 'ISO 15693 error'],
  [0x96, 'ISO 14443 error'],
  [0x97, 'crypto processing error'],
  [0xf1, 'hardware warning'],
]);

/** A readable name for a status byte, e.g. "0x01 no transponder". */
export function feigStatusName(status: number): string {
  const hex = `0x${status.toString(16).toUpperCase().padStart(2, '0')}`;
  return `${hex} ${NAMES.get(status) ?? 'unknown status'}`;
}
