// How the simulated ILS sets due dates and decides renewals. Injected, so the simulator
// can follow a library's profile (policy-loan-rules.ts) or these plain defaults.
import { LIBRARY_TIME_ZONE } from '../../policy';
import { formatSip2Day, parseSip2Date } from '../sip2/dates';

export interface RenewalCheck {
  materialType?: string;
  renewals: number;
  dueDate: Date;
  interlibrary: boolean;
}

export interface LoanRules {
  /** Due date of a loan or renewal made at `at`. */
  dueDate(materialType: string | undefined, at: Date): Date;
  /** Whether a loan nobody else has reserved may be renewed at `at`, and until when. */
  renewal(loan: RenewalCheck, at: Date): { allowed: true; dueDate: Date } | { allowed: false; reason: string };
}

/** The end (23:59:59) of the local day `days` after the day of `at`. */
export function endOfDayAfter(at: Date, days: number, timeZone = LIBRARY_TIME_ZONE): Date {
  const ymd = formatSip2Day(at, timeZone);
  const d = new Date(Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8)) + days));
  return endOfLocalDay(d.toISOString().slice(0, 10), timeZone);
}

/** 23:59:59 local time on `YYYY-MM-DD`. */
export function endOfLocalDay(isoDay: string, timeZone = LIBRARY_TIME_ZONE): Date {
  const date = parseSip2Date(`${isoDay.replace(/-/g, '')}    235959`, timeZone);
  if (!date) throw new Error(`not a date: ${isoDay}`);
  return date;
}

/** 28 days, 2 renewals, each renewal 28 days from the renewal day. */
export function defaultLoanRules(options: { loanDays?: number; maxRenewals?: number } = {}): LoanRules {
  const loanDays = options.loanDays ?? 28;
  const maxRenewals = options.maxRenewals ?? 2;
  return {
    dueDate: (_materialType, at) => endOfDayAfter(at, loanDays),
    renewal: (loan, at) =>
      loan.renewals >= maxRenewals
        ? { allowed: false, reason: `renewal limit reached (${maxRenewals})` }
        : { allowed: true, dueDate: endOfDayAfter(at, loanDays) },
  };
}
