// Inactivity for patron sessions (borrow, return, my account): after `warnAfterMs` without a
// patron event a warning counts down `countdownSeconds`, then the session ends. The countdown
// lives in context so the renderer shows it without a clock of its own.
import { raise, type EventObject } from 'xstate';
import { assignPart } from './assign-part';

export interface InactivityConfig {
  warnAfterMs: number;
  countdownSeconds: number;
}

export const DEFAULT_INACTIVITY: InactivityConfig = { warnAfterMs: 45_000, countdownSeconds: 15 };

/** The countdown tick. */
export const ONE_SECOND = 1_000;

/** Seconds left while the warning shows; null while the patron is active. */
export interface InactivityContext {
  secondsLeft: number | null;
}

/** What the countdown reads: the seconds left and the session's inactivity settings. */
export interface CountdownContext extends InactivityContext {
  config: { inactivity: InactivityConfig };
}

export const inactivityGuards = {
  countdownOver: ({ context }: { context: InactivityContext }) => (context.secondsLeft ?? 0) <= 1,
};

/** The actions `activityRegion` names, made for a session machine's context and events. */
export function inactivityActions<TContext extends CountdownContext, TEvent extends EventObject>() {
  const update = assignPart<CountdownContext, TContext, TEvent>;
  return {
    startCountdown: update(({ context }) => ({ secondsLeft: context.config.inactivity.countdownSeconds })),
    tick: update(({ context }) => ({ secondsLeft: (context.secondsLeft ?? 1) - 1 })),
    stopCountdown: update(() => ({ secondsLeft: null })),
    // Every session machine's events include SESSION_TIMEOUT (it ends the session).
    expire: raise<TContext, TEvent, TEvent, undefined>({ type: 'SESSION_TIMEOUT' } as TEvent),
  };
}

/** The delays `activityRegion` names. */
export const inactivityDelays = {
  inactivityWarning: ({ context }: { context: CountdownContext }) => context.config.inactivity.warnAfterMs,
  countdownTick: ONE_SECOND,
};

/**
 * The `activity` region of a session machine. Every listed patron event restarts it; the
 * machine supplies the named delays, guard and actions (`inactivityDelays`, `inactivityGuards`,
 * `inactivityActions`). The reset is a plain (not `reenter`) transition: re-entering would
 * restart the sibling flow region and its invoked actors. A machine must handle these events
 * inside its flow region, not on its root, or the root's handler loses to this region's reset.
 */
export function activityRegion<const TEvent extends string>(resetOn: readonly TEvent[]) {
  const reset = { target: '.active', actions: 'stopCountdown' } as const;
  return {
    initial: 'active',
    on: Object.fromEntries(resetOn.map((type) => [type, reset])) as Record<TEvent, typeof reset>,
    states: {
      active: { after: { inactivityWarning: 'warning' } },
      warning: {
        entry: 'startCountdown',
        initial: 'counting',
        states: {
          counting: {
            after: {
              countdownTick: [
                { guard: 'countdownOver', target: '#session-expired', actions: ['stopCountdown', 'expire'] },
                { target: 'counting', reenter: true, actions: 'tick' },
              ],
            },
          },
        },
      },
      expired: { id: 'session-expired' },
    },
  } as const;
}
