// Identification at the kiosk: a card, then a PIN, verified like at the door.
import type { CardRead, PatronFacts } from '../ports';
import type { CardReadEvent, PinEvent } from '../shared/events';

export interface IdentifyConfig {
  pinMinLength: number;
  pinMaxLength: number;
  /** The backstop while the ILS is asked: the verifier answers 'unavailable' itself when the ILS
   * cannot answer (then the cache decides); past this the patron is told to try again. A slow
   * answer from the ILS is never replaced by the cache's. */
  ilsTimeoutMs: number;
  /** Give up on the cache after this long. */
  verifyTimeoutMs: number;
}

export const DEFAULT_IDENTIFY_CONFIG: IdentifyConfig = {
  pinMinLength: 4,
  pinMaxLength: 4,
  ilsTimeoutMs: 40_000,
  verifyTimeoutMs: 3_000,
};

export interface IdentifyInput {
  config?: Partial<IdentifyConfig>;
  /** A card already read on the start screen: identification starts at the PIN. */
  card?: CardRead | null;
}

export interface IdentifyRefusal {
  reason: 'wrong-pin' | 'card-locked' | 'unknown-card' | 'offline-unknown' | 'unavailable';
  attemptsLeft?: number;
  lockedUntil?: string;
}

export interface IdentifyContext {
  config: IdentifyConfig;
  card: CardRead | null;
  pin: string;
  patron: PatronFacts | null;
  source: 'ils' | 'cache' | null;
  refusal: IdentifyRefusal | null;
}

export type IdentifyEvent = CardReadEvent | PinEvent | { type: 'CANCEL' };

export type IdentifyOutput =
  | { identified: true; card: CardRead; patron: PatronFacts; source: 'ils' | 'cache' }
  | { identified: false };
