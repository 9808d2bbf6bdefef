import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TagPresenceTracker } from './presence';
import { groupItemSets } from './item-sets';
import type { LibraryTag } from './tag-codec';

describe('TagPresenceTracker', () => {
  it('places a tag after N inventories in a row and removes it after M missing', () => {
    const tracker = new TagPresenceTracker({ placedAfter: 2, removedAfter: 3 });
    expect(tracker.update(['A'])).toEqual({ placed: [], removed: [] });
    expect(tracker.update(['A', 'B'])).toEqual({ placed: ['A'], removed: [] });
    expect(tracker.update(['B'])).toEqual({ placed: ['B'], removed: [] });
    expect(tracker.update(['B'])).toEqual({ placed: [], removed: [] });
    expect(tracker.update(['B'])).toEqual({ placed: [], removed: ['A'] });
    expect(tracker.present()).toEqual(['B']);
  });

  it('ignores a flicker: one missed inventory neither removes nor a single sighting places', () => {
    const tracker = new TagPresenceTracker({ placedAfter: 2, removedAfter: 2 });
    tracker.update(['A']);
    tracker.update(['A']);
    expect(tracker.update([])).toEqual({ placed: [], removed: [] });
    expect(tracker.update(['A', 'X'])).toEqual({ placed: [], removed: [] });
    expect(tracker.update(['A'])).toEqual({ placed: [], removed: [] });
    expect(tracker.present()).toEqual(['A']);
  });

  it('handles a stack of 15 tags placed at once', () => {
    const tracker = new TagPresenceTracker();
    const stack = Array.from({ length: 15 }, (_, i) => `T${i}`);
    tracker.update(stack);
    expect(tracker.update(stack).placed).toEqual(stack);
    expect(tracker.update(stack.slice(5)).removed).toEqual([]);
    expect(tracker.update(stack.slice(5)).removed).toEqual(stack.slice(0, 5));
  });

  it('never places or removes a tag twice in a row (random inventories)', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray(['A', 'B', 'C', 'D']), { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), (rounds, n, m) => {
        const tracker = new TagPresenceTracker({ placedAfter: n, removedAfter: m });
        const on = new Set<string>();
        for (const seen of rounds) {
          const { placed, removed } = tracker.update(seen);
          for (const uid of placed) {
            expect(on.has(uid)).toBe(false);
            on.add(uid);
          }
          for (const uid of removed) expect(on.delete(uid)).toBe(true);
          expect([...on].sort()).toEqual(tracker.present().sort());
        }
      }),
    );
  });
});

describe('groupItemSets', () => {
  const part = (uid: string, itemId: string, partNumber: number, partsInSet: number) => ({
    uid,
    tag: { version: 1, usage: 'circulating', usageCode: 1, partsInSet, partNumber, itemId, country: 'DK', isil: '710100' } satisfies LibraryTag,
  });

  it('says a set is complete only when every part is present', () => {
    const sets = groupItemSets([part('1', 'BOX', 1, 3), part('2', 'BOOK', 1, 1), part('3', 'BOX', 3, 3)]);
    expect(sets).toEqual([
      { itemId: 'BOX', partsInSet: 3, presentParts: [1, 3], missingParts: [2], uids: ['1', '3'], inconsistent: false, complete: false },
      { itemId: 'BOOK', partsInSet: 1, presentParts: [1], missingParts: [], uids: ['2'], inconsistent: false, complete: true },
    ]);
    expect(groupItemSets([part('1', 'BOX', 1, 3), part('2', 'BOX', 2, 3), part('3', 'BOX', 3, 3)])[0]!.complete).toBe(true);
  });

  it('never calls a set complete when its parts disagree on the set size', () => {
    const [set] = groupItemSets([part('1', 'BOX', 1, 2), part('2', 'BOX', 2, 3)]);
    expect(set).toMatchObject({ partsInSet: 3, missingParts: [3], inconsistent: true, complete: false });
    const [twoParts] = groupItemSets([part('1', 'CD', 1, 2), part('2', 'CD', 2, 2), part('3', 'CD', 1, 1)]);
    expect(twoParts).toMatchObject({ inconsistent: true, complete: false });
  });
});
