// The machines' rules built from a library profile (policy/): what the runtime injects.
// Reason codes are the policy's own (e.g. 'under-age-alone', 'debt-threshold', 'reserved').
import {
  borrowingBlock,
  companionDecision,
  doorDecision,
  kioskSettings,
  openingState,
  parseDate,
  renewalDecision,
  type LibraryProfile,
  type PatronFacts as PolicyPatron,
} from '../policy/index';
import type { PatronFacts } from './ports';
import type { AccountRules, CheckoutRules, DoorRules, Now } from './shared/rules';

/**
 * A policy function that rejects its input (e.g. a malformed due date from the ILS) must not
 * crash a machine: the rule answers `fallback` instead, and the ILS keeps the last word.
 */
function safely<T>(decide: () => T, fallback: T): T {
  try {
    return decide();
  } catch {
    return fallback;
  }
}

export interface ProfileRuleOptions {
  now: Now;
  /** The branch's key in the profile's hours; omitted = the profile's `*` (or only) hours. */
  branch?: string;
}

export function policyPatron(patron: PatronFacts): PolicyPatron {
  const birthDate = patron.birthDate === null ? null : parseDate(patron.birthDate);
  return {
    ...(birthDate === null ? {} : { birthDate }),
    cardLost: patron.cardLost,
    excludedFromUnstaffed: patron.excludedFromUnstaffed,
    blocked: patron.blocked ?? false,
    borrowingBlocked: patron.borrowingBlocked,
    feesDkk: patron.feesDkk,
  };
}

export function doorRulesFor(profile: LibraryProfile, { now, branch }: ProfileRuleOptions): DoorRules {
  const where = branch === undefined ? {} : { branch };
  return {
    now,
    hours: (at) => {
      const state = openingState(profile, branch, at);
      return state.open ? { open: true } : { open: false, reason: state.reason, nextOpening: state.nextOpening };
    },
    decideEntry: (patron, { at, companion }) =>
      safely(() => {
        const decision = doorDecision(profile, {
          patron: policyPatron(patron),
          at,
          ...where,
          ...(companion === null ? {} : { companion: policyPatron(companion) }),
        });
        return { allowed: decision.allowed, reason: decision.reason as string };
      }, { allowed: false, reason: 'invalid-patron-data' }),
    mayAccompany: (adult, at) => safely(() => companionDecision(profile, policyPatron(adult), at, branch).allowed, false),
  };
}

export function checkoutRulesFor(profile: LibraryProfile, options: { online: () => boolean }): CheckoutRules {
  const { maxItemsOffline } = kioskSettings(profile).offline;
  return {
    borrowingBlock: (patron) => blockFor(profile, patron),
    itemRefusal: (_item, session) => (!options.online() && session.itemsBorrowed >= maxItemsOffline ? 'offline-limit-reached' : null),
  };
}

export function accountRulesFor(profile: LibraryProfile, { now }: ProfileRuleOptions): AccountRules {
  return {
    now,
    borrowingBlock: (patron) => blockFor(profile, patron),
    renewal: (loan, at) =>
      safely(() => {
        const decision = renewalDecision(profile, {
          renewalsSoFar: loan.renewals ?? 0,
          dueDate: loan.dueDate,
          at,
          reservedByAnother: loan.reserved ?? false,
          interlibrary: loan.interlibrary ?? false,
        });
        return { allowed: decision.allowed, reason: decision.reason as string };
      }, { allowed: true, reason: 'ils-decides' }),
  };
}

/** Fees the policy cannot read (negative, not a number) are left to the ILS's own block. */
function blockFor(profile: LibraryProfile, patron: PatronFacts) {
  return safely(() => {
    const block = borrowingBlock(profile, policyPatron(patron));
    return { blocked: block.blocked, reason: block.reason as string };
  }, { blocked: false, reason: 'ils-decides' });
}
