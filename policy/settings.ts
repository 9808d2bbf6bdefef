// Plain values for the layers that run the kiosk (store, runtime, state machines).
import { type LibraryProfile } from './schema';

export interface KioskSettingValues {
  offline: { credentialCacheDays: number; whoMayEnterOffline: 'cached-unblocked' | 'nobody'; maxItemsOffline: number; unknownCardsOffline: 'refuse' };
  bruteForce: { maxFailedPinsPerCard: number; windowMinutes: number; lockMinutes: number };
  accompaniedEntryWindowSeconds: number;
  closingAnnouncementMinutes: number[];
}

const FALLBACK: KioskSettingValues = {
  offline: { credentialCacheDays: 30, whoMayEnterOffline: 'cached-unblocked', maxItemsOffline: 5, unknownCardsOffline: 'refuse' },
  bruteForce: { maxFailedPinsPerCard: 5, windowMinutes: 15, lockMinutes: 30 },
  accompaniedEntryWindowSeconds: 60,
  closingAnnouncementMinutes: [15, 10, 5],
};

function pick<T>(rule: { status: 'unspecified' } | { status: string; value: T }, fallback: T): T {
  return 'value' in rule ? rule.value : fallback;
}

export function kioskSettings(profile: LibraryProfile): KioskSettingValues {
  const k = profile.kiosk;
  return {
    offline: pick(k.offline, FALLBACK.offline),
    bruteForce: pick(k.bruteForce, FALLBACK.bruteForce),
    accompaniedEntryWindowSeconds: pick(k.accompaniedEntryWindowSeconds, FALLBACK.accompaniedEntryWindowSeconds),
    closingAnnouncementMinutes: [...pick(k.closingAnnouncementMinutes, FALLBACK.closingAnnouncementMinutes)].sort((a, b) => b - a),
  };
}

export interface RetentionValues {
  /** The door's card log: never more than 30 days, whatever a profile says. */
  accessLogDays: number;
  /** Days after return until a loan is anonymised; null when the text is silent (the ILS decides). */
  loanHistoryDays: number | null;
  /** Keep a loan with a fee attached until the debt is paid. */
  keepWhileDebt: boolean;
  /** The link between a loan and the patron is removed at return. */
  loanLinkDeletedAtReturn: boolean | null;
}

export function retention(profile: LibraryProfile): RetentionValues {
  const r = profile.retention;
  const history = r.loanHistoryAnonymised;
  const link = r.loanLink;
  return {
    accessLogDays: Math.min(30, pick(r.accessLogMaxDays, 30)),
    loanHistoryDays: 'value' in history ? history.value.daysAfterReturn : null,
    keepWhileDebt: 'value' in history ? history.value.whenDebtPaidIfFeeAttached : false,
    loanLinkDeletedAtReturn: 'value' in link ? link.value.deletedAtReturn : null,
  };
}
