// The one error type policy functions throw: bad arguments or a bad profile/override, never a crash.
import { isValidDate, type LocalDate, parseDate } from './time';

export class PolicyInputError extends Error {
  override name = 'PolicyInputError';
  constructor(
    message: string,
    /** One line per problem, each naming the key or argument at fault. */
    readonly issues: string[] = [message],
  ) {
    super(message);
  }
}

export function requireWholeNumber(name: string, value: number, min = 0): number {
  if (!Number.isInteger(value) || value < min) {
    throw new PolicyInputError(`${name} must be a whole number of at least ${min}`);
  }
  return value;
}

export function requireInstant(name: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new PolicyInputError(`${name} must be a valid point in time`);
  }
  return value;
}

/** A calendar date given as `YYYY-MM-DD` or as parts. */
export function requireDate(name: string, value: LocalDate | string): LocalDate {
  const date = typeof value === 'string' ? parseDate(value) : isValidDate(value) ? value : null;
  if (!date) throw new PolicyInputError(`${name} must be a real date as YYYY-MM-DD`);
  return date;
}
