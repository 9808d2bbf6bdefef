import { afterEach, describe, expect, it } from 'vitest';
import { fakeFeig, type FakeFeig } from './fake-feig.testkit';
import { simulatedTag } from './simulator/feig-simulator-core';
import { type PlacedItem, RfidPad, TagReadError } from './rfid-pad';
import { TagDecodeError } from './tag-codec';

const uid = (n: number) => `E0040100${n.toString(16).toUpperCase().padStart(8, '0')}`;
const part = (n: number, itemId: string, partNumber = 1, partsInSet = 1) =>
  simulatedTag(uid(n), { usage: 'circulating', partsInSet, partNumber, itemId, country: 'DK', isil: '710100' });

let fake: FakeFeig;
let pad: RfidPad;
afterEach(async () => {
  await pad?.stop();
  await fake?.reader.close();
});

function record(target: RfidPad) {
  const events: string[] = [];
  const placed: PlacedItem[] = [];
  target.on('item-placed', (item) => {
    placed.push(item);
    events.push(`placed ${item.uid} ${item.ok ? item.tag.itemId : item.error.name}`);
  });
  target.on('item-removed', ({ uid: removed }) => events.push(`removed ${removed}`));
  return { events, placed };
}

describe('RfidPad', () => {
  it('reports a stack of 12 items once stable, and each removal once gone', async () => {
    fake = await fakeFeig({ pageSize: 5 });
    pad = new RfidPad(fake.reader, { placedAfter: 2, removedAfter: 2 });
    const { events } = record(pad);
    for (let n = 1; n <= 12; n++) fake.core.placeTag(part(n, `item-${n}`));
    await pad.pollOnce();
    expect(events).toEqual([]);
    await pad.pollOnce();
    expect(events).toHaveLength(12);
    expect(events[0]).toBe(`placed ${uid(1)} item-1`);
    expect(pad.items().map((item) => item.uid)).toHaveLength(12);
    fake.core.removeTag(uid(3));
    await pad.pollOnce();
    await pad.pollOnce();
    expect(events.slice(12)).toEqual([`removed ${uid(3)}`]);
    expect(pad.items()).toHaveLength(11);
    // Memory is read once per placement, not on every inventory.
    expect(fake.core.log.filter((entry) => entry.sub === 0x23)).toHaveLength(12);
  });

  it('reports a corrupt tag with the decode error', async () => {
    fake = await fakeFeig();
    pad = new RfidPad(fake.reader, { placedAfter: 1 });
    const { placed } = record(pad);
    fake.core.placeTag({ uid: uid(9), memory: new Uint8Array(32), afi: 0x07 });
    await pad.pollOnce();
    expect(placed).toHaveLength(1);
    const [item] = placed;
    expect(item!.ok).toBe(false);
    if (!item!.ok) {
      expect(item!.error).toBeInstanceOf(TagDecodeError);
      expect((item!.error as TagDecodeError).reason).toBe('blank');
    }
  });

  it('retries an unreadable tag and reports it after the last attempt', async () => {
    fake = await fakeFeig({ timeoutMs: 20 });
    pad = new RfidPad(fake.reader, { placedAfter: 1, readAttempts: 2 });
    const { events } = record(pad);
    fake.core.placeTag(part(1, 'A'));
    const realTransform = fake.transformReply;
    fake.transformReply = (reply) => (reply[2] === 0xb0 && reply.length > 20 ? null : realTransform(reply));
    await pad.pollOnce();
    expect(events).toEqual([]);
    await pad.pollOnce();
    expect(events).toEqual([`placed ${uid(1)} TagReadError`]);
    expect(pad.items()[0]).toMatchObject({ ok: false });
    expect((pad.items()[0] as { error: unknown }).error).toBeInstanceOf(TagReadError);
  });

  it('keeps its items through a failed inventory', async () => {
    fake = await fakeFeig({ timeoutMs: 20 });
    pad = new RfidPad(fake.reader, { placedAfter: 1, removedAfter: 1 });
    const { events } = record(pad);
    const errors: string[] = [];
    pad.on('poll-error', (error) => errors.push(error.name));
    fake.core.placeTag(part(1, 'A'));
    await pad.pollOnce();
    fake.transformReply = () => null;
    await pad.pollOnce();
    expect(errors).toEqual(['FeigTimeoutError']);
    expect(events).toEqual([`placed ${uid(1)} A`]);
  });

  it('polls on its own once started', async () => {
    fake = await fakeFeig();
    pad = new RfidPad(fake.reader, { intervalMs: 5 });
    fake.core.placeTag(part(1, 'A'));
    const item = await new Promise<PlacedItem>((resolve) => {
      pad.once('item-placed', resolve);
      pad.start();
    });
    expect(item).toMatchObject({ uid: uid(1), ok: true, tag: { itemId: 'A' } });
  });
});
