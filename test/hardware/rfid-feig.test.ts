// The FEIG driver, RFID pad and simulator over real socat ptys: paging, AFI retry, replug.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireTool } from '../support/required-tools';
import { FeigReader } from '../../hardware/rfid/feig/reader';
import { IsoCommand } from '../../hardware/rfid/feig/commands';
import { FeigSimulator } from '../../hardware/rfid/simulator/feig-simulator';
import { simulatedTag } from '../../hardware/rfid/simulator/feig-simulator-core';
import { type PlacedItem, RfidPad } from '../../hardware/rfid/rfid-pad';
import { groupItemSets } from '../../hardware/rfid/item-sets';
import { decodeTag } from '../../hardware/rfid/tag-codec';
import { SimulatorCommandError, simulators } from '../../hardware/simulators';
import { eventually, ReplugablePty } from './pty-helpers';

const uid = (n: number) => `E0040150${n.toString(16).toUpperCase().padStart(8, '0')}`;
const tag = (n: number, itemId = `3000${n}`, partNumber = 1, partsInSet = 1) =>
  simulatedTag(uid(n), { usage: 'circulating', partsInSet, partNumber, itemId, country: 'DK', isil: '761500' });

describe.skipIf(!requireTool('socat'))('FEIG reader over a pty', () => {
  let pty: ReplugablePty;
  let sim: FeigSimulator;
  let reader: FeigReader;

  beforeEach(async () => {
    pty = new ReplugablePty();
    await pty.plug();
    // Realistic line timing (38400 baud 8E1) so the paging runs at the speed of real bytes.
    sim = new FeigSimulator({ path: pty.simulatorLink, pageSize: 5, timing: { baudRate: 38400 } });
    await sim.start();
    reader = new FeigReader({ path: pty.deviceLink, timeoutMs: 500, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } });
    await reader.open();
    await reader.whenConnected(2000);
  });

  afterEach(async () => {
    await reader.close();
    await sim.stop();
    await pty.dispose();
  });

  it('lists 12 tags through the 0x94 more-data loop and reads each one\'s data model', async () => {
    for (let n = 1; n <= 12; n++) sim.placeTag(tag(n));
    const records = await reader.inventory();
    expect(records.map((r) => r.uid)).toEqual(Array.from({ length: 12 }, (_, i) => uid(i + 1)));
    expect(sim.core.log.filter((entry) => entry.sub === IsoCommand.inventory)).toHaveLength(3);
    const items = [];
    for (const record of records) items.push(decodeTag(await reader.readUserMemory(record.uid)));
    expect(items.map((item) => item.itemId)).toEqual(Array.from({ length: 12 }, (_, i) => `3000${i + 1}`));
    expect(items[0]).toMatchObject({ usage: 'circulating', country: 'DK', isil: '761500', partsInSet: 1, partNumber: 1 });
  });

  it('the pad reports a stack of 12 with a 3-part set, and set completeness follows', async () => {
    for (let n = 1; n <= 9; n++) sim.placeTag(tag(n));
    for (let part = 1; part <= 3; part++) sim.placeTag(tag(100 + part, 'BOX-7', part, 3));
    const pad = new RfidPad(reader, { intervalMs: 10, placedAfter: 2, removedAfter: 2 });
    const placed: PlacedItem[] = [];
    const removed: string[] = [];
    pad.on('item-placed', (item) => placed.push(item));
    pad.on('item-removed', (item) => removed.push(item.uid));
    pad.start();
    try {
      await eventually(() => placed.length === 12);
      expect(placed.every((item) => item.ok)).toBe(true);
      const complete = () => groupItemSets(pad.items().flatMap((item) => (item.ok ? [item] : []))).find((set) => set.itemId === 'BOX-7');
      expect(complete()).toMatchObject({ complete: true, presentParts: [1, 2, 3] });
      sim.removeTag(uid(102));
      await eventually(() => removed.length === 1);
      expect(removed).toEqual([uid(102)]);
      expect(complete()).toMatchObject({ complete: false, missingParts: [2] });
    } finally {
      await pad.stop();
    }
  });

  it('writes an AFI, survives one induced failure, and verifies it by reading back', async () => {
    sim.placeTag(tag(1));
    sim.failAfiWrites(1, 'status');
    await reader.writeAfi(uid(1), 0xc2);
    expect(sim.core.tag(uid(1))?.afi).toBe(0xc2);
    const writes = sim.core.log.filter((entry) => entry.sub === IsoCommand.writeAfi);
    const readBacks = sim.core.log.filter((entry) => entry.sub === IsoCommand.getSystemInformation);
    expect(writes).toHaveLength(2);
    expect(readBacks).toHaveLength(1);
    expect(await reader.readAfi(uid(1))).toBe(0xc2);
  });

  it('recovers when the reader is unplugged and plugged back in at the same path', async () => {
    sim.placeTag(tag(1));
    expect(await reader.inventory()).toHaveLength(1);
    const states: string[] = [];
    reader.on('status', (status) => states.push(`${status.state} ${status.detail ?? ''}`));
    await pty.unplug();
    // A command notices the loss at once (the write fails); an idle link may not (see README).
    await eventually(async () => {
      await reader.inventory().catch(() => undefined);
      return reader.status().state === 'disconnected';
    }).catch((error: Error) => {
      throw new Error(`${error.message}; reader states: ${states.join(' | ')}`);
    });
    await expect(reader.inventory()).rejects.toMatchObject({ name: 'FeigNotConnectedError' });
    await pty.plug();
    await reader.whenConnected(3000);
    await eventually(() => sim.status().state === 'connected');
    await eventually(async () => (await reader.inventory().catch(() => [])).length === 1).catch((error: Error) => {
      throw new Error(`${error.message}; reader states: ${states.join(' | ')}; simulator ${sim.status().state}`);
    });
    expect(await reader.inventory()).toEqual([{ transponderType: 3, dsfid: 0, uid: uid(1) }]);
    expect(reader.status().state).toBe('connected');
  });
});

describe.skipIf(!requireTool('socat'))('kiosk simulate rfid (registry entry)', () => {
  it('places items by command that the real driver then reads', async () => {
    const pty = new ReplugablePty();
    const sim = await simulators.rfid!.start(pty.deviceLink);
    const reader = new FeigReader({ path: pty.deviceLink, timeoutMs: 500 });
    try {
      await reader.open();
      await reader.whenConnected(2000);
      expect(await sim.command('stack 3 BOG')).toBe('placed 3 items');
      expect(await sim.command('place e004015000000abc 4711 2/2 c2')).toBe('placed E004015000000ABC (4711, part 2 of 2)');
      await expect(sim.command('place nope 1')).rejects.toBeInstanceOf(SimulatorCommandError);
      const records = await reader.inventory();
      expect(records).toHaveLength(4);
      expect(decodeTag(await reader.readUserMemory('E004015000000ABC'))).toMatchObject({ itemId: '4711', partNumber: 2, partsInSet: 2 });
      expect(await reader.readAfi('E004015000000ABC')).toBe(0xc2);
      await sim.command('afi-fail 1');
      await reader.writeAfi('E004015000000ABC', 0x07);
      expect(await sim.command('list')).toContain('E004015000000ABC 4711 2/2 AFI 0x07');
      expect(await sim.command('remove E004015000000ABC')).toBe('removed E004015000000ABC');
      expect(await reader.inventory()).toHaveLength(3);
    } finally {
      await reader.close();
      await sim.stop();
      await pty.dispose();
    }
  });
});
