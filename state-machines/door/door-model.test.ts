// Model-based tests: every shortest path through the door model is replayed on the real door
// machine (fakes for the ILS, cache, lock and log; a simulated clock for every timeout).
import { describe, expect, it } from 'vitest';
import type { SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { VerifyResult } from '../ports';
import { card, patron, settle } from '../fakes.testkit';
import { startDoor } from './door-harness.testkit';
import { doorModel, type DoorModelEvent } from './door-model.testkit';
import { DEFAULT_DOOR_CONFIG } from './door-types';

type Door = ReturnType<typeof startDoor>;

const HOUR = 3_600_000;
// A window long enough that only WINDOW_ELAPSED closes it: the model has no clock.
const config = { ...DEFAULT_DOOR_CONFIG, accompanyWindowMs: HOUR };

const adultCard = card('0101801111');
const childCard = card('0505152222');
const adult = patron({ birthDate: '1980-01-01' });
const teen = patron({ birthDate: '2009-01-01' });
const child = patron({ birthDate: '2014-05-05' });
const valid = (facts: typeof adult, source: 'ils' | 'cache' = 'ils'): VerifyResult => ({ outcome: 'valid', patron: facts, source });

const world: Record<DoorModelEvent['type'], (door: Door) => void> = {
  CARD_ADULT: (d) => d.actor.send({ type: 'CARD_READ', card: adultCard }),
  CARD_CHILD: (d) => d.actor.send({ type: 'CARD_READ', card: childCard }),
  DIGIT: (d) => d.actor.send({ type: 'PIN_DIGIT', digit: '7' }),
  BACKSPACE: (d) => d.actor.send({ type: 'PIN_BACKSPACE' }),
  CLEAR: (d) => d.actor.send({ type: 'PIN_CLEAR' }),
  ENTER: (d) => d.actor.send({ type: 'PIN_ENTER' }),
  CANCEL: (d) => d.actor.send({ type: 'CANCEL' }),
  DIGIT_TIMEOUT: (d) => d.clock.increment(config.pinDigitTimeoutMs),
  ILS_ADULT: (d) => d.verify.last().resolve(valid(adult)),
  ILS_TEEN: (d) => d.verify.last().resolve(valid(teen)),
  ILS_CHILD: (d) => d.verify.last().resolve(valid(child)),
  ILS_WRONG_PIN: (d) => d.verify.last().resolve({ outcome: 'wrong-pin', attemptsLeft: 2 }),
  ILS_LOCKED: (d) => d.verify.last().resolve({ outcome: 'card-locked', until: '2025-03-10T11:00:00.000Z' }),
  ILS_UNKNOWN: (d) => d.verify.last().resolve({ outcome: 'unknown-card' }),
  ILS_UNAVAILABLE: (d) => d.verify.last().resolve({ outcome: 'unavailable', detail: 'offline' }),
  VERIFY_BACKSTOP: (d) => d.clock.increment(config.ilsTimeoutMs + config.maxRefusalDelayMs + 1_000),
  CACHE_ADULT: (d) => d.cache.last().resolve(valid(adult, 'cache')),
  CACHE_UNKNOWN: (d) => d.cache.last().resolve({ outcome: 'offline-unknown' }),
  CACHE_TIMEOUT: (d) => d.clock.increment(config.verifyTimeoutMs + config.maxRefusalDelayMs),
  RELEASE_ELAPSED: (d) => d.clock.increment(config.releaseMs),
  WINDOW_ELAPSED: (d) => d.clock.increment(config.accompanyWindowMs),
  MESSAGE_ELAPSED: (d) => d.clock.increment(config.messageMs),
  NIGHT_FALLS: (d) => d.clock.increment(13 * HOUR),
  DAY_BREAKS: (d) => d.clock.increment(11 * HOUR),
};

// A vertex per (state, incoming event, previous state value): every transition gets a path.
const model = createTestModel(doorModel, {
  serializeTransition: (_state, event, previous) => (event ? ` via ${event.type} from ${JSON.stringify(previous?.value)}` : ''),
});
const paths = model.getShortestPaths();

/** Attempts counted from the world's side: every card read, and every PIN typed again right
 * after a wrong PIN. A child let in with an adult is a row of its own. */
function attemptsIn(steps: (typeof paths)[number]['steps']): number {
  let attempts = 0;
  steps.forEach((step, i) => {
    const before = steps[i - 1]?.state as SnapshotFrom<typeof doorModel> | undefined;
    const type = step.event.type;
    if (type === 'CARD_ADULT' || type === 'CARD_CHILD') attempts += 1;
    if (type === 'DIGIT' && before?.matches('denied') && before.context.lastWrong) attempts += 1;
  });
  return attempts;
}

/** Lets every pending timer run out, one stage at a time, so every open attempt ends. */
async function drain(door: Door) {
  for (let i = 0; i < 6; i += 1) {
    door.clock.increment(60_000);
    await settle();
  }
}

describe('door model', () => {
  it('walks every state and every world event of the model', () => {
    const reached = new Set(paths.flatMap((p) => p.steps.map((s) => JSON.stringify(s.state.value))));
    expect(reached.size).toBe(9);
    const used = new Set<string>(paths.flatMap((p) => p.steps.map((s) => s.event.type)));
    expect([...Object.keys(world)].filter((type) => !used.has(type))).toEqual([]);
  });

  for (const path of paths) {
    it(path.description, async () => {
      const door = startDoor({ config });
      let seen = 0;
      let before: SnapshotFrom<typeof doorModel> | undefined;
      const events: Record<string, () => Promise<void>> = {};
      for (const [type, act] of Object.entries(world)) {
        events[type] = async () => {
          act(door);
          await settle();
        };
      }
      await path.test({
        events,
        states: {
          '*': (snapshot) => {
            const state = snapshot as SnapshotFrom<typeof doorModel>;
            expect(door.state()).toEqual(state.matches('nightIdle') ? 'idle' : state.value);
            const fresh = door.logs.slice(seen);
            seen = door.logs.length;
            expect(fresh.map((entry) => entry.reason)).toEqual(state.context.expect);
            const cards = { adult: adultCard, child: childCard };
            for (const entry of fresh) {
              // The child's row names the card that opened the window (read before this transition).
              const opener = (before?.context.companion ?? null) as 'adult' | 'child' | null;
              expect(entry.accompaniedBy).toEqual(entry.reason === 'accompanied' && opener ? cards[opener] : undefined);
            }
            before = state;
            if (state.matches('pinEntry')) expect(door.actor.getSnapshot().context.pin).toHaveLength(state.context.pinLength);
          },
        },
      });

      // Exactly one log entry per attempt: every card read is an attempt.
      await drain(door);
      expect(door.logs).toHaveLength(attemptsIn(path.steps));
      expect(door.actor.getSnapshot().context.pin).toBe('');
    });
  }
});
