// Building blocks for the five profiles: citations, the documented kiosk defaults, and the
// default unstaffed hours where a library's text gives none.
import { type z } from 'zod';
import { type KioskSettings, type SeedSource, type WeekHours } from '../schema';

/** Cites sentences of one seed file: `cite(12, 'exact words on line 12')`. */
export function citer(file: string) {
  return (line: number, quote: string): SeedSource => ({ file, line, quote });
}

export function text<T>(value: T, sources: SeedSource[], note?: string) {
  return note === undefined
    ? { status: 'text' as const, value, sources }
    : { status: 'text' as const, value, sources, note };
}

export function unspecified(note?: string) {
  return note === undefined ? { status: 'unspecified' as const } : { status: 'unspecified' as const, note };
}

export function kioskDefault<T>(value: T, note: string) {
  return { status: 'default' as const, value, note };
}

export function everyDay(open: string, close: string): WeekHours {
  const day = [{ open, close }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
}

/** 07:00-22:00 every day: the hours in the Lolland text, used where a text gives none. */
export function defaultHours(note: string) {
  return kioskDefault(
    { '*': everyDay('07:00', '22:00') },
    `no hours in the text (${note}); kiosk default 07:00-22:00 every day, as in the Lolland text; set the site's hours in its configuration`,
  );
}

export function defaultClosingDays(note: string) {
  return kioskDefault(
    { publicHolidays: true, dates: [] },
    `Danish public holidays are closing days unless the profile or site says otherwise (${note})`,
  );
}

export const ACCESS_LOG_DEFAULT = kioskDefault(
  30,
  'no text; the kiosk keeps the door log at most 30 days for every library (the Hvidovre rule, 002_c71d59b98ba7c517.txt line 53)',
);

/** Operational settings the texts do not cover; the same for every library unless a site overrides them. */
export const KIOSK_DEFAULTS: z.input<typeof KioskSettings> = {
  offline: kioskDefault(
    { credentialCacheDays: 30, whoMayEnterOffline: 'cached-unblocked', maxItemsOffline: 5, unknownCardsOffline: 'refuse' },
    'kiosk default: while the ILS is unreachable only patrons verified online in the last 30 days and without blocks may enter or borrow, at most 5 items; unknown cards are refused',
  ),
  bruteForce: kioskDefault(
    { maxFailedPinsPerCard: 5, windowMinutes: 15, lockMinutes: 30 },
    'kiosk default: 5 wrong PINs for one card within 15 minutes lock that card at this kiosk for 30 minutes',
  ),
  accompaniedEntryWindowSeconds: kioskDefault(
    60,
    "kiosk default: after an adult is let in to accompany a child, the child's card must be read within 60 seconds",
  ),
  closingAnnouncementMinutes: kioskDefault(
    [15, 10, 5],
    'kiosk default: the closing announcement plays 15, 10 and 5 minutes before the unstaffed hours end',
  ),
};
