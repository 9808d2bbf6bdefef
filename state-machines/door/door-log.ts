// Access-log entries built from the door's context: one per attempt, whatever its end, stamped
// with the time the attempt ended (the decision), not the card read.
import type { CardRead, DoorEntryLog } from '../ports';
import type { DoorContext } from './door-types';

/** The current attempt as a log entry (allowed, refused, abandoned...), at `at`. An entry let in
 * with an adult names the adult's card as its companion. */
export function attemptLog(context: DoorContext, at: Date): DoorEntryLog {
  const { card, attemptAt, outcome } = context;
  if (card === null || attemptAt === null || outcome === null) {
    throw new Error('door: an attempt is logged only once it has a card, a time and an outcome');
  }
  const entry: DoorEntryLog = { at: at.toISOString(), decision: outcome.decision, reason: outcome.reason, card };
  if (outcome.decision === 'allowed' && outcome.accompanied === true && context.companion !== null) {
    return { ...entry, accompaniedBy: context.companion.card };
  }
  return entry;
}

/** A card read while the door was busy verifying someone else: refused, logged on its own. */
export function busyLog(card: CardRead, at: Date): DoorEntryLog {
  return { at: at.toISOString(), decision: 'denied', reason: 'busy', card };
}
