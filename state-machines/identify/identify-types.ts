// Identification at the kiosk: a card, then a PIN, verified like at the door.
import type { CardRead, PatronFacts } from '../ports';
import type { CardReadEvent, PinEvent } from '../shared/events';

export interface IdentifyConfig {
  pinMinLength: number;
  pinMaxLength: number;
  /** Wait this long for the ILS before the credential cache answers instead. */
  ilsSlowMs: number;
  /** Give up on the cache after this long. */
  verifyTimeoutMs: number;
}

export const DEFAULT_IDENTIFY_CONFIG: IdentifyConfig = {
  pinMinLength: 4,
  pinMaxLength: 4,
  ilsSlowMs: 3_000,
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
