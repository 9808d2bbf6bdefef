// Renewal decisions. Rules a text leaves unspecified are not applied; they are listed in
// `ilsDecides` so the kiosk shows the ILS's answer for them instead of guessing.
import { requireDate, requireInstant, requireWholeNumber } from './errors';
import { addPeriod, loanPeriod } from './loan';
import { type LibraryProfile, type MaterialType, type Period } from './schema';
import { addDays, compareDates, copenhagenDate, formatDate, type LocalDate } from './time';

export type RenewalReason =
  | 'ok'
  | 'ok-late-fee'
  | 'reserved'
  | 'limit-reached'
  | 'after-due-date'
  | 'too-early'
  | 'interlibrary-personal-request'
  | 'interlibrary-limit-reached'
  | 'interlibrary-after-due-date';

export interface RenewalRequest {
  renewalsSoFar: number;
  dueDate: LocalDate | string;
  at: Date;
  reservedByAnother: boolean;
  interlibrary: boolean;
  materialType?: MaterialType;
}

export interface RenewalDecision {
  allowed: boolean;
  reason: RenewalReason;
  message: string;
  /** `YYYY-MM-DD`, or null when the profile cannot tell (then the ILS sets it). */
  newDueDate: string | null;
  newDueDateSource: 'profile' | 'ils';
  /** Renewing late costs a late fee (Hvidovre, Lolland). */
  lateFee: boolean;
  /** Interlibrary: the owning library may still refuse or recall. */
  ownerMayRefuse: boolean;
  /** Profile rules that were silent here; the ILS's answer governs them. */
  ilsDecides: string[];
}

export function renewalDecision(profile: LibraryProfile, request: RenewalRequest): RenewalDecision {
  const renewals = requireWholeNumber('renewals', request.renewalsSoFar);
  const due = requireDate('due date', request.dueDate);
  const today = copenhagenDate(requireInstant('at', request.at));
  const late = compareDates(today, due) > 0;
  const rules = profile.renewal;
  const ilsDecides: string[] = [];
  let ownerMayRefuse = false;
  const no = (reason: RenewalReason, message: string): RenewalDecision => ({
    allowed: false, reason, message, newDueDate: null, newDueDateSource: 'ils', lateFee: false, ownerMayRefuse, ilsDecides,
  });

  if (request.reservedByAnother) {
    if (rules.whenReserved.status !== 'unspecified') return no('reserved', 'another patron has reserved this item');
    ilsDecides.push('whenReserved');
  }

  if (request.interlibrary) {
    const ill = rules.interlibrary;
    if (ill.status === 'unspecified') ilsDecides.push('interlibrary');
    else if (ill.value.kind === 'personal-request-only') {
      return no('interlibrary-personal-request', 'an item from another library is renewed only on personal request, by telephone or e-mail');
    } else {
      ownerMayRefuse = true;
      if (renewals >= ill.value.maxRenewals) {
        return no('interlibrary-limit-reached', `an item from another library can be renewed at most ${ill.value.maxRenewals} times`);
      }
      if (ill.value.onlyBeforeDue && late) {
        return no('interlibrary-after-due-date', 'an item from another library can only be renewed before its due date');
      }
    }
  }

  if (rules.maxRenewals.status === 'unspecified') ilsDecides.push('maxRenewals');
  else if (renewals >= rules.maxRenewals.value) {
    return no('limit-reached', `this item has been renewed ${renewals} times; the limit is ${rules.maxRenewals.value}`);
  }

  let lateFee = false;
  if (late) {
    const afterDue = rules.afterDue;
    if (afterDue.status === 'unspecified') ilsDecides.push('afterDue');
    else if (afterDue.value === 'refused') return no('after-due-date', 'a loan can only be renewed before its due date');
    else lateFee = afterDue.value === 'allowed-with-late-fee';
  }

  const earliest = rules.earliestDaysBeforeDue;
  if (earliest.status === 'unspecified') ilsDecides.push('earliestDaysBeforeDue');
  else {
    const first = addDays(due, -earliest.value);
    if (compareDates(today, first) < 0) {
      return no('too-early', `renewal is possible from ${formatDate(first)}, ${earliest.value} days before the due date`);
    }
  }

  const newDue = newDueDate(profile, due, today, request.materialType);
  if (!newDue) ilsDecides.push('newDueDate');
  return {
    allowed: true,
    reason: lateFee ? 'ok-late-fee' : 'ok',
    message: lateFee ? 'renewed; a late fee applies because the due date has passed' : 'renewed',
    newDueDate: newDue ? formatDate(newDue.date) : null,
    newDueDateSource: newDue ? 'profile' : 'ils',
    lateFee,
    ownerMayRefuse,
    ilsDecides,
  };
}

function newDueDate(profile: LibraryProfile, due: LocalDate, today: LocalDate, materialType?: MaterialType): { date: LocalDate; period: Period } | undefined {
  const { periodStart, periodLength } = profile.renewal;
  if (periodStart.status === 'unspecified' || periodLength.status === 'unspecified') return undefined;
  const period = periodLength.value === 'loan-period' ? loanPeriod(profile, materialType)?.period : periodLength.value;
  if (!period) return undefined;
  const base = periodStart.value === 'renewal-day' ? today : due;
  return { date: addPeriod(base, period), period };
}

