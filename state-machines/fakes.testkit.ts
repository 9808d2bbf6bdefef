// Test doubles for the machines' injected actors and rules. Used only by *.test.ts files.
import { fromPromise } from 'xstate';
import type { CardRead, PatronFacts } from './ports';
import type { Decision, DoorRules } from './shared/rules';

export interface PendingCall<TInput, TOutput> {
  input: TInput;
  resolve(output: TOutput): void;
  reject(error: unknown): void;
}

/** A promise actor whose calls the test answers by hand, in any order. */
export function controllable<TOutput, TInput>() {
  const calls: PendingCall<TInput, TOutput>[] = [];
  const logic = fromPromise<TOutput, TInput>(
    ({ input }) => new Promise<TOutput>((resolve, reject) => calls.push({ input, resolve, reject })),
  );
  const last = (): PendingCall<TInput, TOutput> => {
    const call = calls[calls.length - 1];
    if (call === undefined) throw new Error('the actor was not invoked');
    return call;
  };
  return { logic, calls, last };
}

/** A promise actor that answers at once from a function of its input. */
export function answering<TOutput, TInput>(answer: (input: TInput) => TOutput) {
  const inputs: TInput[] = [];
  const logic = fromPromise<TOutput, TInput>(async ({ input }) => {
    inputs.push(input);
    return answer(input);
  });
  return { logic, inputs };
}

/** Lets promise actors settle and their done events reach the machine. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function card(patronId: string, kind: CardRead['kind'] = 'health-card'): CardRead {
  return { kind, patronId, masked: `******${patronId.slice(-4).replace(/\d/g, '*')}` };
}

export function patron(overrides: Partial<PatronFacts> = {}): PatronFacts {
  return {
    name: 'Karen',
    birthDate: '1980-05-01',
    cardLost: false,
    excludedFromUnstaffed: false,
    borrowingBlocked: false,
    feesDkk: 0,
    ...overrides,
  };
}

export function ageOn(birthDate: string | null, at: Date): number | null {
  if (birthDate === null) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const years = at.getUTCFullYear() - y;
  const hadBirthday = at.getUTCMonth() + 1 > m || (at.getUTCMonth() + 1 === m && at.getUTCDate() >= d);
  return hadBirthday ? years : years - 1;
}

/** Door rules like Hvidovre's, simplified: 15 alone, 18 to accompany, open 07-22 UTC. */
export function fakeDoorRules(now: () => Date): DoorRules {
  const mayAccompany = (p: PatronFacts, at: Date) => !p.cardLost && (ageOn(p.birthDate, at) ?? 0) >= 18;
  return {
    now,
    hours: (at) =>
      at.getUTCHours() >= 7 && at.getUTCHours() < 22
        ? { open: true }
        : {
            open: false,
            reason: 'outside-hours',
            nextOpening: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + (at.getUTCHours() >= 22 ? 1 : 0), 7)),
          },
    decideEntry: (p, { at, companion }): Decision => {
      if (p.cardLost) return { allowed: false, reason: 'card-lost' };
      if (p.excludedFromUnstaffed) return { allowed: false, reason: 'excluded' };
      const age = ageOn(p.birthDate, at) ?? 0;
      if (age >= 15) return { allowed: true, reason: 'allowed' };
      if (companion === null) return { allowed: false, reason: 'under-age' };
      return mayAccompany(companion, at) ? { allowed: true, reason: 'accompanied' } : { allowed: false, reason: 'companion-too-young' };
    },
    mayAccompany,
  };
}
