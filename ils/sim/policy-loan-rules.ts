// Loan rules from a library's profile (policy/), for `kiosk ils-sim --library <id>`. Where
// the profile leaves a rule to the ILS, the simulator is that ILS and uses its defaults.
import { loanDueDate, getProfile, renewalDecision, MaterialType } from '../../policy';
import { formatSip2Day } from '../sip2/dates';
import { defaultLoanRules, endOfLocalDay, type LoanRules } from './loan-rules';

function materialTypeOf(value: string | undefined): MaterialType | undefined {
  const parsed = MaterialType.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const isoDayOf = (date: Date) => {
  const ymd = formatSip2Day(date);
  return `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
};

/** Throws the policy's error (naming the known libraries) for an unknown id. */
export function policyLoanRules(libraryId: string, fallback: LoanRules = defaultLoanRules()): LoanRules {
  const profile = getProfile(libraryId);
  const dueDate = (materialType: string | undefined, at: Date): Date => {
    const type = materialTypeOf(materialType);
    const result = loanDueDate(profile, { loanedAt: at, ...(type ? { materialType: type } : {}) });
    return result.ok ? endOfLocalDay(result.dueDate) : fallback.dueDate(materialType, at);
  };
  return {
    dueDate,
    renewal: (loan, at) => {
      const type = materialTypeOf(loan.materialType);
      const decision = renewalDecision(profile, {
        renewalsSoFar: loan.renewals,
        dueDate: isoDayOf(loan.dueDate),
        at,
        reservedByAnother: false,
        interlibrary: loan.interlibrary,
        ...(type ? { materialType: type } : {}),
      });
      if (!decision.allowed) return { allowed: false, reason: decision.message };
      if (decision.ilsDecides.includes('maxRenewals')) {
        const own = fallback.renewal(loan, at);
        if (!own.allowed) return own;
      }
      return { allowed: true, dueDate: decision.newDueDate ? endOfLocalDay(decision.newDueDate) : dueDate(loan.materialType, at) };
    },
  };
}
