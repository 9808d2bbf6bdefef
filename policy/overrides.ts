// A site's configuration may set its own unstaffed hours, closing days and kiosk settings.
// Overridden rules are marked `site`, so `kiosk policy show` tells them from the text.
import { z } from 'zod';
import { PolicyInputError } from './errors';
import { BranchHours, type KioskSettings, LibraryProfile } from './schema';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const positive = z.number().int().positive();

export const SiteOverrides = z
  .object({
    /** Replaces the profile's hours: branch key (or `*`) -> weekday -> intervals. */
    hours: BranchHours.optional(),
    /** Extra closing dates, added to the profile's. */
    closingDates: z.array(IsoDate).optional(),
    /** true: public holidays keep the weekly hours. */
    openOnPublicHolidays: z.boolean().optional(),
    kiosk: z
      .object({
        offline: z
          .object({ credentialCacheDays: positive, maxItemsOffline: z.number().int().nonnegative(), whoMayEnterOffline: z.enum(['cached-unblocked', 'nobody']) })
          .partial()
          .strict()
          .optional(),
        bruteForce: z.object({ maxFailedPinsPerCard: positive, windowMinutes: positive, lockMinutes: positive }).partial().strict().optional(),
        accompaniedEntryWindowSeconds: positive.optional(),
        closingAnnouncementMinutes: z.array(positive).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SiteOverrides = z.input<typeof SiteOverrides>;

const SITE = 'set by the site configuration';

/** A new profile with the site's overrides applied; throws PolicyInputError naming each bad key. */
export function applySiteOverrides(profile: LibraryProfile, overrides: unknown): LibraryProfile {
  const parsed = SiteOverrides.safeParse(overrides ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${['overrides', ...i.path].join('.')}: ${i.message}`);
    throw new PolicyInputError(`invalid site overrides: ${issues.join('; ')}`, issues);
  }
  const o = parsed.data;
  const door = { ...profile.door };
  if (o.hours) door.hours = { status: 'site', value: o.hours, note: SITE };
  if (o.closingDates || o.openOnPublicHolidays !== undefined) {
    const base = door.closingDays.status === 'unspecified' ? { publicHolidays: true, dates: [] } : door.closingDays.value;
    const dates = [...new Set([...base.dates, ...(o.closingDates ?? [])])].sort();
    const publicHolidays = o.openOnPublicHolidays === undefined ? base.publicHolidays : !o.openOnPublicHolidays;
    door.closingDays = { status: 'site', value: { ...base, publicHolidays, dates }, note: SITE };
  }
  const kiosk: KioskSettings = { ...profile.kiosk };
  const k = o.kiosk;
  if (k?.offline) kiosk.offline = { status: 'site', value: { ...valueOf(profile.kiosk.offline), ...k.offline }, note: SITE };
  if (k?.bruteForce) kiosk.bruteForce = { status: 'site', value: { ...valueOf(profile.kiosk.bruteForce), ...k.bruteForce }, note: SITE };
  if (k?.accompaniedEntryWindowSeconds !== undefined) {
    kiosk.accompaniedEntryWindowSeconds = { status: 'site', value: k.accompaniedEntryWindowSeconds, note: SITE };
  }
  if (k?.closingAnnouncementMinutes) {
    kiosk.closingAnnouncementMinutes = { status: 'site', value: k.closingAnnouncementMinutes, note: SITE };
  }
  // Re-validate the whole result, so an override can never produce a half-valid profile.
  return LibraryProfile.parse({ ...profile, door, kiosk });
}

function valueOf<T>(rule: { status: 'unspecified' } | { status: string; value: T }): T {
  if (!('value' in rule)) throw new PolicyInputError('the kiosk settings must have values');
  return rule.value;
}
