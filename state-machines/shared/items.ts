// The items on the RFID pad during a borrow or return session, in placement order. A multi-part
// set waits until all its parts lie on the pad; an unreadable tag is reported, never sent on.
import type { PlacedTag } from '../ports';

export type ItemStatus = 'queued' | 'incomplete-set' | 'unreadable' | 'processing' | 'done';

export interface ItemEntry<TOutcome> {
  /** The item id, or `tag:<uid>` for a tag that could not be read. */
  key: string;
  itemId: string | null;
  parts: { uid: string; partNumber: number }[];
  partsInSet: number;
  status: ItemStatus;
  outcome: TOutcome | null;
}

const settled = (status: ItemStatus) => status === 'processing' || status === 'done';

/** Failures a patron is asked to put right by lifting the item and placing it again. */
const RETRYABLE = new Set(['afi-write-failed', 'item-lifted', 'needs-staff', 'undo-pending', 'unavailable']);

/** A handled item that failed in a way placing it again may fix. */
export function retryable(item: ItemEntry<unknown>): boolean {
  const outcome = item.outcome as { ok?: unknown; reason?: unknown } | null;
  return item.status === 'done' && outcome !== null && outcome.ok === false && typeof outcome.reason === 'string' && RETRYABLE.has(outcome.reason);
}

function partsStatus(parts: ItemEntry<unknown>['parts'], partsInSet: number): ItemStatus {
  const distinct = new Set(parts.map((p) => p.partNumber)).size;
  return partsInSet <= 1 || distinct >= partsInSet ? 'queued' : 'incomplete-set';
}

/** Adds a tag seen on the pad. A tag already known (by uid) changes nothing. */
export function placeTag<T>(items: readonly ItemEntry<T>[], tag: PlacedTag): ItemEntry<T>[] {
  if (items.some((item) => item.parts.some((part) => part.uid === tag.uid))) return [...items];
  const part = { uid: tag.uid, partNumber: tag.partNumber };
  if (tag.error !== undefined || tag.itemId === null || tag.itemId === '') {
    return [...items, { key: `tag:${tag.uid}`, itemId: null, parts: [part], partsInSet: 1, status: 'unreadable', outcome: null }];
  }
  const existing = items.find((item) => item.itemId === tag.itemId);
  if (existing === undefined) {
    const partsInSet = Math.max(1, tag.partsInSet);
    const entry: ItemEntry<T> = { key: tag.itemId, itemId: tag.itemId, parts: [part], partsInSet, status: partsStatus([part], partsInSet), outcome: null };
    return [...items, entry];
  }
  // A part of a set that is already on its way: nothing more to do for it.
  if (settled(existing.status)) return [...items];
  return items.map((item) => {
    if (item !== existing) return item;
    const parts = [...item.parts, part];
    const partsInSet = Math.max(item.partsInSet, tag.partsInSet);
    return { ...item, parts, partsInSet, status: partsStatus(parts, partsInSet) };
  });
}

/** Forgets a tag lifted before its item was handled; handled items stay in the list, except one
 * that failed in a way placing it again can fix: lifting it clears it, so it can be placed again. */
export function removeTag<T>(items: readonly ItemEntry<T>[], uid: string): ItemEntry<T>[] {
  const result: ItemEntry<T>[] = [];
  for (const item of items) {
    if (!item.parts.some((p) => p.uid === uid)) {
      result.push(item);
      continue;
    }
    if (settled(item.status) && !retryable(item)) {
      result.push(item);
      continue;
    }
    const parts = item.parts.filter((p) => p.uid !== uid);
    if (parts.length > 0) result.push({ ...item, parts, outcome: null, status: item.status === 'unreadable' ? 'unreadable' : partsStatus(parts, item.partsInSet) });
  }
  return result;
}

/** The first item, in placement order, ready to be handled. */
export function nextQueued<T>(items: readonly ItemEntry<T>[]): ItemEntry<T> | undefined {
  return items.find((item) => item.status === 'queued');
}

export function markProcessing<T>(items: readonly ItemEntry<T>[], key: string): ItemEntry<T>[] {
  return items.map((item) => (item.key === key ? { ...item, status: 'processing' } : item));
}

export function recordOutcome<T>(items: readonly ItemEntry<T>[], key: string, outcome: T): ItemEntry<T>[] {
  return items.map((item) => (item.key === key ? { ...item, status: 'done', outcome } : item));
}

export function processingItem<T>(items: readonly ItemEntry<T>[]): ItemEntry<T> | undefined {
  return items.find((item) => item.status === 'processing');
}

export function tagUids(item: ItemEntry<unknown>): string[] {
  return item.parts.map((p) => p.uid);
}
