// SIP2 dates: 18 characters `YYYYMMDDZZZZHHMMSS`; ZZZZ blank means the ACS's local time.
// ACSs also send looser forms in variable fields (AH due dates): `YYYYMMDD`,
// `YYYY-MM-DD HH:MM:SS`, `YYYYMMDD HHMMSS`. All are read here, in a configurable zone (the
// library's, LIBRARY_TIME_ZONE, unless the ACS says otherwise), through policy/'s wall clock.
import { LIBRARY_TIME_ZONE, type LocalDateTime, wallClockTime } from '../../policy';

/** Eighteen spaces: "no date" in a fixed field (e.g. no nb due date). */
export const BLANK_SIP2_DATE = ' '.repeat(18);

type WallClock = Omit<LocalDateTime, 'weekday'>;

function asUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The instant a wall clock in `timeZone` shows `w` (the later one in a DST fold). */
function instantOf(w: WallClock, timeZone: string): Date {
  const naive = asUtc(w);
  const offset = (t: number) => asUtc(wallClockTime(new Date(t), timeZone)) - t;
  let t = naive - offset(naive);
  t = naive - offset(t);
  return new Date(t);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `date` as an 18-character SIP2 date in local time of `timeZone` (ZZZZ blank). */
export function formatSip2Date(date: Date, timeZone = LIBRARY_TIME_ZONE): string {
  const w = wallClockTime(date, timeZone);
  return `${pad(w.year, 4)}${pad(w.month, 2)}${pad(w.day, 2)}    ${pad(w.hour, 2)}${pad(w.minute, 2)}${pad(w.second, 2)}`;
}

/** `YYYYMMDD` of `date` in `timeZone` (FBS lists carry dates this way). */
export function formatSip2Day(date: Date, timeZone = LIBRARY_TIME_ZONE): string {
  return formatSip2Date(date, timeZone).slice(0, 8);
}

const UTC_ZONES = new Set(['UTC', 'GMT', 'Z', 'UT']);

/**
 * Reads any of the date forms above; undefined when the text is blank or not a real date.
 * Blank ZZZZ means local time in `timeZone`; `UTC`/`Z`/`GMT` mean UTC.
 */
export function parseSip2Date(text: string, timeZone = LIBRARY_TIME_ZONE): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let m = /^(\d{4})(\d{2})(\d{2})(.{4})(\d{2})(\d{2})(\d{2})$/.exec(text);
  let zone = '';
  if (m) zone = (m[4] ?? '').trim();
  else m = /^(\d{4})-?(\d{2})-?(\d{2})()(?:[ T]+(\d{2}):?(\d{2}):?(\d{2}))?$/.exec(trimmed);
  if (!m) return undefined;
  const w: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[5] ?? 0),
    minute: Number(m[6] ?? 0),
    second: Number(m[7] ?? 0),
  };
  if (!isRealWallClock(w)) return undefined;
  if (zone === '' || /^0+$/.test(zone)) return instantOf(w, timeZone);
  if (UTC_ZONES.has(zone.toUpperCase())) return new Date(asUtc(w));
  return instantOf(w, timeZone); // other zone names: best effort, the ACS's local time
}

function isRealWallClock(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const probe = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return probe.getUTCDate() === w.day && probe.getUTCMonth() === w.month - 1;
}
