// Pure context updates for the door machine (the machine wires them to events).
import type { CardRead, LookupResult, PatronFacts, VerifyResult } from '../ports';
import type { PinLength } from '../shared/pin';
import type { DoorRules } from '../shared/rules';
import type { DoorConfig, DoorContext, DoorOutcome } from './door-types';

export function pinLengthOf(config: DoorConfig): PinLength {
  return { min: config.pinMinLength, max: config.pinMaxLength };
}

/** A fresh attempt for `card`, started at `at`. */
export function newAttempt(card: CardRead, at: Date): Partial<DoorContext> {
  return { card, attemptAt: at.toISOString(), pin: '', patron: null, source: null, outcome: null, child: null };
}

/** Why a verification that did not find a valid patron refuses entry. */
export function verificationRefusal(result: VerifyResult): DoorOutcome {
  switch (result.outcome) {
    case 'valid':
      throw new Error('door: a valid verification is not a refusal');
    case 'wrong-pin':
      return { decision: 'denied', reason: 'wrong-pin', attemptsLeft: result.attemptsLeft };
    case 'card-locked':
      return { decision: 'denied', reason: 'card-locked', lockedUntil: result.until };
    case 'unknown-card':
    case 'offline-unknown':
    case 'unavailable':
      return { decision: 'denied', reason: result.outcome };
  }
}

/** The library's decision for a verified patron entering alone. */
export function entryOutcome(rules: DoorRules, patron: PatronFacts, attemptAt: string): DoorOutcome {
  const decision = rules.decideEntry(patron, { at: new Date(attemptAt), companion: null });
  return { decision: decision.allowed ? 'allowed' : 'denied', reason: decision.reason };
}

export function outsideHoursOutcome(rules: DoorRules, attemptAt: string): DoorOutcome {
  const hours = rules.hours(new Date(attemptAt));
  if (hours.open) throw new Error('door: refused for the hours while open');
  return { decision: 'denied', reason: hours.reason, nextOpening: hours.nextOpening === null ? null : hours.nextOpening.toISOString() };
}

/** Why the second card of an accompany window is refused (it becomes its own attempt). */
export function childRefusal(rules: DoorRules, result: LookupResult, adult: PatronFacts | null, attemptAt: string): DoorOutcome {
  if (result.outcome !== 'found') return { decision: 'denied', reason: result.outcome };
  const decision = rules.decideEntry(result.patron, { at: new Date(attemptAt), companion: adult });
  return { decision: 'denied', reason: decision.reason };
}

/** The child's reason for an accompanied entry (the policy's code, e.g. 'allowed-accompanied'). */
export function accompaniedReason(rules: DoorRules, result: LookupResult, adult: PatronFacts | null, attemptAt: string): string {
  if (result.outcome !== 'found') throw new Error('door: only a found child can be let in');
  return rules.decideEntry(result.patron, { at: new Date(attemptAt), companion: adult }).reason;
}
