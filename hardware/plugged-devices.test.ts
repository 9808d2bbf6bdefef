import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInventory, configuredDevices, DeviceConfigError } from './plugged-devices';

const ch340 = { path: '/dev/ttyUSB0', vendorId: '1A86', productId: '7523', manufacturer: '1a86' };
const cdc = { path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b6a' };
const relay = { vendorId: 0x16c0, productId: 0x05df, path: '/dev/hidraw2', manufacturer: 'www.dcttech.com', product: 'USBRelay1', release: 0, interface: 0 };
const keypad = { vendorId: 0x1c4f, productId: 0x0002, path: '/dev/hidraw0', product: 'USB Keypad' };

describe('configuredDevices', () => {
  it('reads paths and ids given as numbers or hex strings', () => {
    const devices = configuredDevices({ library: 'ballerup', devices: { lock: { driver: 'hid-relay', vendorId: '0x16C0', productId: '05df' }, cardReader: { driver: 'serial', path: '/dev/ttyUSB0' }, pinPad: { vendorId: 7247, productId: 2 } } });
    expect(devices.lock).toMatchObject({ driver: 'hid-relay', vendorId: 0x16c0, productId: 0x05df });
    expect(devices.pinPad).toMatchObject({ vendorId: 0x1c4f, productId: 2 });
    expect(configuredDevices({})).toEqual({});
  });

  it('names the bad key', () => {
    expect(() => configuredDevices({ devices: { lock: { vendorId: 'relay' } } })).toThrow(new DeviceConfigError('configuration devices.lock.vendorId: Invalid input'));
    expect(() => configuredDevices([])).toThrow(DeviceConfigError);
  });
});

describe('buildInventory', () => {
  it('lists serial ports and HID devices with lower-case hex ids and what each one matches', () => {
    const config = configuredDevices({
      devices: {
        cardReader: { driver: 'serial', path: '/dev/ttyUSB0' },
        lock: { driver: 'hid-relay', vendorId: '16c0', productId: '05df' },
        pinPad: { driver: 'hid', vendorId: '1c4f', productId: '0002' },
        printer: { driver: 'escpos-serial', path: '/dev/ttyS9' },
      },
    });
    const inventory = buildInventory([ch340, cdc], [relay, keypad], config);
    expect(inventory.serial).toEqual([
      { kind: 'serial', path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: '1a86', matches: ['cardReader'] },
      { kind: 'serial', path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b6a', matches: [] },
    ]);
    expect(inventory.hid).toEqual([
      { kind: 'hid', path: '/dev/hidraw2', vendorId: '16c0', productId: '05df', manufacturer: 'www.dcttech.com', product: 'USBRelay1', matches: ['lock'] },
      { kind: 'hid', path: '/dev/hidraw0', vendorId: '1c4f', productId: '0002', product: 'USB Keypad', matches: ['pinPad'] },
    ]);
    expect(inventory.missing).toEqual(['printer']);
  });

  it('matches a configured by-id symlink to the port it points at', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-inv-'));
    try {
      const target = path.join(dir, 'ttyUSB7');
      writeFileSync(target, '');
      symlinkSync(target, path.join(dir, 'usb-reader-if00'));
      const inventory = buildInventory([{ path: target }], [], { cardReader: { path: path.join(dir, 'usb-reader-if00') } });
      expect(inventory.serial[0]?.matches).toEqual(['cardReader']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
