// Serial PIN pad driver against the PIN pad simulator over real socat ptys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireTool } from '../support/required-tools';
import { SerialPinPad } from '../../hardware/pin-pad/serial-pin-pad';
import { SerialPinPadSimulator } from '../../hardware/pin-pad/pin-pad-sim';
import type { PinKey } from '../../hardware/pin-pad/pin-key';
import { ReplugablePty, eventually } from './pty-helpers';

const show = (keys: PinKey[]) => keys.map((k) => (k.type === 'digit' ? k.digit : `<${k.type}>`)).join('');

describe.skipIf(!requireTool('socat'))('serial PIN pad over a pty', () => {
  let pty: ReplugablePty;
  let pad: SerialPinPad;
  let sim: SerialPinPadSimulator;
  const keys: PinKey[] = [];

  beforeEach(async () => {
    keys.length = 0;
    pty = new ReplugablePty();
    await pty.plug();
    sim = new SerialPinPadSimulator({ path: pty.simulatorLink });
    await sim.start();
    pad = new SerialPinPad({ path: pty.deviceLink, reconnect: { initialDelayMs: 20, maxDelayMs: 100 } });
    pad.on('key', (k) => keys.push(k));
    await pad.open();
  });

  afterEach(async () => {
    await pad.close();
    await sim.stop();
    await pty.dispose();
  });

  it('passes digits, clear and enter in order', async () => {
    await sim.type('12');
    await sim.clear();
    await sim.type('4711');
    await sim.enter();
    await eventually(() => keys.length === 8);
    expect(show(keys)).toBe('12<clear>4711<enter>');
  });

  it('keeps working after an unplug and replug', async () => {
    await pty.unplug();
    await eventually(() => pad.status().state === 'disconnected');
    await pty.plug();
    await sim.link.whenConnected(5000);
    await eventually(() => pad.status().state === 'connected');
    await sim.press('0000#');
    await eventually(() => keys.length === 5);
    expect(show(keys)).toBe('0000<enter>');
  });
});
