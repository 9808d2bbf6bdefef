// Translates between what the ILS says about a patron, what the machines show, and what the
// policy decides on. Birth dates come from the CPR on a health card, else from the ILS.
import { type PatronInformation } from '../../ils/ils-port';
import { type PatronFacts as CachedFacts } from '../../store/credential-cache';
import { parseCpr } from '../../policy/cpr';
import { formatDate, parseDate } from '../../policy/time';
import { type CardRead, type PatronFacts } from '../../state-machines/ports';

export function birthDateOf(card: CardRead, ilsBirthDate?: string): string | null {
  if (card.kind === 'health-card') {
    const cpr = parseCpr(card.patronId);
    if (cpr.ok) return formatDate(cpr.birthDate);
  }
  return ilsBirthDate && parseDate(ilsBirthDate) ? ilsBirthDate : null;
}

export function factsFromIls(card: CardRead, info: PatronInformation): PatronFacts {
  const flags = info.flags;
  return {
    name: info.name ?? '',
    birthDate: birthDateOf(card, info.birthDate),
    cardLost: flags.cardReportedLost,
    excludedFromUnstaffed: info.excludedFromUnstaffed,
    borrowingBlocked: flags.chargePrivilegesDenied || flags.tooManyItemsOverdue || flags.tooManyItemsLost || flags.tooManyItemsBilled,
    feesDkk: info.fees.total ?? 0,
  };
}

/** What the credential cache keeps of a patron (store/): no name, no card number, no PIN. */
export function toCachedFacts(facts: PatronFacts): CachedFacts {
  return {
    birthDate: facts.birthDate,
    ageBand: null,
    cardLost: facts.cardLost,
    excludedFromUnstaffed: facts.excludedFromUnstaffed,
    blocked: facts.borrowingBlocked,
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
    feesDkk: cached.feesDkk ?? 0,
  };
}
