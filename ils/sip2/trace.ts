// A debug trace of SIP2 traffic that is safe to log: PINs, passwords and CPR-like values
// are masked. The masked text is for people; it is never decoded again.
import { MESSAGE_SPECS } from './messages';
import { fixedLength, type MessageSpec } from './spec';

/** AD patron PIN, CO login password, AC terminal password. */
const SECRET_FIELDS = new Set(['AD', 'CO', 'AC']);
// DDMMYY-SSSS or DDMMYYSSSS with a plausible day and month, not inside a longer digit run.
const CPR_LIKE = /(?<![0-9])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])([0-9]{2})-?([0-9]{4})(?![0-9])/g;
const FIXED_LENGTH = new Map<string, number>(MESSAGE_SPECS.map((spec) => [spec.code, fixedLength(spec as MessageSpec)]));

export const CPR_MASK = '******-****';
export const SECRET_MASK = '****';

/** Masks every CPR-like value anywhere in `text`. */
export function maskCprLike(text: string): string {
  return text.replace(CPR_LIKE, CPR_MASK);
}

/**
 * The message text with AD, CO and AC values replaced by ****, CPR-like numbers by
 * ******-****, and the checksum hidden when a secret was masked (a checksum over a
 * 4-digit PIN would narrow the PIN down). Unreadable text is masked as a whole.
 */
export function maskSip2(text: string): string {
  const body = text.replace(/[\r\n]+$/, '');
  const fixed = FIXED_LENGTH.get(body.slice(0, 2));
  if (fixed === undefined || body.length < 2 + fixed) return maskCprLike(body.replace(/(AD|CO|AC)[^|]*/g, `$1${SECRET_MASK}`));
  let secret = false;
  const fields = body
    .slice(2 + fixed)
    .split('|')
    .map((segment) => {
      if (!SECRET_FIELDS.has(segment.slice(0, 2)) || segment.length === 2) return segment;
      secret = true;
      return `${segment.slice(0, 2)}${SECRET_MASK}`;
    })
    .join('|');
  const masked = maskCprLike(`${body.slice(0, 2 + fixed)}${fields}`);
  return secret ? masked.replace(/AZ[0-9A-Fa-f]{4}$/, 'AZ****') : masked;
}
