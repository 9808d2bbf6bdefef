// Configuration shared by the patron sessions (borrow, return, my account).
import type { IdentifyConfig } from '../identify/identify-types';
import type { Language } from './events';
import { DEFAULT_INACTIVITY, type InactivityConfig } from './inactivity';

export interface SessionConfig {
  identify: Partial<IdentifyConfig>;
  inactivity: InactivityConfig;
  /** How long the goodbye screen shows before the kiosk returns to its start screen. */
  goodbyeMs: number;
}

export const DEFAULT_SESSION_CONFIG: SessionConfig = {
  identify: {},
  inactivity: DEFAULT_INACTIVITY,
  goodbyeMs: 4_000,
};

export interface SessionInput {
  config?: Partial<SessionConfig>;
  language?: Language;
}

export function sessionConfig(input: SessionInput): SessionConfig {
  return { ...DEFAULT_SESSION_CONFIG, ...input.config };
}
