// Access-log entries built from the door's context: one per attempt, whatever its end.
import type { CardRead, DoorEntryLog } from '../ports';
import type { DoorContext } from './door-types';

/** The current attempt as a log entry (allowed, refused, abandoned...). */
export function attemptLog(context: DoorContext): DoorEntryLog {
  const { card, attemptAt, outcome } = context;
  if (card === null || attemptAt === null || outcome === null) {
    throw new Error('door: an attempt is logged only once it has a card, a time and an outcome');
  }
  return { at: attemptAt, decision: outcome.decision, reason: outcome.reason, card };
}

/** The adult and the child as ONE accompanied entry, with the child's decision reason. */
export function accompaniedLog(context: DoorContext, reason: string): DoorEntryLog {
  const adult = attemptLog(context);
  if (context.child === null) throw new Error('door: an accompanied entry needs the child card');
  return { ...adult, decision: 'allowed', reason, accompaniedBy: context.child };
}

/** A card read while the door was busy verifying someone else: refused, logged on its own. */
export function busyLog(card: CardRead, at: Date): DoorEntryLog {
  return { at: at.toISOString(), decision: 'denied', reason: 'busy', card };
}
