// Due dates: calendar arithmetic on Copenhagen dates, so a loan at 23:30 on the night of a
// daylight-saving switch still gets the right day.
import { requireInstant } from './errors';
import { type LibraryProfile, type MaterialType, type Period } from './schema';
import { copenhagenDate, formatDate, type LocalDate } from './time';

export type DueDateResult =
  | { ok: true; dueDate: string; period: Period; reason: 'material-period' | 'standard-period'; message: string }
  | { ok: false; reason: 'unspecified'; source: 'ils'; message: string };

/** `date` plus a period; a month later than 31 January is the last day of February. */
export function addPeriod(date: LocalDate, period: Period): LocalDate {
  if ('days' in period) {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day + period.days));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const monthIndex = date.month - 1 + period.months;
  const year = date.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

export function describePeriod(period: Period): string {
  if ('days' in period) return `${period.days} days`;
  return period.months === 1 ? '1 month' : `${period.months} months`;
}

/** The period the profile gives this material type, or undefined when the text is silent. */
export function loanPeriod(profile: LibraryProfile, materialType?: MaterialType): { period: Period; reason: 'material-period' | 'standard-period' } | undefined {
  const byMaterial = profile.lending.materialPeriods;
  if (materialType && byMaterial.status !== 'unspecified') {
    const period = byMaterial.value[materialType];
    if (period) return { period, reason: 'material-period' };
  }
  const standard = profile.lending.standardPeriod;
  if (standard.status !== 'unspecified') return { period: standard.value, reason: 'standard-period' };
  return undefined;
}

/**
 * The due date of a loan made at `loanedAt`. The ILS's own due date wins whenever it sends one;
 * this is what the profile says, for offline loans, previews and the simulated ILS.
 */
export function loanDueDate(profile: LibraryProfile, loan: { loanedAt: Date; materialType?: MaterialType }): DueDateResult {
  const loanedAt = requireInstant('loanedAt', loan.loanedAt);
  const found = loanPeriod(profile, loan.materialType);
  if (!found) {
    const what = loan.materialType ? `for ${loan.materialType}` : 'without a material type';
    return { ok: false, reason: 'unspecified', source: 'ils', message: `${profile.name} gives no loan period ${what}: the ILS sets the due date` };
  }
  const dueDate = formatDate(addPeriod(copenhagenDate(loanedAt), found.period));
  return { ok: true, dueDate, period: found.period, reason: found.reason, message: `loan period ${describePeriod(found.period)}` };
}
