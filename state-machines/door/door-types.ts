// Door entry: configuration, context and events.
import type { CardRead, PatronFacts } from '../ports';
import type { CardReadEvent, PinEvent } from '../shared/events';

export interface DoorConfig {
  pinMinLength: number;
  pinMaxLength: number;
  /** Time allowed after the card read and between digits before the attempt is abandoned. */
  pinDigitTimeoutMs: number;
  /** Wait this long for the ILS, then ask the credential cache so the door never waits long. */
  ilsSlowMs: number;
  /** Give up on the cache (or on a child's card lookup) after this long. */
  verifyTimeoutMs: number;
  /** How long the lock stays released; also how long the door screen says "come in". */
  releaseMs: number;
  /** After an adult who may accompany is let in, a child's card is accepted this long. */
  accompanyWindowMs: number;
  /** How long a refusal (closed, wrong PIN, denied...) is shown. */
  messageMs: number;
}

export const DEFAULT_DOOR_CONFIG: DoorConfig = {
  pinMinLength: 4,
  pinMaxLength: 4,
  pinDigitTimeoutMs: 15_000,
  ilsSlowMs: 1_500,
  verifyTimeoutMs: 3_000,
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
  | 'unavailable';

export interface DoorOutcome {
  decision: 'allowed' | 'denied';
  reason: string;
  attemptsLeft?: number;
  lockedUntil?: string;
  /** ISO time the door next opens (outside unstaffed hours), null when unknown. */
  nextOpening?: string | null;
}

export interface DoorContext {
  config: DoorConfig;
  /** The card of the current attempt. */
  card: CardRead | null;
  /** Digits typed so far; cleared as soon as verification is over. */
  pin: string;
  /** ISO time the attempt started (card read): the time the rules and the log use. */
  attemptAt: string | null;
  patron: PatronFacts | null;
  source: 'ils' | 'cache' | null;
  outcome: DoorOutcome | null;
  /** The child's card read during the accompany window. */
  child: CardRead | null;
}

export type DoorEvent = CardReadEvent | PinEvent | { type: 'CANCEL' };
