import { describe, expect, it } from 'vitest';
import { checksumMatches, sip2Checksum } from './checksum';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sip2Checksum', () => {
  it('matches the check values of PROTOCOLS.md section 1', () => {
    expect(sip2Checksum(bytes('941AY0AZ'))).toBe('FDFD');
    expect(sip2Checksum(bytes('97AZ'))).toBe('FEF5');
    expect(sip2Checksum(bytes('96AZ'))).toBe('FEF6');
  });

  // Evergreen SIPServer t/0001_checksum.t: item information replies (its ASCII-only cases).
  it.each([
    ['DB4E', "1804020120110630    110249AB30007008637257|AJVie d'Isabelle Eberhardt |CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP   EAU|AY6AZ"],
    ['DC23', "1804020120110630    110250AB30007008611161|AJUne vie n'est pas assez|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP GRO|AY4AZ"],
    ['E174', '1804020120110630    110250AB30007008641424|AJLe zahir|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP COE|AY7AZ'],
    ['E003', '1804020120110630    110251AB30007008432675|AJIncendiaire|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP CLE|AY8AZ'],
    ['DB4F', "1804020120110630    110251AB30007001210029|AJLa Mort n'est pas une fin|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP     CHR|AY9AZ"],
    ['DD80', '1804020120110630    110251AB30007001210078|AJLe Miroir se brisa|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP     CHR|AY1AZ'],
    ['DB71', '1804020120110630    110251AB30007008637216|AJLa nuit du renard : roman|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-18 23:59:59|CSPB LP   CLA|AY3AZ'],
  ])('Evergreen check value %s', (expected, message) => {
    expect(sip2Checksum(bytes(message))).toBe(expected);
  });

  it('compares case-insensitively and rejects what is not 4 hex digits', () => {
    expect(checksumMatches(bytes('941AY0AZ'), 'fdfd')).toBe(true);
    expect(checksumMatches(bytes('941AY0AZ'), 'FDFE')).toBe(false);
    expect(checksumMatches(bytes('941AY0AZ'), 'FDF')).toBe(false);
    expect(checksumMatches(bytes('941AY0AZ'), 'GDFD')).toBe(false);
  });
});
