// What borrowing and returning share: the pad's queue (tags come and go, items are handled one
// at a time), the patron's FINISH or the countdown's timeout, then a receipt or not.
import type { EventObject } from 'xstate';
import { assignPart } from './assign-part';
import type { ReceiptLine, ReceiptRequest } from '../ports';
import { sessionEvent, type LanguageEvent, type StillHereEvent, type TagEvent } from './events';
import { nextQueued, placeTag, processingItem, recordOutcome, removeTag, type ItemEntry } from './items';
import type { SessionContext } from './session';

export interface ItemSessionContext<TOutcome> extends SessionContext {
  items: ItemEntry<TOutcome>[];
  finishRequested: boolean;
  timedOut: boolean;
  receipt: 'printed' | 'failed' | null;
}

export type ItemSessionEvent =
  | TagEvent
  | LanguageEvent
  | StillHereEvent
  | { type: 'CANCEL' }
  | { type: 'FINISH' }
  | { type: 'PRINT_RECEIPT' }
  | { type: 'NO_RECEIPT' }
  /** Raised by the machine itself when the inactivity countdown runs out. */
  | { type: 'SESSION_TIMEOUT' };

/** The item-session events that count as activity (they restart the inactivity timer). */
export const ITEM_SESSION_ACTIVITY = [
  'ITEM_PLACED',
  'ITEM_REMOVED',
  'SET_LANGUAGE',
  'STILL_HERE',
  'CANCEL',
  'FINISH',
  'PRINT_RECEIPT',
  'NO_RECEIPT',
] as const;

/** What a failed ILS call records for an item; both item outcome types (checkout, checkin) allow it. */
type ItemUnavailable = { ok: false; itemId: string; reason: 'unavailable' };

/**
 * The queue's actions, made for a session machine whose items end with a `TOutcome`. The rest
 * parameter only checks, at compile time, that `TOutcome` allows the failure recordFailure writes.
 */
export function itemSessionActions<TContext extends ItemSessionContext<TOutcome>, TEvent extends EventObject, TOutcome>(
  ..._outcomeAllowsFailure: ItemUnavailable extends TOutcome ? [] : [never]
) {
  type Part = ItemSessionContext<TOutcome | ItemUnavailable>;
  const update = assignPart<Part, TContext, TEvent>;
  return {
    placeTag: update(({ context, event }) => ({ items: placeTag(context.items, sessionEvent(event, 'ITEM_PLACED').tag) })),
    removeTag: update(({ context, event }) => ({ items: removeTag(context.items, sessionEvent(event, 'ITEM_REMOVED').uid) })),
    recordOutcome: assignPart<Part, TContext, TEvent, TOutcome>(({ context }, outcome) => {
      const item = processingItem(context.items);
      return item === undefined ? {} : { items: recordOutcome(context.items, item.key, outcome) };
    }),
    recordFailure: update(({ context }) => {
      const item = processingItem(context.items);
      if (item === undefined) return {};
      const outcome: ItemUnavailable = { ok: false, itemId: item.itemId ?? '', reason: 'unavailable' };
      return { items: recordOutcome<TOutcome | ItemUnavailable>(context.items, item.key, outcome) };
    }),
    requestFinish: update(() => ({ finishRequested: true })),
    markTimedOut: update(() => ({ timedOut: true })),
    receiptPrinted: update(() => ({ receipt: 'printed' })),
    receiptFailed: update(() => ({ receipt: 'failed' })),
  };
}

interface Args {
  context: ItemSessionContext<unknown>;
}

export const itemSessionGuards = {
  hasQueuedItem: ({ context }: Args) => nextQueued(context.items) !== undefined,
  finishRequested: ({ context }: Args) => context.finishRequested,
  timedOut: ({ context }: Args) => context.timedOut,
};

/** After the last item: print a receipt, or go on to `then` (the machine's state) without. */
export function receiptChoiceState<const TMachine extends string, const TThen extends string>(machine: TMachine, then: TThen) {
  const without = `#${machine}.${then}` as const;
  return {
    on: { PRINT_RECEIPT: `#${machine}.printing`, NO_RECEIPT: without, CANCEL: without, SESSION_TIMEOUT: without },
  } as const;
}

interface Printing<TOutcome, TThen extends string> {
  kind: ReceiptRequest['kind'];
  lines: (items: readonly ItemEntry<TOutcome>[]) => ReceiptLine[];
  /** The state after printing, whether or not the printer managed. */
  then: TThen;
}

/** Prints the session's receipt (the `printReceipt` actor), then goes on to `then`. */
export function printingState<TOutcome, const TThen extends string>({ kind, lines, then }: Printing<TOutcome, TThen>) {
  return {
    invoke: {
      src: 'printReceipt',
      input: ({ context }: { context: ItemSessionContext<TOutcome> }): ReceiptRequest => ({
        kind,
        language: context.language,
        lines: lines(context.items),
      }),
      onDone: { target: then, actions: 'receiptPrinted' },
      onError: { target: then, actions: 'receiptFailed' },
    },
  } as const;
}
