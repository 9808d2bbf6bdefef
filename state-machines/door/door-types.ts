// Door entry: configuration, context and events.
import type { CardRead, PatronFacts } from '../ports';
import type { CardReadEvent, PinEvent } from '../shared/events';

export interface DoorConfig {
  pinMinLength: number;
  pinMaxLength: number;
  /** Time allowed after the card read and between digits before the attempt is abandoned. */
  pinDigitTimeoutMs: number;
  /** The hard end of PIN entry, counted from the card read: no key press extends it. */
  attemptMaxMs: number;
  /** How long the ILS may take to answer. The verifier gives up by then itself (the ILS counts as
   * unreachable and the cache decides); the machine's own limit is a backstop above it. */
  ilsTimeoutMs: number;
  /** How long the credential cache may take. */
  verifyTimeoutMs: number;
  /** The longest the brute-force slow-down holds back a refusal (the store's ceiling): the
   * machine's backstops wait for it instead of cutting it short. */
  maxRefusalDelayMs: number;
  /** How long the lock stays released; also how long the door screen says "come in". */
  releaseMs: number;
  /** After an adult who may accompany is let in, a child's card (and PIN) is accepted this long. */
  accompanyWindowMs: number;
  /** How long a refusal (closed, wrong PIN, denied...) is shown. */
  messageMs: number;
}

export const DEFAULT_DOOR_CONFIG: DoorConfig = {
  pinMinLength: 4,
  pinMaxLength: 4,
  pinDigitTimeoutMs: 15_000,
  attemptMaxMs: 60_000,
  ilsTimeoutMs: 5_000,
  verifyTimeoutMs: 3_000,
  maxRefusalDelayMs: 30_000,
  releaseMs: 5_000,
  accompanyWindowMs: 30_000,
  messageMs: 4_000,
};

export interface DoorInput {
  config?: Partial<DoorConfig>;
}

/** Reasons the machine itself gives; the policy's decideEntry adds its own reason codes. */
export type DoorMachineReason =
  | 'outside-hours'
  | 'pin-timeout'
  | 'abandoned'
  | 'cancelled'
  | 'busy'
  | 'wrong-pin'
  | 'unknown-card'
  | 'card-locked'
  | 'offline-unknown'
  | 'unavailable'
  | 'attempt-timeout'
  | 'access-log-unavailable'
  /** The relay did not switch on after the entry was allowed (and logged): nobody went in. */
  | 'lock-failed';

export interface DoorOutcome {
  decision: 'allowed' | 'denied';
  reason: string;
  attemptsLeft?: number;
  lockedUntil?: string;
  /** Let in only with the adult whose window was open (one child per adult). */
  accompanied?: boolean;
  /** ISO time the door next opens (outside unstaffed hours), null when unknown. */
  nextOpening?: string | null;
}

/** An adult just let in who may bring in a child: the child's own attempt may name them. */
export interface Companion {
  card: CardRead;
  patron: PatronFacts;
  /** ISO time the window for the child's card read closes. */
  until: string;
}

export interface DoorContext {
  config: DoorConfig;
  /** The card of the current attempt. */
  card: CardRead | null;
  /** Digits typed so far; cleared as soon as verification is over. */
  pin: string;
  /** ISO time the attempt started (card read): its hard end counts from here. Decisions and
   * log entries use the time they are made, never this one. */
  attemptAt: string | null;
  patron: PatronFacts | null;
  source: 'ils' | 'cache' | null;
  outcome: DoorOutcome | null;
  /** The adult whose window the current (or the next) attempt falls in, if any. */
  companion: Companion | null;
}

export type DoorEvent = CardReadEvent | PinEvent | { type: 'CANCEL' };
