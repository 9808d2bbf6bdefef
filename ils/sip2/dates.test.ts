import { describe, expect, it } from 'vitest';
import { formatSip2Date, formatSip2Day, parseSip2Date } from './dates';

describe('SIP2 dates', () => {
  it('formats in Copenhagen local time with a blank zone, across daylight saving', () => {
    expect(formatSip2Date(new Date('2026-01-15T11:30:05Z'))).toBe('20260115    123005');
    expect(formatSip2Date(new Date('2026-07-15T11:30:05Z'))).toBe('20260715    133005');
    expect(formatSip2Day(new Date('2026-12-31T23:30:00Z'))).toBe('20270101');
  });

  it('reads blank-zone dates as local time and UTC/Z dates as UTC', () => {
    expect(parseSip2Date('20260715    133005')?.toISOString()).toBe('2026-07-15T11:30:05.000Z');
    expect(parseSip2Date('20260715UTC 133005')?.toISOString()).toBe('2026-07-15T13:30:05.000Z');
    expect(parseSip2Date('20260715   Z133005')?.toISOString()).toBe('2026-07-15T13:30:05.000Z');
    expect(parseSip2Date('201610210000142637', 'UTC')?.toISOString()).toBe('2016-10-21T14:26:37.000Z');
  });

  it('reads the looser forms ACSs send in AH and FBS lists', () => {
    expect(parseSip2Date('20170720')?.toISOString()).toBe('2017-07-19T22:00:00.000Z');
    expect(parseSip2Date('2011-10-28 23:59:59', 'UTC')?.toISOString()).toBe('2011-10-28T23:59:59.000Z');
    expect(parseSip2Date('20140221    235900', 'Europe/Oslo')?.toISOString()).toBe('2014-02-21T22:59:00.000Z');
  });

  it('is undefined for blanks and for what is not a real date', () => {
    for (const text of ['', ' '.repeat(18), '20260230    120000', '20261301', '5/23/2008,23:59', 'tomorrow']) {
      expect(parseSip2Date(text)).toBeUndefined();
    }
  });

  it('keeps the wall clock through the autumn fold and the spring gap', () => {
    expect(parseSip2Date('20261025    023000')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(formatSip2Date(parseSip2Date('20260329    033000') ?? new Date(0))).toBe('20260329    033000');
  });
});
