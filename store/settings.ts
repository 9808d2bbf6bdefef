// The store's settings, with their defaults. The offline rules mirror the `offline` block the
// library profiles carry (policy/); the runtime passes the profile's values in as plain data.
import { StoreError } from './errors';

export interface OfflineRules {
  /** Cached credentials older than this are not used (and are deleted). */
  credentialCacheDays: number;
  /** Who may enter or borrow while the ILS is unreachable. */
  whoMayEnterOffline: 'cached-unblocked' | 'nobody';
  /** Items one patron may have in the offline queue as checkouts at a time. */
  maxItemsOffline: number;
  /** Unknown cards are always refused offline; the setting exists so profiles say it aloud. */
  unknownCardsOffline: 'refuse';
}

export interface PinAttemptSettings {
  /** This many wrong PINs for one card within `cardWindowMinutes` lock the card. */
  cardMaxFailures: number;
  cardWindowMinutes: number;
  cardLockMinutes: number;
  /** From this many failures at one door within `doorWindowMinutes`, every attempt waits. */
  doorBurstFailures: number;
  doorWindowMinutes: number;
  /** The first delay; it doubles with every further failure, up to `doorMaxDelayMs`. */
  doorBaseDelayMs: number;
  doorMaxDelayMs: number;
}

export interface AccessLogSettings {
  /** At most 30 (the libraries' rule); 30 when not set. */
  retentionDays: number;
  /** The security officer's X25519 public key; without it no identity is stored at all. */
  officerPublicKey: string | null;
}

export interface LoanRecordSettings {
  /** A loan record goes this many days after the return (unless a fee is attached and unpaid). */
  keepAfterReturnDays: number;
  /** The kiosk may never see a return made elsewhere; such loans go after this many days. */
  forgetUnreturnedAfterDays: number;
  /** 'anonymise' keeps the item and dates without the patron; 'delete' removes the row. */
  action: 'delete' | 'anonymise';
}

export const DEFAULT_OFFLINE_RULES: OfflineRules = {
  credentialCacheDays: 30,
  whoMayEnterOffline: 'cached-unblocked',
  maxItemsOffline: 5,
  unknownCardsOffline: 'refuse',
};

export const DEFAULT_PIN_ATTEMPTS: PinAttemptSettings = {
  cardMaxFailures: 5,
  cardWindowMinutes: 15,
  cardLockMinutes: 30,
  doorBurstFailures: 10,
  doorWindowMinutes: 5,
  doorBaseDelayMs: 1000,
  doorMaxDelayMs: 30_000,
};

export const DEFAULT_ACCESS_LOG: AccessLogSettings = { retentionDays: 30, officerPublicKey: null };

export const DEFAULT_LOAN_RECORDS: LoanRecordSettings = { keepAfterReturnDays: 30, forgetUnreturnedAfterDays: 120, action: 'anonymise' };

export const MAX_ACCESS_LOG_DAYS = 30;

/**
 * A copy the store moved aside (a damaged database, an unreadable secret) holds the same personal
 * data as the live files but cannot be purged row by row. It is kept for a short forensic window
 * (long enough for the start-up warning to reach staff over a weekend or a holiday, to find out
 * why the file broke and, if an incident needs it, to let the security officer or a technician
 * salvage access-log entries or unreplayed offline loans), then deleted whole. Never longer than
 * the shortest retention of what it holds.
 */
export const MOVED_ASIDE_FORENSIC_DAYS = 7;

export function movedAsideKeepDays(s: { offline: OfflineRules; accessLog: AccessLogSettings; loanRecords: LoanRecordSettings }): number {
  return Math.min(MOVED_ASIDE_FORENSIC_DAYS, s.accessLog.retentionDays, s.offline.credentialCacheDays, s.loanRecords.keepAfterReturnDays);
}
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

function positive(name: string, value: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new StoreError('bad-setting', `${name} must be a number above 0${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max}` : ''} (got ${value})`);
  }
}

export function checkSettings(s: { offline: OfflineRules; pinAttempts: PinAttemptSettings; accessLog: AccessLogSettings; loanRecords: LoanRecordSettings }): void {
  positive('offline.credentialCacheDays', s.offline.credentialCacheDays);
  if (!Number.isInteger(s.offline.maxItemsOffline) || s.offline.maxItemsOffline < 0) {
    throw new StoreError('bad-setting', `offline.maxItemsOffline must be a whole number of 0 or more (got ${s.offline.maxItemsOffline})`);
  }
  if (!['cached-unblocked', 'nobody'].includes(s.offline.whoMayEnterOffline)) {
    throw new StoreError('bad-setting', `offline.whoMayEnterOffline must be 'cached-unblocked' or 'nobody'`);
  }
  if (s.offline.unknownCardsOffline !== 'refuse') throw new StoreError('bad-setting', `offline.unknownCardsOffline can only be 'refuse'`);
  positive('accessLog.retentionDays', s.accessLog.retentionDays, MAX_ACCESS_LOG_DAYS);
  for (const [name, value] of Object.entries(s.pinAttempts)) positive(`pinAttempts.${name}`, value);
  positive('loanRecords.keepAfterReturnDays', s.loanRecords.keepAfterReturnDays);
  positive('loanRecords.forgetUnreturnedAfterDays', s.loanRecords.forgetUnreturnedAfterDays);
  if (!['delete', 'anonymise'].includes(s.loanRecords.action)) throw new StoreError('bad-setting', `loanRecords.action must be 'delete' or 'anonymise'`);
}
