// The machines' rules built from a library profile (policy/): what the runtime injects.
// Reason codes are the policy's own (e.g. 'under-age-alone', 'debt-threshold', 'reserved').
import {
  borrowingBlock,
  companionDecision,
  doorDecision,
  kioskSettings,
  openingState,
  renewalDecision,
  type LibraryProfile,
  type PatronFacts,
} from '../policy/index';
import type { AccountRules, CheckoutRules, DoorRules, Now } from './shared/rules';

/** Which of the library's rules could not be applied. */
export type PolicyRule = 'door-entry' | 'companion' | 'borrowing-block' | 'renewal';

/** A policy function that threw (e.g. a malformed due date or fee from the ILS). */
export interface PolicyErrorReport {
  rule: PolicyRule;
  error: unknown;
}

/** Where the runtime records a rule that failed (a named log event a technician sees). */
export type PolicyErrorHook = (report: PolicyErrorReport) => void;

/** The reason given when the library's rules could not be applied: the kiosk and the door refuse. */
export const RULES_NOT_APPLIED = 'rules-not-applied';

/**
 * A policy function that rejects its input must not crash a machine: the failure is reported
 * through `onPolicyError` and the rule answers `refusal` (closed: no entry, no loan, no renewal
 * at the kiosk; staff can still help at the desk).
 */
function safely<T>(rule: PolicyRule, onPolicyError: PolicyErrorHook, decide: () => T, refusal: T): T {
  try {
    return decide();
  } catch (error) {
    onPolicyError({ rule, error });
    return refusal;
  }
}

export interface ProfileRuleOptions {
  now: Now;
  /** The branch's key in the profile's hours; omitted = the profile's `*` (or only) hours. */
  branch?: string;
  onPolicyError: PolicyErrorHook;
}

export function doorRulesFor(profile: LibraryProfile, { now, branch, onPolicyError }: ProfileRuleOptions): DoorRules {
  const where = branch === undefined ? {} : { branch };
  return {
    now,
    hours: (at) => {
      const state = openingState(profile, branch, at);
      return state.open ? { open: true } : { open: false, reason: state.reason, nextOpening: state.nextOpening };
    },
    decideEntry: (patron, { at, companion }) =>
      safely('door-entry', onPolicyError, () => {
        const decision = doorDecision(profile, {
          patron,
          at,
          ...where,
          ...(companion === null ? {} : { companion }),
        });
        return { allowed: decision.allowed, reason: decision.reason as string };
      }, { allowed: false, reason: RULES_NOT_APPLIED }),
    mayAccompany: (adult, at) => safely('companion', onPolicyError, () => companionDecision(profile, adult, at, branch).allowed, false),
  };
}

export function checkoutRulesFor(profile: LibraryProfile, options: { online: () => boolean; onPolicyError: PolicyErrorHook }): CheckoutRules {
  const { maxItemsOffline } = kioskSettings(profile).offline;
  return {
    borrowingBlock: (patron) => blockFor(profile, patron, options.onPolicyError),
    itemRefusal: (_item, session) => (!options.online() && session.itemsBorrowed >= maxItemsOffline ? 'offline-limit-reached' : null),
  };
}

export function accountRulesFor(profile: LibraryProfile, { now, onPolicyError }: ProfileRuleOptions): AccountRules {
  return {
    now,
    borrowingBlock: (patron) => blockFor(profile, patron, onPolicyError),
    renewal: (loan, at) =>
      safely('renewal', onPolicyError, () => {
        const decision = renewalDecision(profile, {
          renewalsSoFar: loan.renewals ?? 0,
          dueDate: loan.dueDate,
          at,
          reservedByAnother: loan.reserved ?? false,
          interlibrary: loan.interlibrary ?? false,
        });
        return { allowed: decision.allowed, reason: decision.reason as string };
      }, { allowed: false, reason: RULES_NOT_APPLIED }),
  };
}

/** Fees the policy cannot read (negative, not a number) block borrowing here, reported. */
function blockFor(profile: LibraryProfile, patron: PatronFacts, onPolicyError: PolicyErrorHook) {
  return safely('borrowing-block', onPolicyError, () => {
    const block = borrowingBlock(profile, patron);
    return { blocked: block.blocked, reason: block.reason as string };
  }, { blocked: true, reason: RULES_NOT_APPLIED });
}
