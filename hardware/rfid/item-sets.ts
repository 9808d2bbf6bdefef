// Multi-part items (a book with a CD, a 3-disc box): a set may be lent or returned only when
// every part is on the pad. Groups decoded tags by item id and says which parts are missing.
import type { Uid } from './feig/commands';
import type { LibraryTag } from './tag-codec';

export interface TaggedPart {
  readonly uid: Uid;
  readonly tag: LibraryTag;
}

export interface ItemSet {
  readonly itemId: string;
  readonly partsInSet: number;
  /** Part numbers on the pad, ascending, each once. */
  readonly presentParts: number[];
  readonly missingParts: number[];
  readonly uids: Uid[];
  /** Parts disagree on how many parts the set has: never complete. */
  readonly inconsistent: boolean;
  readonly complete: boolean;
}

export function groupItemSets(parts: Iterable<TaggedPart>): ItemSet[] {
  const byItem = new Map<string, TaggedPart[]>();
  for (const part of parts) byItem.set(part.tag.itemId, [...(byItem.get(part.tag.itemId) ?? []), part]);
  return [...byItem].map(([itemId, group]) => {
    const sizes = new Set(group.map((part) => part.tag.partsInSet));
    const partsInSet = Math.max(...sizes);
    const present = new Set(group.map((part) => part.tag.partNumber));
    const presentParts = [...present].sort((a, b) => a - b);
    const missingParts = Array.from({ length: partsInSet }, (_, i) => i + 1).filter((n) => !present.has(n));
    const inconsistent = sizes.size > 1;
    return {
      itemId,
      partsInSet,
      presentParts,
      missingParts,
      uids: group.map((part) => part.uid),
      inconsistent,
      complete: !inconsistent && missingParts.length === 0,
    };
  });
}
