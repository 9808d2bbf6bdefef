import { describe, expect, it } from 'vitest';
import { applySiteOverrides, getProfile, kioskSettings, PolicyInputError, retention } from './index';

describe('applySiteOverrides', () => {
  const ballerup = getProfile('ballerup');
  it('marks overridden rules as site values and leaves the built-in profile alone', () => {
    const site = applySiteOverrides(ballerup, { hours: { '*': { mon: [{ open: '08:00', close: '20:00' }] } }, closingDates: ['2025-12-24'] });
    expect(site.door.hours.status).toBe('site');
    expect(site.door.closingDays).toMatchObject({ status: 'site', value: { publicHolidays: true, dates: ['2025-12-24'] } });
    expect(ballerup.door.hours.status).toBe('default');
    expect(Object.isFrozen(ballerup.door.hours)).toBe(true);
  });
  it('merges kiosk settings over the defaults', () => {
    const site = applySiteOverrides(ballerup, { kiosk: { bruteForce: { lockMinutes: 60 }, closingAnnouncementMinutes: [5, 30] } });
    expect(kioskSettings(site)).toMatchObject({
      bruteForce: { maxFailedPinsPerCard: 5, windowMinutes: 15, lockMinutes: 60 },
      closingAnnouncementMinutes: [30, 5],
    });
  });
  it('no overrides: the same rules', () => {
    expect(applySiteOverrides(ballerup, undefined)).toEqual(ballerup);
  });
  it.each([
    [{ hours: { '*': { mon: [{ open: '7:00', close: '22:00' }] } } }, 'overrides.hours.*.mon.0.open'],
    [{ hours: { '*': { mon: [{ open: '22:00', close: '07:00' }] } } }, 'overrides.hours.*.mon.0'],
    [{ hours: { '*': { monday: [] } } }, 'overrides.hours.*'],
    [{ closingDates: ['24/12/2025'] }, 'overrides.closingDates.0'],
    [{ kiosk: { offline: { unknownCardsOffline: 'allow' } } }, 'overrides.kiosk.offline'],
    [{ openingHours: {} }, 'overrides'],
  ])('rejects %j naming %s', (bad, key) => {
    try {
      applySiteOverrides(ballerup, bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyInputError);
      expect((error as PolicyInputError).issues.some((i) => i.startsWith(`${key}:`) || i.startsWith(`${key}.`))).toBe(true);
    }
  });
});

describe('kioskSettings and retention', () => {
  it('give plain values with the documented defaults', () => {
    expect(kioskSettings(getProfile('lolland'))).toEqual({
      offline: { credentialCacheDays: 30, whoMayEnterOffline: 'cached-unblocked', maxItemsOffline: 5, unknownCardsOffline: 'refuse' },
      bruteForce: { maxFailedPinsPerCard: 5, windowMinutes: 15, lockMinutes: 30 },
      accompaniedEntryWindowSeconds: 60,
      closingAnnouncementMinutes: [15, 10, 5],
    });
  });
  it('Hvidovre: 30-day log, anonymise 30 days after return or when the debt is paid', () => {
    expect(retention(getProfile('hvidovre'))).toEqual({ accessLogDays: 30, loanHistoryDays: 30, keepWhileDebt: true, loanLinkDeletedAtReturn: true });
    expect(retention(getProfile('gladsaxe'))).toEqual({ accessLogDays: 30, loanHistoryDays: null, keepWhileDebt: false, loanLinkDeletedAtReturn: null });
  });
});
