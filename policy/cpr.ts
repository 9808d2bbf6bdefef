// CPR numbers (Danish personal ID): parse, derive the birth date, compute age, mask.
// A CPR is sensitive: nothing in this module ever puts one into a message or a string
// meant for people (see maskCpr).
import { copenhagenDate, isValidDate, type LocalDate } from './time';

/** Exactly ten digits, known to be a well-formed CPR with a real birth date. */
export type Cpr = string & { readonly __brand: 'Cpr' };

export type CprError = 'empty' | 'bad-format' | 'invalid-date';

export type CprResult =
  | { ok: true; cpr: Cpr; birthDate: LocalDate; modulus11Valid: boolean }
  | { ok: false; reason: CprError; message: string };

const MESSAGES: Record<CprError, string> = {
  empty: 'no CPR number given',
  'bad-format': 'a CPR number is 10 digits, DDMMYY-SSSS with or without the dash',
  'invalid-date': 'the CPR number does not hold a real birth date',
};

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/** Parses `DDMMYY-SSSS` or `DDMMYYSSSS` (surrounding whitespace ignored). */
export function parseCpr(input: string): CprResult {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return fail('empty');
  const match = /^(\d{6})-?(\d{4})$/.exec(text);
  if (!match) return fail('bad-format');
  const digits = `${match[1]}${match[2]}`;
  const birthDate = birthDateOf(digits);
  if (!isValidDate(birthDate)) return fail('invalid-date');
  return { ok: true, cpr: digits as Cpr, birthDate, modulus11Valid: modulus11(digits) };
}

function fail(reason: CprError): CprResult {
  return { ok: false, reason, message: MESSAGES[reason] };
}

// PROTOCOLS.md section 5: the 7th digit and YY together give the century.
function birthDateOf(digits: string): LocalDate {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const seventh = Number(digits[6]);
  let century: number;
  if (seventh <= 3) century = 1900;
  else if (seventh === 4 || seventh === 9) century = yy <= 36 ? 2000 : 1900;
  else century = yy <= 57 ? 2000 : 1800;
  return { year: century + yy, month, day };
}

// Not guaranteed since 2007, so callers treat a failure as a warning only.
function modulus11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += Number(digits[i]) * (WEIGHTS[i] ?? 0);
  return sum % 11 === 0;
}

/**
 * Full years since `birthDate` on the Copenhagen calendar day of `at`. Someone born on
 * 29 February gets a year older on 1 March in years without a leap day.
 */
export function ageOn(birthDate: LocalDate, at: Date): number {
  const today = copenhagenDate(at);
  let age = today.year - birthDate.year;
  if (today.month < birthDate.month || (today.month === birthDate.month && today.day < birthDate.day)) {
    age -= 1;
  }
  return age;
}

/**
 * What may be shown of a CPR: nothing. Even the first digits (day and month of birth)
 * narrow a patron down, so the mask keeps only the shape, `******-****`.
 */
export function maskCpr(_cpr: Cpr | string): string {
  return '******-****';
}
