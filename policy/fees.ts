// Late fees: the profile's table where the text has one, otherwise the ILS's figure. One fee per
// group of items with the same loan date, due date and day they were returned or renewed late.
import { PolicyInputError, requireDate, requireInstant, requireWholeNumber } from './errors';
import { type LibraryProfile } from './schema';
import { copenhagenDate, daysBetween, formatDate, type LocalDate } from './time';

export type LateFeeResult =
  | { amountDkk: number; source: 'profile'; reason: 'not-late' | 'table'; group?: 'children' | 'adults'; message: string }
  | { amountDkk: null; source: 'ils'; reason: 'no-table' | 'age-outside-table'; message: string };

/** Whole days between the due date and the Copenhagen day of `settledAt`; 0 when on time. */
export function daysLate(dueDate: LocalDate | string, settledAt: Date): number {
  const due = requireDate('due date', dueDate);
  return Math.max(0, daysBetween(due, copenhagenDate(requireInstant('returned at', settledAt))));
}

export function lateFee(profile: LibraryProfile, input: { age: number; daysLate: number }): LateFeeResult {
  const age = requireWholeNumber('age', input.age);
  const days = requireWholeNumber('days late', input.daysLate);
  if (days === 0) return { amountDkk: 0, source: 'profile', reason: 'not-late', message: 'returned on time' };
  const rule = profile.fees.lateFees;
  if (rule.status === 'unspecified') {
    return { amountDkk: null, source: 'ils', reason: 'no-table', message: `${profile.name} publishes its fees elsewhere: the ILS computes them` };
  }
  const row = rule.value.find((r) => r.minAge <= age && (r.maxAge === null || age <= r.maxAge));
  const band = row?.bands.find((b) => b.fromDay <= days && (b.toDay === null || days <= b.toDay));
  if (!row || !band) {
    return { amountDkk: null, source: 'ils', reason: 'age-outside-table', message: 'the fee table has no row for this case: the ILS computes it' };
  }
  const span = band.toDay === null ? `${band.fromDay}+ days` : `${band.fromDay}-${band.toDay} days`;
  return { amountDkk: band.amountDkk, source: 'profile', reason: 'table', group: row.group, message: `${row.group}, ${span} late` };
}

export interface LateItem {
  itemId: string;
  loanDate: LocalDate | string;
  dueDate: LocalDate | string;
  /** The day it was returned or renewed, late. */
  settledOn: LocalDate | string;
}

export interface FeeGroup {
  loanDate: string;
  dueDate: string;
  settledOn: string;
  itemIds: string[];
  daysLate: number;
  fee: LateFeeResult;
}

export interface FeeGroups {
  /** `grouped`: the text says one fee per group; `unspecified`: one per item shown, the ILS decides. */
  grouping: 'grouped' | 'unspecified';
  groups: FeeGroup[];
}

/** The fees a patron of `age` owes for items returned or renewed late. */
export function lateFeeGroups(profile: LibraryProfile, age: number, items: LateItem[]): FeeGroups {
  const grouped = profile.fees.grouping.status !== 'unspecified';
  const groups = new Map<string, FeeGroup>();
  for (const item of items) {
    if (typeof item?.itemId !== 'string' || item.itemId === '') throw new PolicyInputError('every item needs an itemId');
    const loan = formatDate(requireDate('loan date', item.loanDate));
    const due = requireDate('due date', item.dueDate);
    const settled = requireDate('settled on', item.settledOn);
    const late = daysBetween(due, settled);
    if (late <= 0) continue;
    const key = grouped ? `${loan}|${formatDate(due)}|${formatDate(settled)}` : `item|${item.itemId}`;
    const existing = groups.get(key);
    if (existing) existing.itemIds.push(item.itemId);
    else {
      groups.set(key, {
        loanDate: loan,
        dueDate: formatDate(due),
        settledOn: formatDate(settled),
        itemIds: [item.itemId],
        daysLate: late,
        fee: lateFee(profile, { age, daysLate: late }),
      });
    }
  }
  return { grouping: grouped ? 'grouped' : 'unspecified', groups: [...groups.values()] };
}
