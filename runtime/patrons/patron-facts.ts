// Translates between what the ILS says about a patron, what the machines show, and what the
// policy decides on. The ILS's birth date wins; a health card's magnetic stripe fills in when the
// ILS has none (a bare 10-digit number may be a library card number, so it tells no age).
import type { PatronInformation, PatronStatusFlags } from '../../ils';
import { parseDate } from '../../policy/index';
import type { CardRead, PatronFacts } from '../../state-machines';
import { type CachedFacts } from '../../store/index';

export function birthDateOf(card: CardRead, ilsBirthDate?: string): string | null {
  if (ilsBirthDate && parseDate(ilsBirthDate)) return ilsBirthDate;
  return card.cprBirthDate ?? null;
}

/**
 * "Charge privileges denied" with no reason the ILS names (not a lost card, not fees, not items
 * overdue, lost or billed) means the library has blocked the card itself: the door refuses it.
 * A block for debt or overdue items stops borrowing only (the libraries' rules block loans for
 * debt, not entry).
 */
export function cardBlocked(flags: PatronStatusFlags): boolean {
  const explained =
    flags.cardReportedLost ||
    flags.excessiveOutstandingFees ||
    flags.excessiveOutstandingFines ||
    flags.tooManyItemsOverdue ||
    flags.tooManyItemsLost ||
    flags.tooManyItemsBilled ||
    flags.tooManyItemsCharged ||
    flags.tooManyClaimsOfItemsReturned ||
    flags.tooManyRenewals ||
    flags.recallOverdue;
  return flags.chargePrivilegesDenied && !explained;
}

export function factsFromIls(card: CardRead, info: PatronInformation): PatronFacts {
  const flags = info.flags;
  return {
    name: info.name ?? '',
    birthDate: birthDateOf(card, info.birthDate),
    cardLost: flags.cardReportedLost,
    excludedFromUnstaffed: info.excludedFromUnstaffed,
    borrowingBlocked: flags.chargePrivilegesDenied || flags.tooManyItemsOverdue || flags.tooManyItemsLost || flags.tooManyItemsBilled,
    blocked: cardBlocked(flags),
    feesDkk: info.fees.total ?? 0,
  };
}

/** A patron the cache knows by PIN only: no name, no age, nothing that refuses them. */
export const UNKNOWN_FACTS: PatronFacts = { name: '', birthDate: null, cardLost: false, excludedFromUnstaffed: false, borrowingBlocked: false, feesDkk: 0 };

/** What the credential cache keeps of a patron (store/): no name, no card number, no PIN. */
export function toCachedFacts(facts: PatronFacts): CachedFacts {
  return {
    birthDate: facts.birthDate,
    ageBand: null,
    cardLost: facts.cardLost,
    excludedFromUnstaffed: facts.excludedFromUnstaffed,
    blocked: facts.borrowingBlocked,
    doorBlocked: facts.blocked ?? false,
    feesDkk: facts.feesDkk,
  };
}

/** The machines' view of a patron remembered in the credential cache. */
export function fromCachedFacts(cached: CachedFacts): PatronFacts {
  return {
    name: '',
    birthDate: cached.birthDate,
    cardLost: cached.cardLost,
    excludedFromUnstaffed: cached.excludedFromUnstaffed,
    borrowingBlocked: cached.blocked,
    blocked: cached.doorBlocked ?? false,
    feesDkk: cached.feesDkk ?? 0,
  };
}
