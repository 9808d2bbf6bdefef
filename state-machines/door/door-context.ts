// Pure context updates for the door machine (the machine wires them to events).
import type { CardRead, PatronFacts, VerifyResult } from '../ports';
import type { PinLength } from '../shared/pin';
import type { DoorRules } from '../shared/rules';
import type { Companion, DoorConfig, DoorContext, DoorOutcome } from './door-types';

export function pinLengthOf(config: DoorConfig): PinLength {
  return { min: config.pinMinLength, max: config.pinMaxLength };
}

/** A companion window still open at `at`, else null. */
export function openCompanion(companion: Companion | null, at: Date): Companion | null {
  return companion !== null && at.getTime() < Date.parse(companion.until) ? companion : null;
}

/** A fresh attempt for `card`, started at `at`; an adult's window that is still open carries over. */
export function newAttempt(card: CardRead, at: Date, companion: Companion | null): Partial<DoorContext> {
  return { card, attemptAt: at.toISOString(), pin: '', patron: null, source: null, outcome: null, companion: openCompanion(companion, at) };
}

/** Milliseconds left of the attempt's hard end (`attemptMaxMs` from its card read). */
export function attemptLeftMs(context: DoorContext, now: Date): number {
  if (context.attemptAt === null) return 0;
  return Math.max(0, Date.parse(context.attemptAt) + context.config.attemptMaxMs - now.getTime());
}

/** Milliseconds left of the companion window. */
export function companionLeftMs(context: DoorContext, now: Date): number {
  return context.companion === null ? 0 : Math.max(0, Date.parse(context.companion.until) - now.getTime());
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

/**
 * The library's decision for a verified patron, made at `at` (the moment of the decision, so
 * that a PIN typed past closing time is refused), with the open companion window if any.
 */
export function entryOutcome(rules: DoorRules, patron: PatronFacts, companion: Companion | null, at: Date): DoorOutcome {
  const adult = openCompanion(companion, at)?.patron ?? null;
  const decision = rules.decideEntry(patron, { at, companion: adult });
  const outcome: DoorOutcome = { decision: decision.allowed ? 'allowed' : 'denied', reason: decision.reason };
  // Whatever the profile's function says, nobody is let in while the branch is closed.
  if (decision.allowed && !rules.hours(at).open) return outsideHoursOutcome(rules, at);
  if (decision.allowed) {
    // Let in only because of the adult: an accompanied entry, which uses up the adult's window.
    const alone = adult === null || rules.decideEntry(patron, { at, companion: null }).allowed;
    return alone ? outcome : { ...outcome, accompanied: true };
  }
  const hours = rules.hours(at);
  return hours.open ? outcome : { ...outcome, nextOpening: hours.nextOpening === null ? null : hours.nextOpening.toISOString() };
}

export function outsideHoursOutcome(rules: DoorRules, at: Date): DoorOutcome {
  const hours = rules.hours(at);
  if (hours.open) throw new Error('door: refused for the hours while open');
  return { decision: 'denied', reason: hours.reason, nextOpening: hours.nextOpening === null ? null : hours.nextOpening.toISOString() };
}

/** After an allowed entry: an adult who may bring a child opens a window; a child let in with
 * the adult closes it (one child per adult); anyone else leaves an open window as it was. */
export function companionAfterEntry(rules: DoorRules, context: DoorContext, at: Date, windowMs: number): Companion | null {
  if (context.outcome?.accompanied === true) return null;
  if (context.card !== null && context.patron !== null && rules.mayAccompany(context.patron, at)) {
    return { card: context.card, patron: context.patron, until: new Date(at.getTime() + windowMs).toISOString() };
  }
  return openCompanion(context.companion, at);
}
