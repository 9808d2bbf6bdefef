import { describe, expect, it } from 'vitest';
import { main } from './main';
import { formatInventory } from './devices-command';
import { commands } from './commands';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('kiosk devices / kiosk simulate', () => {
  it('are registered', () => {
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['devices', 'simulate']));
  });

  it('formats an inventory for a technician', () => {
    const text = formatInventory({
      serial: [{ kind: 'serial', path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: '1a86', matches: ['lock'] }],
      hid: [{ kind: 'hid', path: '/dev/hidraw0', vendorId: '1c4f', productId: '0002', product: 'USB Keypad', matches: [] }],
      missing: ['cardReader'],
    });
    expect(text).toBe(
      ['Serial ports:', '  /dev/ttyUSB0 1a86:7523 1a86  <- lock', 'HID devices:', '  1c4f:0002 /dev/hidraw0 USB Keypad', 'Configured but not found: cardReader'].join('\n'),
    );
  });

  it.each([
    [['simulate'], 'which device?'],
    [['simulate', 'toaster', '--link', '/tmp/x'], "no simulator for 'toaster'"],
    [['simulate', 'card-reader'], '--link PATH is required'],
    [['simulate', 'card-reader', '--link', '/tmp/x', '--suffix', 'NUL'], '--suffix must be CR, CRLF or LF'],
    [['devices', '--config', '/nonexistent/kiosk.json'], 'cannot read --config /nonexistent/kiosk.json'],
    [['devices', '--bogus'], "Unknown option '--bogus'"],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const { io, err } = capture();
    expect(await main(argv, io)).toBe(2);
    expect(err.join('\n')).toContain(message);
  });
});
