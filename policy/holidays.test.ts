import { describe, expect, it } from 'vitest';
import { danishPublicHolidays, easterSunday, publicHolidayOn } from './holidays';
import { formatDate } from './time';

describe('Easter Sunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('%i: %s', (year, date) => {
    expect(formatDate(easterSunday(year))).toBe(date);
  });
});

describe('Danish public holidays', () => {
  it('2025: fixed and Easter-based days', () => {
    expect(danishPublicHolidays(2025).map((h) => `${formatDate(h.date)} ${h.name}`)).toEqual([
      '2025-01-01 Nytårsdag',
      '2025-04-17 Skærtorsdag',
      '2025-04-18 Langfredag',
      '2025-04-20 Påskedag',
      '2025-04-21 2. påskedag',
      '2025-05-29 Kristi himmelfartsdag',
      '2025-06-08 Pinsedag',
      '2025-06-09 2. pinsedag',
      '2025-12-25 Juledag',
      '2025-12-26 2. juledag',
    ]);
  });

  it('Store Bededag until 2023, abolished from 2024', () => {
    expect(publicHolidayOn({ year: 2023, month: 5, day: 5 })).toBe('Store bededag');
    expect(publicHolidayOn({ year: 2024, month: 4, day: 26 })).toBeUndefined();
    expect(danishPublicHolidays(2024).some((h) => h.name === 'Store bededag')).toBe(false);
  });

  it('24 and 31 December and Grundlovsdag are not public holidays', () => {
    expect(publicHolidayOn({ year: 2025, month: 12, day: 24 })).toBeUndefined();
    expect(publicHolidayOn({ year: 2025, month: 12, day: 31 })).toBeUndefined();
    expect(publicHolidayOn({ year: 2025, month: 6, day: 5 })).toBeUndefined();
  });

  it('an ordinary day is none', () => {
    expect(publicHolidayOn({ year: 2025, month: 1, day: 10 })).toBeUndefined();
  });
});
