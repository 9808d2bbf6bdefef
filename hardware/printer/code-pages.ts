// Receipt printers print bytes, not Unicode: text is encoded in the code table selected with
// ESC t n. PC865 (Nordic, n = 5) is the default; WPC1252 (n = 16) is the alternative.
// The upper halves below are written from the published code page charts.

export type CodePage = 'pc865' | 'wpc1252';

/** The ESC t n number of each code table (Epson numbering). */
export const CODE_TABLE_NUMBER: Record<CodePage, number> = { pc865: 5, wpc1252: 16 };

// PC865 is PC437 with three changes: 0x9B ø (437: ¢), 0x9D Ø (437: ¥), 0xAF ¤ (437: »).
const PC865_UPPER =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜø£Ø₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«¤' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩' +
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

// Windows-1252: 0x80-0x9F as below (five positions unassigned), 0xA0-0xFF equal to Latin-1.
const WPC1252_80_9F = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000' + '\u0000‘’“”•–—˜™š›œ\u0000žŸ';
const WPC1252_UPPER = WPC1252_80_9F + Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

const UPPER_HALF: Record<CodePage, string> = { pc865: PC865_UPPER, wpc1252: WPC1252_UPPER };

function encoderFor(page: CodePage): Map<string, number> {
  const map = new Map<string, number>();
  [...UPPER_HALF[page]].forEach((char, i) => {
    if (char !== '\u0000') map.set(char, 0x80 + i);
  });
  return map;
}

const ENCODERS: Record<CodePage, Map<string, number>> = { pc865: encoderFor('pc865'), wpc1252: encoderFor('wpc1252') };

/** Printable replacements for characters the table lacks (better than '?' on a receipt). */
const FALLBACK: Record<string, string> = { '–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...', '€': 'EUR' };

/**
 * Encodes text for the printer. Control characters become spaces (a patron's name must never
 * smuggle a printer command in); characters the table lacks become a fallback or '?'.
 */
export function encodeText(text: string, page: CodePage): Uint8Array {
  const encoder = ENCODERS[page];
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) out.push(0x20);
    else if (code < 0x80) out.push(code);
    else if (encoder.has(char)) out.push(encoder.get(char)!);
    else if (FALLBACK[char] && [...FALLBACK[char]].every((c) => c.charCodeAt(0) < 0x80 || encoder.has(c))) out.push(...encodeText(FALLBACK[char], page));
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}

/** Decodes printer bytes back to text (the simulator's side); unassigned bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, page: CodePage): string {
  const upper = [...UPPER_HALF[page]];
  let text = '';
  for (const byte of bytes) {
    if (byte < 0x80) text += String.fromCharCode(byte);
    else {
      const char = upper[byte - 0x80]!;
      text += char === '\u0000' ? '\ufffd' : char;
    }
  }
  return text;
}

export function codePageFromTableNumber(n: number): CodePage | undefined {
  return (Object.keys(CODE_TABLE_NUMBER) as CodePage[]).find((page) => CODE_TABLE_NUMBER[page] === n);
}
