// SIP2 15 (hold) and 16 (hold response), byte for byte. The AZ values below were worked out by
// hand from the algorithm in checksum.ts (two's complement of the byte sum, 16 bits):
//   15 ... |AY3AZ : byte sum 4599 = 0x11F7 -> 0x10000 - 0x11F7 = 0xEE09
//   16 ok  |AY3AZ : byte sum 7242 = 0x1C4A -> 0xE3B6
//   16 no  |AZ    : byte sum 7350 = 0x1CB6 -> 0xE34A
import { describe, expect, it } from 'vitest';
import { decodeSip2, encodeSip2 } from './codec';
import { Sip2EncodeError } from './errors';
import { RESPONSE_CODE, type Sip2Message } from './messages';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const DATE = '20261120    110000';

const HOLD: Sip2Message = {
  code: '15', holdMode: '+', transactionDate: DATE, pickupLocation: 'Kiosk 1', institutionId: 'DK-775100',
  patronIdentifier: '40000001', itemIdentifier: '5000000008', terminalPassword: '',
};
const HOLD_WIRE = `15+${DATE}BSKiosk 1|AODK-775100|AA40000001|AB5000000008|AC|AY3AZEE09\r`;

const HELD: Sip2Message = {
  code: '16', ok: true, available: true, transactionDate: DATE, queuePosition: '1', pickupLocation: 'Hovedbiblioteket',
  institutionId: 'DK-775100', patronIdentifier: '40000001', itemIdentifier: '5000000008', titleIdentifier: 'Erindringer',
};
const HELD_WIRE = `161Y${DATE}BR1|BSHovedbiblioteket|AODK-775100|AA40000001|AB5000000008|AJErindringer|AY3AZE3B6\r`;

const REFUSED_WIRE = `160N${DATE}AODK-775100|AA40000001|AB5000000008|AFThe item is reserved for another patron|AZE34A\r`;

describe('SIP2 15 hold / 16 hold response', () => {
  it('writes a 15 (hold mode +, pickup location, item) with sequence 3 and checksum EE09', () => {
    expect(text(encodeSip2(HOLD, { errorDetection: { sequence: 3 } }))).toBe(HOLD_WIRE);
    expect(decodeSip2(HOLD_WIRE)).toEqual({ message: HOLD, sequence: 3, errorDetection: true });
  });

  it('reads and writes a 16 (ok, available, queue position, pickup location) with checksum E3B6', () => {
    expect(decodeSip2(HELD_WIRE)).toEqual({ message: HELD, sequence: 3, errorDetection: true });
    expect(text(encodeSip2(HELD, { errorDetection: { sequence: 3 } }))).toBe(HELD_WIRE);
  });

  it('reads a refused 16 with its screen message (checksum E34A, no sequence)', () => {
    expect(decodeSip2(REFUSED_WIRE).message).toEqual({
      code: '16', ok: false, available: false, transactionDate: DATE, institutionId: 'DK-775100',
      patronIdentifier: '40000001', itemIdentifier: '5000000008', screenMessage: ['The item is reserved for another patron'],
    });
  });

  it('takes the delete and change hold modes, and refuses any other', () => {
    expect(decodeSip2(`15-${DATE}AODK-775100|AA1|AB2|`).message).toMatchObject({ code: '15', holdMode: '-' });
    expect(decodeSip2(`15*${DATE}AODK-775100|AA1|AB2|`).message).toMatchObject({ code: '15', holdMode: '*' });
    expect(() => decodeSip2(`15X${DATE}AODK-775100|AA1|`)).toThrow(/hold mode|holdMode/);
    expect(() => encodeSip2({ ...HOLD, holdMode: 'X' } as unknown as Sip2Message)).toThrow(Sip2EncodeError);
  });

  it('pairs 15 with 16', () => {
    expect((RESPONSE_CODE as Record<string, string>)['15']).toBe('16');
  });
});
