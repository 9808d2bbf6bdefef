// Configuration, context, actions and delays shared by the patron sessions (borrow, return,
// my account).
import type { EventObject } from 'xstate';
import type { IdentifyConfig } from '../identify/identify-types';
import { assignPart } from './assign-part';
import { sessionEvent, type Language } from './events';
import { DEFAULT_INACTIVITY, inactivityActions, inactivityDelays, type InactivityConfig, type InactivityContext } from './inactivity';

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

/** What every patron session's context starts with. */
export interface SessionContext extends InactivityContext {
  config: SessionConfig;
  language: Language;
}

/** Actions every patron session names: the language choice and the inactivity countdown. */
export function sessionActions<TContext extends SessionContext, TEvent extends EventObject>() {
  return {
    ...inactivityActions<TContext, TEvent>(),
    setLanguage: assignPart<SessionContext, TContext, TEvent>(({ event }) => ({ language: sessionEvent(event, 'SET_LANGUAGE').language })),
  };
}

/** Delays every patron session names: the inactivity countdown's and the goodbye screen's. */
export const sessionDelays = {
  ...inactivityDelays,
  goodbye: ({ context }: { context: SessionContext }) => context.config.goodbyeMs,
};

/** How every patron session ends: the goodbye screen for `goodbye`, then done. */
export const goodbyeStates = {
  goodbye: { after: { goodbye: 'done' } },
  done: { type: 'final' },
} as const;
