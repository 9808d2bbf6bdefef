// A debug trace of SIP2 traffic that is safe to log: PINs, passwords, patron ids, names and
// CPR-like values are masked. The masked text is for people; it is never decoded again.
import { CPR_MASK, maskCprLike, maskSip2Fields, PERSONAL_FIELDS, SECRET_FIELDS, SECRET_MASK } from './mask';
import { MESSAGE_SPECS } from './messages';
import { fixedLength, type MessageSpec } from './spec';

export { CPR_MASK, maskCprLike, SECRET_MASK } from './mask';

const MASKED_FIELDS = new Set([...SECRET_FIELDS, ...PERSONAL_FIELDS]);
const SPECS = new Map<string, MessageSpec>(MESSAGE_SPECS.map((spec) => [spec.code, spec as MessageSpec]));
// Ten digits standing alone: the fixed part holds dates and counts, whose longer digit runs
// (`00920261120`) are not CPRs.
const CPR_ALONE = /(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}(?![0-9])/g;

/** The length of the message's fixed part, when it is a known message whose fixed fields read. */
export function readableFixedPart(body: string): number | undefined {
  const spec = SPECS.get(body.slice(0, 2));
  if (!spec || body.length < 2 + fixedLength(spec)) return undefined;
  let at = 2;
  for (const codec of Object.values(spec.fixed)) {
    if (codec.decode(body.slice(at, at + codec.length)) === undefined) return undefined;
    at += codec.length;
  }
  return at - 2;
}

/**
 * The message text with the values of AD, CO, AC (secrets) and of AA, CY, AE, DA, BD, BE, BF,
 * PB (a person) replaced by ****, every CPR-like number in a value by ******-**** (in the
 * fixed part, of dates and counts, only ten digits standing alone), and the
 * checksum hidden when anything was masked (a checksum over a 4-digit PIN would narrow the
 * PIN down). Text that is not a readable message is masked wherever a field code appears.
 */
export function maskSip2(text: string): string {
  const body = text.replace(/[\r\n]+$/, '');
  const fixed = readableFixedPart(body);
  if (fixed === undefined) {
    const clean = maskCprLike(maskSip2Fields(body, { anywhere: true }));
    return clean === body ? clean : clean.replace(/AZ[0-9A-Fa-f]{4}$/, 'AZ****');
  }
  let masked = false;
  const fields = body
    .slice(2 + fixed)
    .split('|')
    .map((segment) => {
      if (MASKED_FIELDS.has(segment.slice(0, 2)) && segment.length > 2) {
        masked = true;
        return `${segment.slice(0, 2)}${SECRET_MASK}`;
      }
      return segment;
    })
    .join('|');
  const rawHead = body.slice(0, 2 + fixed);
  const head = rawHead.replace(CPR_ALONE, CPR_MASK);
  const whole = `${head}${fields}`;
  const result = maskCprLikeAfter(whole, head.length);
  return masked || head !== rawHead || result !== whole ? result.replace(/AZ[0-9A-Fa-f]{4}$/, 'AZ****') : result;
}

const CPR_AT = /(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}/y;

/** Masks every CPR-like window that reaches past `from` (also one that starts before it). */
function maskCprLikeAfter(text: string, from: number): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    CPR_AT.lastIndex = at;
    const match = CPR_AT.exec(text)?.[0];
    if (match && at + match.length > from) {
      out += CPR_MASK;
      at += match.length;
    } else {
      out += text[at];
      at += 1;
    }
  }
  return out;
}
