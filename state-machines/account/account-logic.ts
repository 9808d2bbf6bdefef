// Pure updates of the account view: renewal hints, and renewal outcomes applied to the loans.
import type { PatronAccount, RenewOutcome } from '../ports';
import type { AccountRules, Decision } from '../shared/rules';

export function renewalHints(rules: AccountRules, account: PatronAccount): Record<string, Decision> {
  const at = rules.now();
  return Object.fromEntries(account.loans.map((loan) => [loan.itemId, rules.renewal(loan, at)]));
}

/** New due dates (and one more renewal) for the loans the ILS renewed. */
export function applyRenewals(account: PatronAccount, outcomes: readonly RenewOutcome[]): PatronAccount {
  const renewed = new Map<string, string>();
  for (const outcome of outcomes) if (outcome.ok) renewed.set(outcome.itemId, outcome.dueDate);
  return {
    ...account,
    loans: account.loans.map((loan) => {
      const dueDate = renewed.get(loan.itemId);
      return dueDate === undefined ? loan : { ...loan, dueDate, renewals: (loan.renewals ?? 0) + 1 };
    }),
  };
}

/** This session's renewal outcomes, the latest per item: a loan renewed earlier in the session
 * keeps showing its renewal after a later "renew all" that skipped it. */
export function mergeRenewals(previous: readonly RenewOutcome[], latest: readonly RenewOutcome[]): RenewOutcome[] {
  const byItem = new Map<string, RenewOutcome>();
  for (const outcome of [...previous, ...latest]) {
    byItem.delete(outcome.itemId);
    byItem.set(outcome.itemId, outcome);
  }
  return [...byItem.values()];
}
