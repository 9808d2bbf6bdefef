// Danish health card (sundhedskort) magnetic stripe layout, PROTOCOLS.md section 5.

/** Track 2 data without sentinels: the fields in order, digits only. */
export const TRACK2_FIELDS = [
  ['cardType', 1],
  ['nationality', 3],
  ['application', 1],
  ['issuer', 3],
  ['cpr', 10],
  ['insuranceGroup', 1],
  ['doctorNumber', 6],
  ['region', 3],
  ['municipality', 3],
  ['validFrom', 6],
] as const;

export type Track2Field = (typeof TRACK2_FIELDS)[number][0];
export const TRACK2_LENGTH = TRACK2_FIELDS.reduce((sum, [, width]) => sum + width, 0); // 37

export function track2Fields(data: string): Record<Track2Field, string> {
  const fields = {} as Record<Track2Field, string>;
  let at = 0;
  for (const [name, width] of TRACK2_FIELDS) {
    fields[name] = data.slice(at, at + width);
    at += width;
  }
  return fields;
}

export function encodeTrack2(fields: Record<Track2Field, string>): string {
  return TRACK2_FIELDS.map(([name, width]) => fields[name].padStart(width, '0').slice(-width)).join('');
}

// Track 1 is 7-bit: the ASCII brackets stand for the Danish letters.
const DANISH_7BIT: Record<string, string> = { '[': 'Æ', '\\': 'Ø', ']': 'Å', '{': 'æ', '|': 'ø', '}': 'å' };
const DANISH_8BIT: Record<string, string> = Object.fromEntries(Object.entries(DANISH_7BIT).map(([k, v]) => [v, k]));

export function decodeDanish7bit(text: string): string {
  return text.replace(/[[\\\]{|}]/g, (c) => DANISH_7BIT[c] ?? c);
}

export function encodeDanish7bit(text: string): string {
  return text.replace(/[ÆØÅæøå]/g, (c) => DANISH_8BIT[c] ?? c);
}

export const TRACK1_WIDTHS = { name: 34, address: 34, municipality: 3, postcode: 4 } as const;

export interface Track1 {
  firstName: string;
  lastName: string;
  address: string;
  municipality: string;
  postcode: string;
}

/** Track 1 data without sentinels; the name field is `LAST^FIRST`. Tolerates short tracks. */
export function parseTrack1(data: string): Track1 | null {
  const name = data.slice(0, TRACK1_WIDTHS.name);
  const caret = name.indexOf('^');
  if (caret <= 0) return null;
  let at = TRACK1_WIDTHS.name;
  const take = (width: number) => {
    const value = data.slice(at, at + width).trim();
    at += width;
    return decodeDanish7bit(value);
  };
  return {
    lastName: decodeDanish7bit(name.slice(0, caret).trim()),
    firstName: decodeDanish7bit(name.slice(caret + 1).trim()),
    address: take(TRACK1_WIDTHS.address),
    municipality: take(TRACK1_WIDTHS.municipality),
    postcode: take(TRACK1_WIDTHS.postcode),
  };
}

export function encodeTrack1(track: Track1): string {
  const pad = (value: string, width: number) => encodeDanish7bit(value.toUpperCase()).padEnd(width, ' ').slice(0, width);
  return [
    pad(`${track.lastName}^${track.firstName}`, TRACK1_WIDTHS.name),
    pad(track.address, TRACK1_WIDTHS.address),
    pad(track.municipality, TRACK1_WIDTHS.municipality),
    pad(track.postcode, TRACK1_WIDTHS.postcode),
  ].join('');
}
