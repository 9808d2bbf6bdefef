// A patron as the door and the kiosk see one: only the facts the rules need, no SIP2, no CPR.
import { ageOn } from './cpr';
import { type LocalDate } from './time';

export interface PatronFacts {
  /** Full years, when known (e.g. from the ILS or the credential cache). */
  age?: number;
  /** Used to compute the age on the day of the decision when `age` is not given. */
  birthDate?: LocalDate;
  /** The card is reported lost (or the ILS says so). */
  cardLost: boolean;
  /** Excluded from the unstaffed hours (a staff decision recorded in the ILS or the site's list). */
  excludedFromUnstaffed: boolean;
  /** The ILS refuses this card altogether (e.g. card privileges denied). Blocks the door and loans. */
  blocked: boolean;
  /** The ILS refuses loans only (e.g. repeated non-return). Does not block the door. */
  borrowingBlocked?: boolean;
  /** Unpaid fees in kroner, as the ILS reports them. */
  feesDkk?: number;
}

/** The patron's age in full years at `at`, or undefined when neither age nor birth date is known. */
export function patronAge(patron: PatronFacts, at: Date): number | undefined {
  if (patron.age !== undefined && Number.isInteger(patron.age) && patron.age >= 0) return patron.age;
  if (patron.birthDate) return ageOn(patron.birthDate, at);
  return undefined;
}
