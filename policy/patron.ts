// A patron as the door and the kiosk see one: only the facts the rules need, no SIP2, no CPR.
// The one patron type of the project: the machines carry it (state-machines/ports.ts, with the
// fields they always know made required), the runtime builds it from the ILS's answer or the
// credential cache (runtime/patrons/). Plain data (JSON).
import { ageOn } from './cpr';
import { parseDate } from './time';

export interface PatronFacts {
  /** Display name as the ILS gives it (first name only on screen). The rules ignore it. */
  name?: string;
  /** Full years, when known (e.g. from the ILS or the credential cache). */
  age?: number;
  /** ISO date (YYYY-MM-DD) from the ILS or a health card's CPR; null or absent when unknown. Used
   * to compute the age on the day of the decision when `age` is not given. */
  birthDate?: string | null;
  /** The card is reported lost (or the ILS says so). */
  cardLost: boolean;
  /** Excluded from the unstaffed hours (a staff decision recorded in the ILS or the site's list). */
  excludedFromUnstaffed: boolean;
  /** The library has blocked the card itself (e.g. card privileges denied with no other reason,
   * not for fees or a lost card). Blocks the door and loans. */
  blocked?: boolean;
  /** Any ILS block on borrowing other than fees (charge privileges denied, too many overdue...).
   * Does not block the door. */
  borrowingBlocked?: boolean;
  /** Unpaid fees in kroner, as the ILS reports them. */
  feesDkk?: number;
}

/** The patron's age in full years at `at`, or undefined when neither age nor birth date is known. */
export function patronAge(patron: PatronFacts, at: Date): number | undefined {
  if (patron.age !== undefined && Number.isInteger(patron.age) && patron.age >= 0) return patron.age;
  const birthDate = patron.birthDate ? parseDate(patron.birthDate) : null;
  return birthDate === null ? undefined : ageOn(birthDate, at);
}
