import { describe, expect, expectTypeOf, it } from 'vitest';
import type { KioskSettingValues } from '../policy';
import { checkSettings, DEFAULT_ACCESS_LOG, DEFAULT_LOAN_RECORDS, DEFAULT_OFFLINE_RULES, DEFAULT_PIN_ATTEMPTS, type OfflineRules } from './settings';

const defaults = { offline: DEFAULT_OFFLINE_RULES, pinAttempts: DEFAULT_PIN_ATTEMPTS, accessLog: DEFAULT_ACCESS_LOG, loanRecords: DEFAULT_LOAN_RECORDS };

describe('store settings', () => {
  it("take a library profile's offline rules as they are", () => {
    expectTypeOf<KioskSettingValues['offline']>().toExtend<OfflineRules>();
    expect(DEFAULT_OFFLINE_RULES).toEqual({ credentialCacheDays: 30, whoMayEnterOffline: 'cached-unblocked', maxItemsOffline: 5, unknownCardsOffline: 'refuse' });
  });

  it('name the wrong setting', () => {
    expect(() => checkSettings(defaults)).not.toThrow();
    expect(() => checkSettings({ ...defaults, offline: { ...DEFAULT_OFFLINE_RULES, maxItemsOffline: -1 } })).toThrow(/offline\.maxItemsOffline/);
    expect(() => checkSettings({ ...defaults, pinAttempts: { ...DEFAULT_PIN_ATTEMPTS, cardLockMinutes: 0 } })).toThrow(/pinAttempts\.cardLockMinutes must be a number above 0/);
    expect(() => checkSettings({ ...defaults, loanRecords: { ...DEFAULT_LOAN_RECORDS, action: 'keep' as 'delete' } })).toThrow(/loanRecords\.action/);
    expect(() => checkSettings({ ...defaults, accessLog: { ...DEFAULT_ACCESS_LOG, retentionDays: 30.5 } })).toThrow(/at most 30/);
  });
});
