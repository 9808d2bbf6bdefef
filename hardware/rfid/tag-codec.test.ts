import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc16CcittFalse } from './tag-crc';
import { decodeTag, encodeTag, tagCrc, TagDecodeError, tryDecodeTag, type LibraryTagFields } from './tag-codec';

// The sample tag of PROTOCOLS.md section 3.
const SAMPLE = Buffer.from('11010131313232333334340000000000000000513e4445373035000000000000', 'hex');

function reasonOf(bytes: Uint8Array): string {
  try {
    decodeTag(bytes);
    return 'decoded';
  } catch (error) {
    expect(error).toBeInstanceOf(TagDecodeError);
    return (error as TagDecodeError).reason;
  }
}

function withCrc(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const crc = tagCrc(copy);
  copy[19] = crc & 0xff;
  copy[20] = crc >> 8;
  return copy;
}

describe('CRC-16/CCITT-FALSE', () => {
  it('matches the check values', () => {
    expect(crc16CcittFalse(Buffer.from('RFID tag data model', 'ascii'))).toBe(0x1aee);
    expect(crc16CcittFalse(Buffer.from('123456789', 'ascii'))).toBe(0x29b1);
    expect(tagCrc(SAMPLE)).toBe(0x3e51);
  });
});

describe('decodeTag', () => {
  it('decodes the sample tag field by field', () => {
    expect(decodeTag(SAMPLE)).toEqual({
      version: 1,
      usage: 'circulating',
      usageCode: 1,
      partsInSet: 1,
      partNumber: 1,
      itemId: '11223344',
      country: 'DE',
      isil: '705',
    });
  });

  it('names an unknown usage code instead of refusing the item', () => {
    const tag = withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i === 0 ? 0x14 : byte)));
    expect(decodeTag(tag)).toMatchObject({ usage: 'unknown', usageCode: 4 });
  });

  it('keeps only the first 32 bytes of a longer read', () => {
    expect(decodeTag(Buffer.concat([SAMPLE, Buffer.from([1, 2, 3, 4])])).itemId).toBe('11223344');
  });

  it.each([
    ['wrong-length', SAMPLE.subarray(0, 31)],
    ['blank', new Uint8Array(32)],
    ['bad-version', withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i === 0 ? 0x21 : byte)))],
    ['bad-crc', Uint8Array.from(SAMPLE, (byte, i) => (i === 19 ? 0x52 : byte))],
    ['bad-crc', Uint8Array.from(SAMPLE, (byte, i) => (i === 5 ? 0x39 : byte))],
    ['bad-set', withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i === 2 ? 2 : byte)))],
    ['bad-set', withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i === 1 ? 0 : byte)))],
    ['bad-item-id', withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i === 4 ? 0xe6 : byte)))],
    ['bad-item-id', withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i >= 3 && i <= 18 ? 0 : byte)))],
    ['bad-item-id', withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i === 15 ? 0x41 : byte)))],
    ['bad-country', withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i === 21 ? 0x64 : byte)))],
    ['bad-isil', withCrc(Uint8Array.from(SAMPLE, (byte, i) => (i === 24 ? 0x07 : byte)))],
  ])('rejects a corrupt tag with reason %s', (reason, bytes) => {
    expect(reasonOf(bytes)).toBe(reason);
  });

  it('tryDecodeTag returns the error instead of throwing', () => {
    const result = tryDecodeTag(new Uint8Array(32));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBe('blank');
  });

  it('never throws anything but TagDecodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
        try {
          decodeTag(bytes);
        } catch (error) {
          if (!(error instanceof TagDecodeError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('checks the CRC before any field of a random version-1 tag', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const tag = Uint8Array.from(bytes, (byte, i) => (i === 0 ? 0x10 | (byte & 0x0f) : byte));
        fc.pre(tagCrc(tag) !== (tag[19]! | (tag[20]! << 8)));
        expect(reasonOf(tag)).toBe('bad-crc');
      }),
    );
  });
});

describe('encodeTag', () => {
  it('encodes the sample tag byte for byte', () => {
    const fields: LibraryTagFields = { usage: 'circulating', partsInSet: 1, partNumber: 1, itemId: '11223344', country: 'DE', isil: '705' };
    expect(Buffer.from(encodeTag(fields)).toString('hex')).toBe(SAMPLE.toString('hex'));
  });

  it('refuses fields that do not fit', () => {
    const base: LibraryTagFields = { usage: 'circulating', partsInSet: 3, partNumber: 1, itemId: '5010' };
    expect(() => encodeTag({ ...base, itemId: '12345678901234567' })).toThrow(/itemId/);
    expect(() => encodeTag({ ...base, itemId: 'blåbær' })).toThrow(/ASCII/);
    expect(() => encodeTag({ ...base, partNumber: 4 })).toThrow(/partNumber/);
    expect(() => encodeTag({ ...base, country: 'dk' })).toThrow(/country/);
    expect(() => encodeTag({ ...base, isil: '7100000000' })).toThrow(/isil/);
  });

  it('round-trips every valid record', () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) });
    const fields = fc
      .record({
        usage: fc.constantFrom('acquisition', 'circulating', 'reference', 'discarded', 'patron-card', 'equipment' as const),
        partsInSet: fc.integer({ min: 1, max: 255 }),
        partSeed: fc.nat(),
        itemId: printable.filter((s) => s.length >= 1 && s.length <= 16),
        country: fc.constantFrom('', 'DK', 'DE', 'SE'),
        isil: printable.filter((s) => s.length <= 9),
      })
      .map(({ partSeed, ...rest }) => ({ ...rest, partNumber: (partSeed % rest.partsInSet) + 1 }));
    fc.assert(
      fc.property(fields, (input) => {
        const tag = decodeTag(encodeTag(input));
        expect(tag).toMatchObject({ ...input, version: 1 });
      }),
    );
  });
});
