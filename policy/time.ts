// Wall-clock time in Europe/Copenhagen: every rule in the libraries' texts is local time.
// The one time-zone formatter of the code base: the SIP2 codec (ils/, whose ACS may sit in another
// zone) and the kiosk's receipts and due dates (runtime/) read wall clocks through it.

export const LIBRARY_TIME_ZONE = 'Europe/Copenhagen';

/** A calendar date with no time of day (month 1-12). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A Copenhagen wall-clock reading; weekday 0 = Sunday ... 6 = Saturday. */
export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock on a Copenhagen library wall shows at the instant `at`. */
export function copenhagenTime(at: Date): LocalDateTime {
  return wallClockTime(at, LIBRARY_TIME_ZONE);
}

/** What a wall clock in the IANA zone `timeZone` shows at the instant `at`. */
export function wallClockTime(at: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? NaN;
  const month = parts.month ?? NaN;
  const day = parts.day ?? NaN;
  return {
    year,
    month,
    day,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    weekday: weekdayOf({ year, month, day }),
  };
}

export function copenhagenDate(at: Date): LocalDate {
  const { year, month, day } = copenhagenTime(at);
  return { year, month, day };
}

/** `YYYY-MM-DD` of the Copenhagen calendar day at `at` ('' for none): a due date as the patron reads
 * it (a loan due at local midnight would show as the day before in UTC). This string is how a day
 * travels to the screen and the receipt; `parseDate` reads it back. */
export function copenhagenDay(at: Date | undefined): string {
  return at ? formatDate(copenhagenDate(at)) : '';
}

/** Minutes Copenhagen is ahead of UTC at the instant `at` (60 in winter, 120 in summer). */
export function copenhagenOffsetMinutes(at: Date): number {
  const t = copenhagenTime(at);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a Copenhagen clock shows `date` at `hour:minute`. On the March switch a
 * time inside the missing hour maps one hour later; on the October switch the earlier
 * (summer-time) reading of a repeated hour wins.
 */
export function copenhagenInstant(date: LocalDate, hour = 0, minute = 0): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Copenhagen is UTC+1 or UTC+2; try both and keep the readings that show this wall time.
  const fits = [120, 60]
    .map((offset) => wall - offset * 60_000)
    .filter((t) => {
      const c = copenhagenTime(new Date(t));
      return c.day === date.day && c.hour === hour && c.minute === minute;
    });
  if (fits.length > 0) return new Date(Math.min(...fits));
  // Inside the spring gap (02:00-03:00 does not exist): the same minutes one hour later.
  return new Date(wall - 60 * 60_000);
}

/** 0 = Sunday ... 6 = Saturday, for a calendar date (no time zone involved). */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = Date.UTC(from.year, from.month - 1, from.day);
  const b = Date.UTC(to.year, to.month - 1, to.day);
  return Math.round((b - a) / 86_400_000);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return daysBetween(b, a);
}

export function isValidDate(date: LocalDate): boolean {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `YYYY-MM-DD`. */
export function formatDate(date: LocalDate): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Parses `YYYY-MM-DD`; null when malformed or not a real date. */
export function parseDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(date) ? date : null;
}

/** `HH:MM` as minutes since local midnight. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}
