// xstate types each action by its machine's exact context and events, so an action shared by
// several machines is made once per machine (the factories in shared/ take those two types).
import { assign, type EventObject, type MachineContext } from 'xstate';

/**
 * An assign action for a machine whose context `TContext` extends the shared part `TPart`:
 * the update reads and returns only that part, which is why its result fits `TContext`.
 */
export function assignPart<TPart extends MachineContext, TContext extends TPart, TEvent extends EventObject, TParams = undefined>(
  update: (args: { context: TContext; event: TEvent }, params: TParams) => Partial<TPart>,
) {
  return assign<TContext, TEvent, TParams, TEvent, never>((args, params) => update(args, params) as Partial<TContext>);
}
