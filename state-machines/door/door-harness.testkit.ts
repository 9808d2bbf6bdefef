// Runs the real door machine with fakes for every injected actor and action (tests only).
import { createActor, SimulatedClock } from 'xstate';
import type { DoorEntryLog, PinCredentials, VerifyResult } from '../ports';
import type { DoorRules } from '../shared/rules';
import { controllable, fakeDoorRules } from '../fakes.testkit';
import { createDoorMachine } from './door-machine';
import type { DoorConfig } from './door-types';

/** 2025-03-10 10:00 UTC: inside the fake rules' opening hours. */
export const DAYTIME = Date.UTC(2025, 2, 10, 10, 0, 0);
export const NIGHT = Date.UTC(2025, 2, 10, 23, 30, 0);

export function startDoor(options: { start?: number; config?: Partial<DoorConfig>; rules?: (now: () => Date) => DoorRules } = {}) {
  const clock = new SimulatedClock();
  const start = options.start ?? DAYTIME;
  const now = () => new Date(start + clock.now());
  const rules = (options.rules ?? fakeDoorRules)(now);
  const verify = controllable<VerifyResult, PinCredentials>();
  const cache = controllable<VerifyResult, PinCredentials>();
  const release = controllable<void, { ms: number }>();
  const logs: DoorEntryLog[] = [];
  const accessLog = { writable: true };
  const machine = createDoorMachine(rules).provide({
    actors: { verifyPin: verify.logic, verifyCached: cache.logic, releaseLock: release.logic },
    actions: { logEntry: (_, entry) => void logs.push(entry) },
    guards: { accessLogWritable: () => accessLog.writable },
  });
  const actor = createActor(machine, { clock, input: { config: options.config ?? {} } });
  actor.start();
  const typePin = (pin: string) => {
    for (const digit of pin) actor.send({ type: 'PIN_DIGIT', digit });
  };
  const state = () => actor.getSnapshot().value;
  return { actor, clock, verify, cache, release, logs, accessLog, typePin, state, now };
}
