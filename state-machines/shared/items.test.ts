import { describe, expect, it } from 'vitest';
import type { PlacedTag } from '../ports';
import { markProcessing, nextQueued, placeTag, recordOutcome, removeTag, type ItemEntry } from './items';

const t = (uid: string, itemId: string | null, partNumber = 1, partsInSet = 1, error?: string): PlacedTag =>
  error === undefined ? { uid, itemId, partNumber, partsInSet } : { uid, itemId, partNumber, partsInSet, error };
const place = (...tags: PlacedTag[]) => tags.reduce<ItemEntry<string>[]>((items, tag) => placeTag(items, tag), []);

describe('items on the pad', () => {
  it('queues single items in placement order and ignores a tag seen twice', () => {
    const items = place(t('u1', 'A'), t('u2', 'B'), t('u1', 'A'));
    expect(items.map((i) => [i.key, i.status])).toEqual([['A', 'queued'], ['B', 'queued']]);
    expect(nextQueued(items)?.key).toBe('A');
  });

  it('holds a set until every part is present, then queues it at its first placement', () => {
    let items = place(t('s1', 'S', 1, 3), t('a', 'A'), t('s3', 'S', 3, 3));
    expect(items.map((i) => [i.key, i.status])).toEqual([['S', 'incomplete-set'], ['A', 'queued']]);
    expect(nextQueued(items)?.key).toBe('A');
    items = placeTag(items, t('s2', 'S', 2, 3));
    expect(items[0]).toMatchObject({ key: 'S', status: 'queued', parts: [{ uid: 's1', partNumber: 1 }, { uid: 's3', partNumber: 3 }, { uid: 's2', partNumber: 2 }] });
    expect(nextQueued(items)?.key).toBe('S');
  });

  it('does not count the same part number twice', () => {
    const items = place(t('s1', 'S', 1, 2), t('s1b', 'S', 1, 2));
    expect(items[0]?.status).toBe('incomplete-set');
  });

  it('marks an undecodable tag or one without an item id as unreadable', () => {
    const items = place(t('bad', 'X', 1, 1, 'CRC mismatch'), t('blank', null));
    expect(items.map((i) => [i.key, i.itemId, i.status])).toEqual([
      ['tag:bad', null, 'unreadable'],
      ['tag:blank', null, 'unreadable'],
    ]);
    expect(nextQueued(items)).toBeUndefined();
  });

  it('forgets lifted tags before handling, but keeps handled items', () => {
    let items = place(t('s1', 'S', 1, 2), t('s2', 'S', 2, 2), t('a', 'A'), t('bad', null));
    items = removeTag(items, 's2');
    expect(items.map((i) => [i.key, i.status])).toEqual([['S', 'incomplete-set'], ['A', 'queued'], ['tag:bad', 'unreadable']]);
    items = removeTag(removeTag(items, 's1'), 'bad');
    expect(items.map((i) => i.key)).toEqual(['A']);
    items = recordOutcome(markProcessing(items, 'A'), 'A', 'ok');
    expect(removeTag(items, 'a')).toEqual([{ key: 'A', itemId: 'A', parts: [{ uid: 'a', partNumber: 1 }], partsInSet: 1, status: 'done', outcome: 'ok' }]);
  });

  it('ignores a late part of a set that is already being handled', () => {
    const items = markProcessing(place(t('s1', 'S', 1, 2), t('s2', 'S', 2, 2)), 'S');
    expect(placeTag(items, t('s2b', 'S', 2, 2))).toEqual(items);
  });
});

describe('an item that failed in a way placing it again can fix', () => {
  type Outcome = { ok: boolean; itemId: string; reason?: string };
  const placeAll = (...tags: PlacedTag[]) => tags.reduce<ItemEntry<Outcome>[]>((items, tag) => placeTag(items, tag), []);
  const failed = (items: ItemEntry<Outcome>[], key: string, reason: string) => recordOutcome(markProcessing(items, key), key, { ok: false, itemId: key, reason });

  it('is queued again when it is lifted and placed again (a set: the lifted part)', () => {
    let items = failed(placeAll(t('s1', 'S', 1, 2), t('s2', 'S', 2, 2)), 'S', 'afi-write-failed');
    items = removeTag(items, 's2');
    expect(items[0]).toMatchObject({ key: 'S', status: 'incomplete-set', outcome: null });
    items = placeTag(items, t('s2', 'S', 2, 2));
    expect(nextQueued(items)?.key).toBe('S');
  });

  it('keeps a refusal the pad cannot change, and a success', () => {
    let items = failed(placeAll(t('a', 'A'), t('b', 'B')), 'A', 'reserved-by-another');
    items = recordOutcome(markProcessing(items, 'B'), 'B', { ok: true, itemId: 'B' });
    items = placeTag(removeTag(removeTag(items, 'a'), 'b'), t('a', 'A'));
    expect(items.map((i) => [i.key, i.status])).toEqual([['A', 'done'], ['B', 'done']]);
    expect(nextQueued(items)).toBeUndefined();
  });
});
