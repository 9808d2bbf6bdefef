// Placeholders for injected side effects: a machine run without its runtime wiring fails loudly
// instead of silently skipping a lock release, a log entry or an ILS call.
import { fromPromise } from 'xstate';

export function notProvidedActor<TOutput, TInput>(name: string) {
  return fromPromise<TOutput, TInput>(async () => {
    throw new Error(`actor '${name}' not provided`);
  });
}

export function notProvidedAction(name: string): never {
  throw new Error(`action '${name}' not provided`);
}
