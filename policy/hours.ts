// Unstaffed opening hours: is a branch open at an instant, when does it close, when does it
// next open. All in Copenhagen wall-clock time, so daylight-saving switches need no special case.
import { publicHolidayOn } from './holidays';
import { type LibraryProfile, type Weekday, type WeekHours } from './schema';
import { addDays, copenhagenInstant, copenhagenTime, formatDate, type LocalDate, minutesOfDay } from './time';

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SEARCH_DAYS = 400;

export type ClosedReason = 'outside-hours' | 'public-holiday' | 'closing-day' | 'unknown-branch' | 'no-hours';

export type OpeningState =
  | { open: true; branch: string; closesAt: Date }
  | { open: false; branch: string; reason: ClosedReason; holiday?: string; nextOpening: Date | null };

/** The branch's weekly hours: its own entry, else the `*` entry. Without a branch, `*` or the first listed. */
export function branchHours(profile: LibraryProfile, branch?: string): { branch: string; week: WeekHours } | undefined {
  const rule = profile.door.hours;
  if (rule.status === 'unspecified') return undefined;
  const hours = rule.value;
  const key = branch ?? ('*' in hours ? '*' : Object.keys(hours)[0]);
  if (key === undefined) return undefined;
  const week = hours[key] ?? hours['*'];
  return week ? { branch: key, week } : undefined;
}

/** Why the branch is closed all day on `date`, or undefined when it keeps its weekly hours. */
export function closedAllDay(profile: LibraryProfile, date: LocalDate): { reason: ClosedReason; holiday?: string } | undefined {
  const rule = profile.door.closingDays;
  const closing = rule.status === 'unspecified' ? { publicHolidays: true, dates: [] } : rule.value;
  if (closing.dates.includes(formatDate(date))) return { reason: 'closing-day' };
  if (closing.publicHolidays) {
    const holiday = publicHolidayOn(date);
    if (holiday) return { reason: 'public-holiday', holiday };
  }
  return undefined;
}

function intervalsOn(week: WeekHours, date: LocalDate, weekday: number) {
  const list = week[WEEKDAYS[weekday] ?? 'sun'] ?? [];
  return [...list]
    .map((i) => ({ open: minutesOfDay(i.open), close: minutesOfDay(i.close) }))
    .sort((a, b) => a.open - b.open)
    .map((i) => ({ ...i, date }));
}

function instantOf(date: LocalDate, minutes: number): Date {
  if (minutes >= 24 * 60) return copenhagenInstant(addDays(date, 1), 0, 0);
  return copenhagenInstant(date, Math.floor(minutes / 60), minutes % 60);
}

export function openingState(profile: LibraryProfile, branch: string | undefined, at: Date): OpeningState {
  const found = branchHours(profile, branch);
  const name = branch ?? found?.branch ?? '*';
  if (!found) {
    const reason = profile.door.hours.status === 'unspecified' ? 'no-hours' : 'unknown-branch';
    return { open: false, branch: name, reason, nextOpening: null };
  }
  const now = copenhagenTime(at);
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const closedToday = closedAllDay(profile, today);
  if (!closedToday) {
    const minute = now.hour * 60 + now.minute;
    const current = intervalsOn(found.week, today, now.weekday).find((i) => i.open <= minute && minute < i.close);
    if (current) return { open: true, branch: found.branch, closesAt: instantOf(today, current.close) };
  }
  return {
    open: false,
    branch: found.branch,
    reason: closedToday?.reason ?? 'outside-hours',
    ...(closedToday?.holiday ? { holiday: closedToday.holiday } : {}),
    nextOpening: nextOpeningAfter(profile, found.week, at),
  };
}

function nextOpeningAfter(profile: LibraryProfile, week: WeekHours, at: Date): Date | null {
  const now = copenhagenTime(at);
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const date = addDays(today, offset);
    if (closedAllDay(profile, date)) continue;
    for (const interval of intervalsOn(week, date, (now.weekday + offset) % 7)) {
      const start = instantOf(date, interval.open);
      if (start.getTime() > at.getTime()) return start;
    }
  }
  return null;
}

/** When the door next opens: `at` itself while open, null when no opening in the next 400 days. */
export function nextOpening(profile: LibraryProfile, branch: string | undefined, at: Date): Date | null {
  const state = openingState(profile, branch, at);
  return state.open ? at : state.nextOpening;
}
