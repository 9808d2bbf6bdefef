import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakeSerialBinding } from '../serial/fake-binding.testkit';
import { loadReports } from '../hid/fixtures.testkit';
import type { PinKey } from './pin-key';
import { decodeSerialKeypad, encodeSerialKeypad } from './serial-keypad-codec';
import { HidKeypadSimulator, keysFromScript } from './pin-pad-sim';
import { HidPinPad } from './hid-pin-pad';
import { SerialPinPad } from './serial-pin-pad';

const show = (keys: PinKey[]) => keys.map((k) => (k.type === 'digit' ? k.digit : `<${k.type}>`)).join('');
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('serial keypad codec', () => {
  it('decodes exact bytes: digits, # enter, * clear, BS backspace; ignores CR LF', () => {
    const decoded = decodeSerialKeypad(Buffer.from([0x31, 0x32, 0x33, 0x34, 0x23, 0x2a, 0x08, 0x0d, 0x0a, 0x30]));
    expect(show(decoded.keys)).toBe('1234<enter><clear><backspace>0');
    expect(decoded.ignored).toBe(2);
  });

  it('encodes keys to the bytes a keypad sends', () => {
    expect(encodeSerialKeypad(keysFromScript('90#*<'))).toEqual(Buffer.from([0x39, 0x30, 0x23, 0x2a, 0x08]));
  });

  it('property: random bytes never throw; keys + ignored = bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const { keys, ignored } = decodeSerialKeypad(bytes);
        expect(keys.length + ignored).toBe(bytes.length);
      }),
    );
  });

  it('a digit key never shows its digit in JSON or inspect', () => {
    const keys = decodeSerialKeypad(Buffer.from('7391#')).keys;
    expect(JSON.stringify(keys)).toBe('[{"type":"digit","digit":"*"},{"type":"digit","digit":"*"},{"type":"digit","digit":"*"},{"type":"digit","digit":"*"},{"type":"enter"}]');
    expect(inspect(keys)).not.toMatch(/[7391]/);
    expect(show(keys)).toBe('7391<enter>');
  });
});

describe('SerialPinPad (fake binding)', () => {
  let pad: SerialPinPad | undefined;
  afterEach(() => pad?.close());

  it('emits one key per byte', async () => {
    const binding = new FakeSerialBinding();
    const device = binding.device('/dev/ttyUSB2');
    pad = new SerialPinPad({ path: '/dev/ttyUSB2', binding });
    const keys: PinKey[] = [];
    pad.on('key', (k) => keys.push(k));
    await pad.open();
    device.send('12');
    device.send('*56#');
    await flush();
    expect(show(keys)).toBe('12<clear>56<enter>');
  });
});

describe('HidPinPad (HidDevice interface)', () => {
  let pad: HidPinPad | undefined;
  afterEach(() => pad?.close());

  it('decodes the recorded numeric keypad capture', async () => {
    const sim = new HidKeypadSimulator();
    pad = new HidPinPad({ selector: { vendorId: 0x1c4f, productId: 0x0002 }, open: async () => sim });
    const keys: PinKey[] = [];
    pad.on('key', (k) => keys.push(k));
    await pad.open();
    for (const report of loadReports('numeric-keypad')) sim.emit('data', report);
    expect(show(keys)).toBe('1234<enter><clear><backspace>');
  });

  it('follows the simulator script and reports an unplug', async () => {
    const sim = new HidKeypadSimulator();
    pad = new HidPinPad({ selector: { path: '/dev/hidraw1' }, open: async () => sim, reconnect: false });
    const keys: PinKey[] = [];
    pad.on('key', (k) => keys.push(k));
    await pad.open();
    sim.type('0042');
    sim.clear();
    sim.press('9<8');
    sim.enter();
    expect(show(keys)).toBe('0042<clear>9<backspace>8<enter>');
    sim.unplug();
    expect(pad.status().state).toBe('disconnected');
  });
});
