// Masking of personal data in text that may hold SIP2: CPR-like numbers wherever they stand,
// and the values of SIP2 fields that hold a secret or name a person. Shared by the SIP2 trace
// and the runtime's log redaction, so both mask the same way.

export const CPR_MASK = '******-****';
export const SECRET_MASK = '****';

/** AD patron PIN, CO login password, AC terminal password. */
export const SECRET_FIELDS: readonly string[] = ['AD', 'CO', 'AC'];
/**
 * Fields that name a person: AA patron id (card number or CPR), CY hold patron id, AE and DA
 * names, BD address, BE e-mail, BF phone, PB birth date.
 */
export const PERSONAL_FIELDS: readonly string[] = ['AA', 'CY', 'AE', 'DA', 'BD', 'BE', 'BF', 'PB'];

// DDMMYY-SSSS or DDMMYYSSSS with a plausible day and month, whatever stands around it: also
// inside a longer run of digits (`AA0103801001`, `x01038010012`), after `|` or a letter.
const CPR_LIKE = /(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}/g;

/** Masks every CPR-like value anywhere in `text` (no 10-digit window that looks like one is left). */
export function maskCprLike(text: string, mask = CPR_MASK): string {
  return text.replace(CPR_LIKE, mask);
}

const CODES = [...SECRET_FIELDS, ...PERSONAL_FIELDS].join('|');
// In free text a field starts where its code is not glued to a word (after `|`, a digit, a
// space, punctuation or at the start), or right after a letter when a digit follows (a fixed
// part ending in letters, e.g. currency `DKK`, then `AD1234`). Its value runs to `|` or the
// end of the line. Words such as ECONNREFUSED or LOADED are left alone.
const FIELD_IN_TEXT = new RegExp(`(?:(?<![A-Za-z])(${CODES})|(${CODES})(?=[0-9]))[^|\\r\\n]+`, 'g');
const FIELD_ANYWHERE = new RegExp(`(${CODES})[^|\\r\\n]+`, 'g');

/**
 * Masks the values of secret and personal SIP2 fields in text whose field boundaries are not
 * known (a log line, an unreadable message). `anywhere` also masks codes inside words (for
 * text that is SIP2 and nothing else).
 */
export function maskSip2Fields(text: string, options: { anywhere?: boolean; mask?: string } = {}): string {
  const mask = options.mask ?? SECRET_MASK;
  return text.replace(options.anywhere ? FIELD_ANYWHERE : FIELD_IN_TEXT, (_m, a?: string, b?: string) => `${a ?? b ?? ''}${mask}`);
}
