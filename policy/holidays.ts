// Danish public holidays (helligdage), computed per year. Store Bededag was a holiday until
// 2023 and abolished from 2024. 24 and 31 December and 5 June (Grundlovsdag) are not public
// holidays; a site that closes on them lists them as closing dates in its configuration.
import { addDays, formatDate, type LocalDate } from './time';

export interface PublicHoliday {
  date: LocalDate;
  name: string;
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

export function danishPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string): PublicHoliday => ({ date: addDays(easter, days), name });
  const holidays: PublicHoliday[] = [
    { date: { year, month: 1, day: 1 }, name: 'Nytårsdag' },
    fromEaster(-3, 'Skærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, 'Påskedag'),
    fromEaster(1, '2. påskedag'),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'Pinsedag'),
    fromEaster(50, '2. pinsedag'),
    { date: { year, month: 12, day: 25 }, name: 'Juledag' },
    { date: { year, month: 12, day: 26 }, name: '2. juledag' },
  ];
  if (year <= 2023) holidays.push(fromEaster(26, 'Store bededag'));
  return holidays.sort((x, y) => formatDate(x.date).localeCompare(formatDate(y.date)));
}

/** The holiday's name when `date` is a Danish public holiday, else undefined. */
export function publicHolidayOn(date: LocalDate): string | undefined {
  const key = formatDate(date);
  return danishPublicHolidays(date.year).find((h) => formatDate(h.date) === key)?.name;
}
