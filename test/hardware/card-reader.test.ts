// Serial card reader driver against the card reader simulator over real socat ptys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireTool } from '../support/required-tools';
import { SerialCardReader } from '../../hardware/card-reader/serial-card-reader';
import { SerialCardReaderSimulator } from '../../hardware/card-reader/card-reader-sim';
import type { Card, CardRejection } from '../../hardware/card-reader/card';
import { ReplugablePty, eventually } from './pty-helpers';

describe.skipIf(!requireTool('socat'))('serial card reader over a pty', () => {
  let pty: ReplugablePty;
  let reader: SerialCardReader;
  let sim: SerialCardReaderSimulator;
  const cards: Card[] = [];
  const rejections: CardRejection[] = [];

  beforeEach(async () => {
    cards.length = 0;
    rejections.length = 0;
    pty = new ReplugablePty();
    await pty.plug();
    sim = new SerialCardReaderSimulator({ path: pty.simulatorLink, suffix: 'CRLF' });
    await sim.start();
    reader = new SerialCardReader({ path: pty.deviceLink, suffix: 'CRLF', repeatWindowMs: 0, reconnect: { initialDelayMs: 20, maxDelayMs: 100 } });
    reader.on('card', (card) => cards.push(card));
    reader.on('rejected', (r) => rejections.push(r));
    expect((await reader.open()).state).toBe('connected');
  });

  afterEach(async () => {
    await reader.close();
    await sim.stop();
    await pty.dispose();
  });

  const cpr = (card: Card | undefined) => (card?.kind === 'health-card' ? card.cpr : null);

  it('reads health cards in every format and library cards', async () => {
    await sim.swipe({ cpr: '010180-1234', format: 'tracks1and2', firstName: 'Søren', lastName: 'Ærø' });
    await sim.swipe({ cpr: '1505904321', format: 'barcode' });
    await sim.swipe({ cpr: '0707614285', format: 'track2' });
    await sim.swipe({ cardNumber: 'B7341234' });
    await eventually(() => cards.length === 4);
    expect(cards.map((c) => (c.kind === 'health-card' ? c.cpr : c.cardNumber))).toEqual(['0101801234', '1505904321', '0707614285', 'B7341234']);
    expect(cards[0]?.kind === 'health-card' && cards[0].holderName).toBe('SØREN ÆRØ');
  });

  it('rejects a half read and line noise with reasons, then reads the next card', async () => {
    await sim.sendRaw(';1208100001018\r\n');
    await sim.sendRaw(Buffer.from([0x00, 0x13, 0xff, 0x0d, 0x0a]));
    await sim.swipe({ cpr: '1505904321', format: 'barcode' });
    await eventually(() => cards.length === 1);
    expect(rejections.map((r) => r.reason)).toEqual(['half-read', 'garbage']);
    expect(cpr(cards[0])).toBe('1505904321');
  });

  it('reconnects after the reader is unplugged and plugged back in', async () => {
    await pty.unplug();
    await eventually(() => reader.status().state === 'disconnected');
    await pty.plug();
    await sim.link.whenConnected(5000);
    await eventually(() => reader.status().state === 'connected');
    await sim.swipe({ cpr: '0101801234', format: 'track2' });
    await eventually(() => cards.length === 1);
    expect(cpr(cards[0])).toBe('0101801234');
  });
});
