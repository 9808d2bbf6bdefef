import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LcusDecoder, encodeLcus } from './lcus-codec';
import { decodeRelayState, encodeAllCommand, encodeRelayCommand, encodeRelayState, relayIsOn } from './dcttech-codec';

describe('LCUS codec (PROTOCOLS.md section 7)', () => {
  it('encodes on and off exactly', () => {
    expect(encodeLcus(1, true)).toEqual(Buffer.from([0xa0, 0x01, 0x01, 0xa2]));
    expect(encodeLcus(1, false)).toEqual(Buffer.from([0xa0, 0x01, 0x00, 0xa1]));
    expect(encodeLcus(2, true)).toEqual(Buffer.from([0xa0, 0x02, 0x01, 0xa3]));
    expect(encodeLcus(0x7f, true)).toEqual(Buffer.from([0xa0, 0x7f, 0x01, 0x20])); // checksum wraps
  });

  it('rejects a relay number outside 1-255', () => {
    expect(() => encodeLcus(0, true)).toThrow(RangeError);
    expect(() => encodeLcus(256, true)).toThrow(RangeError);
  });

  it('decodes commands split across chunks and resyncs after noise and bad checksums', () => {
    const decoder = new LcusDecoder();
    expect(decoder.push(Buffer.from([0xa0, 0x01]))).toEqual([]);
    expect(decoder.push(Buffer.from([0x01, 0xa2]))).toEqual([{ ok: true, relay: 1, on: true }]);
    expect(decoder.push(Buffer.from([0x55, 0xa0, 0x01, 0x00, 0xff, 0xa0, 0x01, 0x00, 0xa1]))).toEqual([
      { ok: false, reason: 'noise', bytes: Buffer.from([0x55]) },
      { ok: false, reason: 'bad-checksum', bytes: Buffer.from([0xa0]) },
      { ok: false, reason: 'noise', bytes: Buffer.from([0x01, 0x00, 0xff]) },
      { ok: true, relay: 1, on: false },
    ]);
    expect(decoder.push(Buffer.from([0xa0, 0x01, 0x02, 0xa3]))).toEqual([{ ok: false, reason: 'bad-operation', bytes: Buffer.from([0xa0, 0x01, 0x02, 0xa3]) }]);
  });

  it('property: random bytes never throw; valid commands survive any noise before them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), (noise, relay, on) => {
        const decoder = new LcusDecoder();
        decoder.push(noise);
        // A full command after arbitrary noise is found once the decoder is flushed by it.
        const frames = decoder.push(Buffer.concat([encodeLcus(relay, on), encodeLcus(relay, on)]));
        expect(frames.filter((f) => f.ok).at(-1)).toEqual({ ok: true, relay, on });
      }),
    );
  });
});

describe('dcttech HID relay codec (PROTOCOLS.md section 7)', () => {
  it('encodes the 9-byte feature reports', () => {
    expect(encodeRelayCommand(1, true)).toEqual(Buffer.from([0x00, 0xff, 0x01, 0, 0, 0, 0, 0, 0]));
    expect(encodeRelayCommand(1, false)).toEqual(Buffer.from([0x00, 0xfd, 0x01, 0, 0, 0, 0, 0, 0]));
    expect(encodeRelayCommand(8, true)).toEqual(Buffer.from([0x00, 0xff, 0x08, 0, 0, 0, 0, 0, 0]));
    expect(encodeAllCommand(true)).toEqual(Buffer.from([0x00, 0xfe, 0, 0, 0, 0, 0, 0, 0]));
    expect(encodeAllCommand(false)).toEqual(Buffer.from([0x00, 0xfc, 0, 0, 0, 0, 0, 0, 0]));
    expect(() => encodeRelayCommand(9, true)).toThrow(RangeError);
  });

  it('decodes a recorded feature report 0: serial in bytes 1-5, mask in byte 8', () => {
    // USBRelay2 with serial "QWERT", relay 2 on.
    const recorded = Buffer.from('005157455254000002', 'hex');
    expect(recorded).toEqual(Buffer.from([0x00, 0x51, 0x57, 0x45, 0x52, 0x54, 0x00, 0x00, 0x02]));
    const decoded = decodeRelayState(recorded);
    expect(decoded).toEqual({ ok: true, state: { serial: 'QWERT', mask: 0x02 } });
    expect(relayIsOn(0x02, 1)).toBe(false);
    expect(relayIsOn(0x02, 2)).toBe(true);
    expect(encodeRelayState('QWERT', 0x02)).toEqual(recorded);
    expect(decodeRelayState(Buffer.from([0, 1, 2]))).toEqual({ ok: false, reason: 'short-report' });
  });

  it('property: random reports never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (bytes) => {
        const result = decodeRelayState(bytes);
        if (result.ok) expect(result.state.mask).toBe(bytes[8]);
        else expect(result.reason).toBe('short-report');
      }),
    );
  });
});
