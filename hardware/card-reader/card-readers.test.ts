import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSerialBinding } from '../serial/fake-binding.testkit';
import { bootReport } from '../hid/boot-keyboard';
import { loadReports } from '../hid/fixtures.testkit';
import type { Card, CardRejection } from './card';
import { CardReads } from './card-reads';
import { HidWedgeSimulator, cardText } from './card-reader-sim';
import { HidCardReader } from './hid-card-reader';
import { SerialCardReader } from './serial-card-reader';
import { loadChunks } from './fixtures.testkit';
import type { CardReader } from './card-reader';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function collect(reader: Pick<CardReader, 'on'>) {
  const seen: string[] = [];
  const cards: Card[] = [];
  reader.on('card', (card) => {
    cards.push(card);
    seen.push(card.kind === 'health-card' ? `cpr:${card.cpr}` : `card:${card.cardNumber}`);
  });
  reader.on('rejected', (r: CardRejection) => seen.push(r.reason));
  return { seen, cards };
}

describe('CardReads', () => {
  afterEach(() => vi.useRealTimers());

  it('de-duplicates the same card within the repeat window, sliding with each read', () => {
    let now = 0;
    const seen: string[] = [];
    const reads = new CardReads(
      { repeatWindowMs: 1000, now: () => now },
      { card: (c) => seen.push(c.kind === 'health-card' ? `cpr:${c.cpr}` : `card:${c.cardNumber}`), rejected: (r) => seen.push(r.reason) },
    );
    reads.read('0101801234');
    now = 999;
    reads.read('0101801234');
    now = 1998;
    reads.read('0101801234');
    now = 3000;
    reads.read('0101801234');
    reads.read('B7341234');
    reads.read('0101801234');
    expect(seen).toEqual(['cpr:0101801234', 'repeat', 'repeat', 'cpr:0101801234', 'card:B7341234', 'cpr:0101801234']);
  });

  it('joins a track 1 line with the track 2 line after it, or rejects it after the join time', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const reads = new CardReads({ trackJoinMs: 300 }, { card: (c) => seen.push(`${c.kind}:${c.kind === 'health-card' ? c.holderName : ''}`), rejected: (r) => seen.push(r.reason) });
    const [track1, track2] = cardText({ cpr: '0101801234', format: 'tracks1and2', firstName: 'Ib', lastName: 'Ås' }).split('?;');
    reads.read(`${track1}?`);
    expect(seen).toEqual([]);
    reads.read(`;${track2}`);
    expect(seen).toEqual(['health-card:IB ÅS']);
    reads.read(`${track1}?`);
    vi.advanceTimersByTime(300);
    expect(seen).toEqual(['health-card:IB ÅS', 'track1-only']);
  });
});

describe('SerialCardReader (fake binding)', () => {
  let reader: SerialCardReader | undefined;
  afterEach(() => reader?.close());

  it('turns the recorded serial session into cards and reasons', async () => {
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/ttyUSB0');
    reader = new SerialCardReader({ path: '/dev/ttyUSB0', binding, suffix: 'CR' });
    const { seen, cards } = collect(reader);
    await reader.open();
    for (const chunk of loadChunks('serial-reader-session')) {
      device.send(chunk);
      await flush();
    }
    expect(seen).toEqual(['cpr:0101801234', 'half-read', 'garbage', 'cpr:1505904321', 'repeat', 'card:B7341234']);
    expect(cards[0]?.kind === 'health-card' && cards[0].holderName).toBe('SØREN JENSEN');
  });

  it('drops an overlong read with a reason and reads the next one', async () => {
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/ttyS1');
    reader = new SerialCardReader({ path: '/dev/ttyS1', binding, suffix: 'LF' });
    const { seen } = collect(reader);
    await reader.open();
    device.send(Buffer.alloc(300, 0x31));
    await flush();
    device.send('\nB7341234\n');
    await flush();
    expect(seen).toEqual(['too-long', 'card:B7341234']);
  });
});

describe('HidCardReader (HidDevice interface)', () => {
  let reader: HidCardReader | undefined;
  afterEach(() => reader?.close());

  it('reads the recorded wedge barcode capture as a health card', async () => {
    const wedge = new HidWedgeSimulator();
    reader = new HidCardReader({ selector: { vendorId: 0x0c2e, productId: 0x0b61 }, open: async () => wedge });
    const { seen } = collect(reader);
    await reader.open();
    for (const report of loadReports('wedge-barcode')) wedge.emit('data', report);
    expect(seen).toEqual(['cpr:0101801234']);
  });

  it('reads a magstripe typed by the wedge simulator, with shift keys', async () => {
    const wedge = new HidWedgeSimulator();
    reader = new HidCardReader({ selector: { path: '/dev/hidraw0' }, open: async () => wedge, repeatWindowMs: 0 });
    const { seen } = collect(reader);
    await reader.open();
    wedge.swipe({ cpr: '1505904321', format: 'tracks1and2' });
    wedge.swipe({ cardNumber: 'B7341234' });
    expect(seen).toEqual(['cpr:1505904321', 'card:B7341234']);
  });

  it('drops a read that broke off and honours backspace', async () => {
    let now = 0;
    const wedge = new HidWedgeSimulator();
    reader = new HidCardReader({ selector: { path: 'x' }, open: async () => wedge, maxKeyGapMs: 500, now: () => now });
    const { seen } = collect(reader);
    await reader.open();
    wedge.typeText('01018', false);
    now = 2000;
    wedge.typeText('B7341234X', false);
    wedge.emit('data', bootReport([0x2a]));
    wedge.emit('data', bootReport([0x28]));
    expect(seen).toEqual(['half-read', 'card:B7341234']);
  });

  it('reports disconnected when the wedge is unplugged', async () => {
    const wedge = new HidWedgeSimulator();
    reader = new HidCardReader({ selector: { path: 'x' }, open: async () => wedge, reconnect: false });
    await reader.open();
    wedge.unplug();
    expect(reader.status()).toMatchObject({ state: 'disconnected', detail: 'lost: could not read from HID device' });
  });
});
