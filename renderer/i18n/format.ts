// Dates and money as a Danish or British reader expects them, always in Copenhagen time.
// A value the formatter cannot read is shown as it came, never as "Invalid Date".
import type { LIBRARY_TIME_ZONE } from '../../policy';

// The renderer may not import policy's values (layering): the zone is restated, checked against
// policy's LIBRARY_TIME_ZONE by the compiler.
const TIME_ZONE: typeof LIBRARY_TIME_ZONE = 'Europe/Copenhagen';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` is a calendar day (noon UTC keeps it on that day in Copenhagen); anything else an instant. */
function toDate(iso: string): Date | null {
  const day = DATE_ONLY.exec(iso);
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12)) : new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "20. nov. 2026" (da-DK), "20 Nov 2026" (en-GB). */
export function formatDate(iso: string, locale: string): string {
  const date = toDate(iso);
  if (date === null) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE }).format(date);
}

/** "10.30" (da-DK), "10:30" (en-GB). */
export function formatTime(iso: string, locale: string): string {
  const date = toDate(iso);
  if (date === null) return iso;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(date);
}

/** "250,00 kr." (da-DK), "DKK 250.00" (en-GB). */
export function formatMoney(dkk: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'DKK' }).format(dkk);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "a, b og c" / "a, b and c". */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
