// Inactivity for patron sessions (borrow, return, my account): after `warnAfterMs` without a
// patron event a warning counts down `countdownSeconds`, then the session ends. The countdown
// lives in context so the renderer shows it without a clock of its own.

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

export const inactivityGuards = {
  countdownOver: ({ context }: { context: InactivityContext }) => (context.secondsLeft ?? 0) <= 1,
};

/**
 * The `activity` region of a session machine. Every listed patron event restarts it; the
 * machine supplies the named delays, guard and actions (see checkout-machine.ts). The reset
 * is a plain (not `reenter`) transition: re-entering would restart the sibling flow region
 * and its invoked actors. A machine must handle these events inside its flow region, not on
 * its root, or the root's handler loses to this region's reset.
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
