import { describe, expect, it } from 'vitest';
import { applySiteOverrides, copenhagenInstant, getProfile, nextOpening, openingState } from './index';

const lolland = getProfile('lolland');
const cph = (y: number, m: number, d: number, h: number, min = 0) => copenhagenInstant({ year: y, month: m, day: d }, h, min);

describe('openingState', () => {
  it('when open, says when it closes (22:00 local)', () => {
    expect(openingState(lolland, 'maribo', cph(2025, 1, 10, 12))).toEqual({ open: true, branch: 'maribo', closesAt: new Date('2025-01-10T21:00:00Z') });
  });
  it('without a branch, uses the first listed (all Lolland branches keep the same hours)', () => {
    expect(openingState(lolland, undefined, cph(2025, 1, 10, 12))).toMatchObject({ open: true, branch: 'nakskov' });
  });
  it('names the holiday when closed for one', () => {
    expect(openingState(lolland, 'nakskov', cph(2025, 4, 18, 12))).toMatchObject({ open: false, reason: 'public-holiday', holiday: 'Langfredag' });
  });
});

describe('nextOpening', () => {
  it('is the instant itself while open', () => {
    const at = cph(2025, 1, 10, 12);
    expect(nextOpening(lolland, 'nakskov', at)).toEqual(at);
  });
  it('after closing on the eve of the October switch: 07:00 CET next morning', () => {
    expect(nextOpening(lolland, 'nakskov', new Date('2024-10-26T20:30:00Z'))?.toISOString()).toBe('2024-10-27T06:00:00.000Z');
  });
  it('after closing on the eve of the March switch 2024 (Easter): skips Easter Sunday and Monday', () => {
    expect(nextOpening(lolland, 'nakskov', new Date('2024-03-30T21:30:00Z'))?.toISOString()).toBe('2024-04-02T05:00:00.000Z');
  });
  it('before opening on the March switch day 2025: 07:00 CEST', () => {
    expect(nextOpening(lolland, 'nakskov', new Date('2025-03-30T01:30:00Z'))?.toISOString()).toBe('2025-03-30T05:00:00.000Z');
  });
  it('over Christmas: closed 25 and 26 December, open 24 December', () => {
    expect(openingState(lolland, 'nakskov', cph(2025, 12, 24, 12)).open).toBe(true);
    expect(nextOpening(lolland, 'nakskov', cph(2025, 12, 24, 22))?.toISOString()).toBe('2025-12-27T06:00:00.000Z');
  });
  it('is null for a branch with no hours', () => {
    expect(nextOpening(lolland, 'holeby', cph(2025, 1, 10, 12))).toBeNull();
  });
});

describe('site hours', () => {
  const site = applySiteOverrides(getProfile('hvidovre'), {
    hours: {
      hovedbiblioteket: { mon: [{ open: '07:00', close: '10:00' }, { open: '16:00', close: '24:00' }], sat: [{ open: '08:00', close: '16:00' }] },
    },
    closingDates: ['2025-01-13'],
    openOnPublicHolidays: true,
  });
  it('several intervals a day, to midnight', () => {
    expect(openingState(site, 'hovedbiblioteket', cph(2025, 1, 6, 12))).toMatchObject({ open: false, nextOpening: new Date('2025-01-06T15:00:00Z') });
    expect(openingState(site, 'hovedbiblioteket', cph(2025, 1, 6, 23, 59))).toEqual({
      open: true, branch: 'hovedbiblioteket', closesAt: new Date('2025-01-06T23:00:00Z'),
    });
  });
  it('a closing date skips that day; days without hours are closed', () => {
    expect(openingState(site, 'hovedbiblioteket', cph(2025, 1, 13, 8))).toMatchObject({ open: false, reason: 'closing-day' });
    expect(nextOpening(site, 'hovedbiblioteket', cph(2025, 1, 7, 8))?.toISOString()).toBe('2025-01-11T07:00:00.000Z');
  });
  it('open on public holidays when the site says so', () => {
    expect(openingState(site, 'hovedbiblioteket', cph(2025, 4, 21, 8)).open).toBe(true); // Easter Monday
  });
});
