import { afterEach, describe, expect, it } from 'vitest';
import { fakeFeig, type FakeFeig } from '../fake-feig.testkit';
import { simulatedTag } from '../simulator/feig-simulator-core';
import { decodeTag } from '../tag-codec';
import { AfiWriteError, FeigNotConnectedError, FeigStatusError, FeigTimeoutError } from './errors';
import { IsoCommand } from './commands';

const uid = (n: number) => `E0040100${n.toString(16).toUpperCase().padStart(8, '0')}`;
const book = (n: number, afi = 0x07) => simulatedTag(uid(n), { usage: 'circulating', partsInSet: 1, partNumber: 1, itemId: `${5000 + n}`, country: 'DK', isil: '710100' }, afi);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

let fake: FakeFeig;
afterEach(async () => {
  await fake?.reader.close();
});

describe('FeigReader against the simulator core', () => {
  it('follows status 0x94 until every one of 12 tags is listed', async () => {
    fake = await fakeFeig({ pageSize: 5 });
    for (let n = 1; n <= 12; n++) fake.core.placeTag(book(n));
    const records = await fake.reader.inventory();
    expect(records.map((r) => r.uid)).toEqual(Array.from({ length: 12 }, (_, i) => uid(i + 1)));
    // Three requests: a new inventory, then two with the MORE bit.
    const inventories = fake.device.writes.map(hex).filter((w) => w.startsWith('07ffb001'));
    expect(inventories.map((w) => w.slice(8, 10))).toEqual(['00', '80', '80']);
    expect(fake.device.writes[0] && hex(fake.device.writes[0])).toBe('07ffb001001c56');
  });

  it('speaks advanced frames when configured', async () => {
    fake = await fakeFeig({ frameFormat: 'advanced', pageSize: 2 });
    for (let n = 1; n <= 3; n++) fake.core.placeTag(book(n));
    expect(await fake.reader.inventory()).toHaveLength(3);
    expect(hex(fake.device.writes[0]!)).toBe('020009ffb001001843');
    expect(decodeTag(await fake.reader.readUserMemory(uid(3))).itemId).toBe('5003');
  });

  it('returns no tags on status 0x01 and reads a tag\'s user memory by blocks', async () => {
    fake = await fakeFeig();
    expect(await fake.reader.inventory()).toEqual([]);
    fake.core.placeTag(book(7));
    const memory = await fake.reader.readUserMemory(uid(7));
    expect(decodeTag(memory)).toMatchObject({ itemId: '5007', country: 'DK', isil: '710100' });
    await expect(fake.reader.readUserMemory(uid(8))).rejects.toMatchObject({ name: 'FeigStatusError', status: 0x01 });
  });

  it('writes user memory blocks', async () => {
    fake = await fakeFeig();
    fake.core.placeTag(book(1));
    const memory = book(2).memory;
    await fake.reader.writeUserMemory(uid(1), memory);
    expect(hex(fake.core.tag(uid(1))!.memory)).toBe(hex(memory));
  });

  it.each(['status', 'not-applied'] as const)('verifies the AFI and retries after one failed write (%s)', async (mode) => {
    fake = await fakeFeig();
    fake.core.placeTag(book(1));
    fake.core.failAfiWrites(1, mode);
    await fake.reader.writeAfi(uid(1), 0xc2);
    expect(fake.core.tag(uid(1))!.afi).toBe(0xc2);
    expect(fake.core.log.filter((entry) => entry.sub === IsoCommand.writeAfi)).toHaveLength(2);
  });

  it('gives up with AfiWriteError when the AFI never reads back', async () => {
    fake = await fakeFeig({ afiRetries: 2 });
    fake.core.placeTag(book(1));
    fake.core.failAfiWrites(10, 'not-applied');
    const error = await fake.reader.writeAfi(uid(1), 0xc2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AfiWriteError);
    expect(error).toMatchObject({ uid: uid(1), wanted: 0xc2, attempts: 3 });
    expect(fake.core.tag(uid(1))!.afi).toBe(0x07);
  });

  it('refuses to write a locked AFI with the ISO error status', async () => {
    fake = await fakeFeig({ afiRetries: 0 });
    fake.core.placeTag(book(1));
    await fake.reader.lockAfi(uid(1));
    const error = (await fake.reader.writeAfi(uid(1), 0xc2).catch((e: unknown) => e)) as AfiWriteError;
    expect(error.lastError).toBeInstanceOf(FeigStatusError);
    expect((error.lastError as FeigStatusError).status).toBe(0x95);
  });

  it('sends one command at a time', async () => {
    fake = await fakeFeig();
    fake.core.placeTag(book(1));
    let outstanding = 0;
    let maxOutstanding = 0;
    const answer = fake.device.onWrite!;
    fake.device.onWrite = (bytes) => {
      maxOutstanding = Math.max(maxOutstanding, ++outstanding);
      setTimeout(() => {
        outstanding--;
        answer(bytes);
      }, 5);
    };
    const results = await Promise.all([fake.reader.inventory(), fake.reader.readUserMemory(uid(1)), fake.reader.rfReset(), fake.reader.inventory()]);
    expect(results[0]).toHaveLength(1);
    expect(maxOutstanding).toBe(1);
  });

  it('times out, names the bad frame it got instead, and reports a silent reader', async () => {
    fake = await fakeFeig({ timeoutMs: 30, silentLimit: 2 });
    fake.transformReply = (reply) => Uint8Array.from(reply, (byte, i) => (i === reply.length - 1 ? byte ^ 0x55 : byte));
    const first = await fake.reader.rfReset().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(FeigTimeoutError);
    expect((first as FeigTimeoutError).lastFrameError?.reason).toBe('bad-crc');
    fake.transformReply = () => null;
    await expect(fake.reader.inventory()).rejects.toBeInstanceOf(FeigTimeoutError);
    expect(fake.reader.status()).toMatchObject({ state: 'error', detail: 'reader not answering (2 commands timed out)' });
    fake.transformReply = (reply) => reply;
    await fake.reader.rfReset();
    expect(fake.reader.status().state).toBe('connected');
  });

  it('ignores a late reply to an earlier command', async () => {
    fake = await fakeFeig({ timeoutMs: 40 });
    fake.core.placeTag(book(1));
    let delayNext = true;
    const answer = fake.device.onWrite!;
    fake.device.onWrite = (bytes) => {
      if (delayNext) {
        delayNext = false;
        setTimeout(() => answer(bytes), 60);
      } else answer(bytes);
    };
    await expect(fake.reader.readUserMemory(uid(1))).rejects.toBeInstanceOf(FeigTimeoutError);
    const records = await fake.reader.inventory();
    expect(records.map((r) => r.uid)).toEqual([uid(1)]);
  });

  it('fails fast when the reader is unplugged', async () => {
    fake = await fakeFeig();
    fake.device.unplug();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fake.reader.status().state).toBe('disconnected');
    await expect(fake.reader.inventory()).rejects.toBeInstanceOf(FeigNotConnectedError);
  });
});
