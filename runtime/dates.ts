// A due date as the patron reads it: the calendar day in Copenhagen, not in UTC (a loan due at
// local midnight would otherwise show as the day before).
import { copenhagenDate, formatDate } from '../policy/time';

export function copenhagenDay(at: Date | undefined): string {
  return at ? formatDate(copenhagenDate(at)) : '';
}
