// Fixed-length fields: each codec knows its width, what it accepts and how it writes.
// decode returns undefined for text it does not accept; the caller names the field.

export interface FixedCodec<T> {
  readonly length: number;
  /** A short description of what is accepted, for error messages. */
  readonly expects: string;
  decode(text: string): T | undefined;
  /** Text of exactly `length` characters, or undefined when the value cannot be written. */
  encode(value: T): string | undefined;
}

/** `1` / `0` (e.g. ok in 94, 12, 10). */
export const oneZero: FixedCodec<boolean> = {
  length: 1,
  expects: '1 or 0',
  decode: (t) => (t === '1' ? true : t === '0' ? false : undefined),
  encode: (v) => (v ? '1' : '0'),
};

/** `Y` / `N`. */
export const yesNo: FixedCodec<boolean> = {
  length: 1,
  expects: 'Y or N',
  decode: (t) => (t === 'Y' ? true : t === 'N' ? false : undefined),
  encode: (v) => (v ? 'Y' : 'N'),
};

export type YesNoUnknown = 'Y' | 'N' | 'U';

/** `Y` / `N` / `U` (magnetic media, desensitize, resensitize). */
export const yesNoUnknown: FixedCodec<YesNoUnknown> = {
  length: 1,
  expects: 'Y, N or U',
  decode: (t) => (t === 'Y' || t === 'N' || t === 'U' ? t : undefined),
  encode: (v) => v,
};

export type HoldMode = '+' | '-' | '*';

/** Hold mode of a 15: `+` place, `-` cancel, `*` change. */
export const holdMode: FixedCodec<HoldMode> = {
  length: 1,
  expects: "'+' (add), '-' (delete) or '*' (change)",
  decode: (t) => (t === '+' || t === '-' || t === '*' ? t : undefined),
  encode: (v) => (v === '+' || v === '-' || v === '*' ? v : undefined),
};

/** Date and time, 18 characters: digits with blanks, ZZZZ letters allowed (blank = no date). */
export const date18: FixedCodec<string> = {
  length: 18,
  expects: 'an 18-character date YYYYMMDDZZZZHHMMSS',
  decode: (t) => (/^[0-9 ]{8}[0-9A-Z ]{4}[0-9 ]{6}$/.test(t) ? t : undefined),
  encode: (v) => (/^[0-9 ]{8}[0-9A-Z ]{4}[0-9 ]{6}$/.test(v) ? v : undefined),
};

/** A count written with `width` digits (blanks read as 0). */
export function count(width: number): FixedCodec<number> {
  return {
    length: width,
    expects: `${width} digits`,
    decode: (t) => (new RegExp(`^[0-9 ]{${width}}$`).test(t) ? Number(t.trim() || '0') : undefined),
    encode: (v) =>
      Number.isInteger(v) && v >= 0 && v < 10 ** width ? String(v).padStart(width, '0') : undefined,
  };
}

/** Text of exactly `width` characters drawn from `allowed` (a regex character class). */
export function text(width: number, allowed: string, expects: string): FixedCodec<string> {
  const pattern = new RegExp(`^[${allowed}]{${width}}$`);
  return {
    length: width,
    expects,
    decode: (t) => (pattern.test(t) ? t : undefined),
    encode: (v) => (pattern.test(v) ? v : undefined),
  };
}

export const language = text(3, '0-9A-Za-z ', 'a 3-character language code');
export const protocolVersion = text(4, '0-9.', 'a version such as 2.00');
/** Max print width: digits per the spec; FBS sends `xxx`. */
export const printWidth = text(3, '0-9xX ', '3 digits');
export const twoDigits = text(2, '0-9', '2 digits');
export const currency = text(3, 'A-Z ', '3 capital letters');
export const algorithm = text(1, '0-9A-Z', 'one digit or letter');
export const statusCode = text(1, '0-9', 'one digit');

/** A run of Y/blank flags read into named booleans; `N` is read as false. */
function flags<const K extends string>(names: readonly K[], width: number): FixedCodec<Record<K, boolean>> {
  return {
    length: width,
    expects: `${width} characters of Y, N or blank`,
    decode: (t) => {
      if (!new RegExp(`^[YN ]{${width}}$`).test(t)) return undefined;
      const result = {} as Record<K, boolean>;
      names.forEach((name, i) => {
        result[name] = t[i] === 'Y';
      });
      return result;
    },
    encode: (v) => names.map((name) => (v[name] ? 'Y' : ' ')).join('').padEnd(width, ' '),
  };
}

export const PATRON_STATUS_FLAGS = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
] as const;
export type PatronStatus = Record<(typeof PATRON_STATUS_FLAGS)[number], boolean>;
export const patronStatus = flags(PATRON_STATUS_FLAGS, 14);

/** Which item list a 63 request asks for (positions 0-5 of its 10-character summary). */
export const SUMMARY_LISTS = [
  'holdItems',
  'overdueItems',
  'chargedItems',
  'fineItems',
  'recallItems',
  'unavailableHolds',
] as const;
export type SummaryRequest = Record<(typeof SUMMARY_LISTS)[number], boolean>;
export const summary = flags(SUMMARY_LISTS, 10);
