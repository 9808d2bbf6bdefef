import { describe, expect, it } from 'vitest';
import { loanDueDate, getProfile } from '../../policy';
import { endOfLocalDay } from './loan-rules';
import { policyLoanRules } from './policy-loan-rules';

const AT = new Date('2026-11-20T10:00:00Z');

describe('loan rules from a library profile', () => {
  it.each(['ballerup', 'koebenhavn', 'hvidovre', 'gladsaxe', 'lolland'])('%s: the due date is the profile\'s (or the ILS default where it is silent)', (id) => {
    const rules = policyLoanRules(id);
    const expected = loanDueDate(getProfile(id), { loanedAt: AT, materialType: 'book' });
    const due = rules.dueDate('book', AT);
    if (expected.ok) expect(due).toEqual(endOfLocalDay(expected.dueDate));
    else expect(due).toEqual(endOfLocalDay('2026-12-18'));
  });

  it('follows the profile\'s renewal refusals (København: none after the due date)', () => {
    const rules = policyLoanRules('koebenhavn');
    const late = rules.renewal({ renewals: 0, dueDate: endOfLocalDay('2026-11-01'), interlibrary: false, materialType: 'book' }, AT);
    expect(late.allowed).toBe(false);
    const early = rules.renewal({ renewals: 0, dueDate: endOfLocalDay('2026-11-25'), interlibrary: false, materialType: 'book' }, AT);
    expect(early.allowed).toBe(true);
  });

  it('names the known libraries for an unknown id', () => {
    expect(() => policyLoanRules('atlantis')).toThrow(/known: ballerup/);
  });
});
