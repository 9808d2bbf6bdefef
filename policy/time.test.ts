import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  copenhagenInstant,
  copenhagenOffsetMinutes,
  copenhagenTime,
  daysBetween,
  formatDate,
  isValidDate,
  parseDate,
  weekdayOf,
} from './time';

describe('Copenhagen wall-clock time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(copenhagenOffsetMinutes(new Date('2025-01-15T12:00:00Z'))).toBe(60);
    expect(copenhagenOffsetMinutes(new Date('2025-07-15T12:00:00Z'))).toBe(120);
  });

  it('March switch 2025-03-30: the clock jumps from 01:59:59 CET to 03:00 CEST', () => {
    expect(copenhagenTime(new Date('2025-03-30T00:59:59Z'))).toMatchObject({ day: 30, hour: 1, minute: 59, second: 59 });
    expect(copenhagenTime(new Date('2025-03-30T01:00:00Z'))).toMatchObject({ day: 30, hour: 3, minute: 0 });
  });

  it('October switch 2025-10-26: 02:30 happens twice', () => {
    expect(copenhagenTime(new Date('2025-10-26T00:30:00Z'))).toMatchObject({ hour: 2, minute: 30 });
    expect(copenhagenTime(new Date('2025-10-26T01:30:00Z'))).toMatchObject({ hour: 2, minute: 30 });
    expect(copenhagenTime(new Date('2025-10-26T02:30:00Z'))).toMatchObject({ hour: 3, minute: 30 });
  });

  it('reports the weekday (0 = Sunday)', () => {
    expect(copenhagenTime(new Date('2025-01-12T22:59:00Z')).weekday).toBe(0);
    expect(copenhagenTime(new Date('2025-01-12T23:00:00Z')).weekday).toBe(1);
  });
});

describe('copenhagenInstant', () => {
  it('07:00 is 06:00Z in winter and 05:00Z in summer', () => {
    expect(copenhagenInstant({ year: 2025, month: 1, day: 10 }, 7, 0).toISOString()).toBe('2025-01-10T06:00:00.000Z');
    expect(copenhagenInstant({ year: 2025, month: 7, day: 10 }, 7, 0).toISOString()).toBe('2025-07-10T05:00:00.000Z');
  });

  it('on the March switch day, 07:00 is already summer time', () => {
    expect(copenhagenInstant({ year: 2025, month: 3, day: 30 }, 7, 0).toISOString()).toBe('2025-03-30T05:00:00.000Z');
    expect(copenhagenInstant({ year: 2025, month: 3, day: 30 }, 1, 30).toISOString()).toBe('2025-03-30T00:30:00.000Z');
  });

  it('a time inside the missing hour maps one hour later', () => {
    expect(copenhagenInstant({ year: 2025, month: 3, day: 30 }, 2, 30).toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });

  it('a repeated October time takes the earlier (summer-time) reading', () => {
    expect(copenhagenInstant({ year: 2025, month: 10, day: 26 }, 2, 30).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(copenhagenInstant({ year: 2025, month: 10, day: 26 }, 7, 0).toISOString()).toBe('2025-10-26T06:00:00.000Z');
  });

  it('round-trips every whole minute outside the spring gap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }), (minute) => {
        const at = new Date(minute * 60_000);
        const t = copenhagenTime(at);
        const back = copenhagenInstant(t, t.hour, t.minute);
        // Only the second reading of a repeated October hour differs, by exactly one hour.
        const diff = at.getTime() - back.getTime();
        expect(diff === 0 || diff === 3_600_000).toBe(true);
      }),
    );
  });
});

describe('calendar dates', () => {
  it('adds days across months and leap days', () => {
    expect(formatDate(addDays({ year: 2024, month: 2, day: 28 }, 1))).toBe('2024-02-29');
    expect(formatDate(addDays({ year: 2025, month: 2, day: 28 }, 1))).toBe('2025-03-01');
    expect(formatDate(addDays({ year: 2025, month: 1, day: 5 }, -10))).toBe('2024-12-26');
  });

  it('counts days between dates across DST without drift', () => {
    expect(daysBetween({ year: 2025, month: 3, day: 29 }, { year: 2025, month: 3, day: 31 })).toBe(2);
    expect(daysBetween({ year: 2025, month: 10, day: 25 }, { year: 2025, month: 10, day: 27 })).toBe(2);
    expect(daysBetween({ year: 2025, month: 1, day: 10 }, { year: 2025, month: 1, day: 9 })).toBe(-1);
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2025-02-29')).toBeNull();
    expect(parseDate('2025-13-01')).toBeNull();
    expect(parseDate('2025-1-01')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
    expect(isValidDate({ year: 2025, month: 4, day: 31 })).toBe(false);
  });

  it('knows the weekday of a date', () => {
    expect(weekdayOf({ year: 2025, month: 1, day: 1 })).toBe(3);
  });
});
