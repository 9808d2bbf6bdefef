import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configWarnings, defaultConfig, loadConfig, parseConfig } from './config';

const minimal = { library: 'lolland', branch: 'Nakskov', dataDir: '/var/lib/kiosk', ils: { transport: 'simulated' } };

describe('site configuration', () => {
  it('fills every device and the ILS with the simulated defaults', () => {
    const config = parseConfig(minimal);
    expect(config.ils).toEqual({ transport: 'simulated', latencyMs: 0 });
    expect(config.devices.lock).toEqual({ driver: 'simulated', releaseMs: 4000 });
    expect(config.accessLog.retentionDays).toBe(30);
  });

  it('accepts a real site with SIP2, serial reader, HID relay and FEIG pad', () => {
    const config = parseConfig({
      ...minimal,
      ils: { transport: 'sip2', host: 'ils.example', port: 6001, user: 'kiosk', password: 'secret', institution: 'DK-775100' },
      devices: {
        cardReader: { driver: 'serial', path: '/dev/ttyACM0', suffix: 'CRLF' },
        pinPad: { driver: 'hid', vendorId: '0x05ac', productId: 0x0220 },
        lock: { driver: 'hid-relay', relay: 2, releaseMs: 5000 },
        rfid: { driver: 'feig', path: '/dev/ttyUSB0' },
        printer: { driver: 'escpos-file', path: '/dev/usb/lp0' },
      },
    });
    expect(config.devices.pinPad).toEqual({ driver: 'hid', vendorId: 0x05ac, productId: 0x0220 });
    expect(config.devices.lock).toMatchObject({ driver: 'hid-relay', vendorId: 0x16c0, productId: 0x05df, relay: 2 });
    expect(config.ils).toMatchObject({ errorDetection: true, tls: true });
  });

  it('runs the simulated ILS only when the file names it, and never with a real lock', () => {
    const { ils: _ils, ...noIls } = minimal;
    expect(() => parseConfig(noIls, 'site.json')).toThrow(/ils: required/);
    // Every other problem is still named in the same message.
    expect(() => parseConfig({ ...noIls, lbirary: 'x' }, 'site.json')).toThrow(/ils: required[\s\S]*lbirary: unknown key/);
    const reader = { cardReader: { driver: 'serial', path: '/dev/ttyACM0' }, pinPad: { driver: 'screen' } };
    const realLock = { devices: { ...reader, lock: { driver: 'hid-relay' } } };
    expect(() => parseConfig({ ...minimal, ...realLock }, 'site.json')).toThrow(/simulated ILS .* cannot drive a real lock/);
    const sip2 = { transport: 'sip2', host: 'h', port: 6001, user: 'u', password: 'p', institution: 'i' };
    expect(() => parseConfig({ ...minimal, ...realLock, ils: sip2 })).not.toThrow();
    // Nor does a real lock open for a simulated card reader or PIN pad (their console types cards and PINs).
    expect(() => parseConfig({ ...minimal, ils: sip2, devices: { lock: { driver: 'hid-relay' } } })).toThrow(/devices\.cardReader: a simulated[\s\S]*devices\.pinPad: a simulated/);
  });

  it('ignores the old ilsSlowLimitMs with a warning that explains what replaced it', () => {
    expect(configWarnings(parseConfig({ ...minimal, ilsSlowLimitMs: 1500 }))).toEqual([expect.stringMatching(/ilsSlowLimitMs is ignored.*ilsTimeoutMs/)]);
    expect(configWarnings(parseConfig(minimal))).toEqual([]);
    expect(parseConfig(minimal).ilsTimeoutMs).toBe(5000);
  });

  it.each([
    [{ ...minimal, library: 'aarhus' }, /library: /],
    [{ ...minimal, devices: { lock: { driver: 'usb-magic' } } }, /devices\.lock\.driver/],
    [{ ...minimal, devices: { lock: { driver: 'serial-relay' } } }, /devices\.lock\.path/],
    [{ ...minimal, accessLog: { retentionDays: 45 } }, /accessLog\.retentionDays/],
    [{ ...minimal, ils: { transport: 'sip2', host: 'h', port: 99999, user: 'u', password: 'p', institution: 'i' } }, /ils\.port/],
    [{ ...minimal, ils: { transport: 'carrier-pigeon' } }, /ils\.transport/],
    [{ ...minimal, lbirary: 'x' }, /lbirary: unknown key/],
    [{ ...minimal, devices: { printer: { driver: 'simulated', codepage: 'pc865' } } }, /devices\.printer\.codepage: unknown key/],
  ])('names the wrong key: %j', (value, message) => {
    expect(() => parseConfig(value, 'site.json')).toThrow(ConfigError);
    expect(() => parseConfig(value, 'site.json')).toThrow(message);
  });

  it('reports an unreadable file and invalid JSON clearly', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-config-'));
    expect(() => loadConfig(path.join(dir, 'missing.json'))).toThrow(/cannot read the configuration file .*ENOENT/);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ "library": ');
    expect(() => loadConfig(bad)).toThrow(/bad\.json is not valid JSON/);
  });

  it('resolves dataDir relative to the configuration file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-config-'));
    const file = path.join(dir, 'site.json');
    writeFileSync(file, JSON.stringify({ ...minimal, dataDir: 'data' }));
    expect(loadConfig(file).dataDir).toBe(path.join(dir, 'data'));
  });

  it('has an embedded default without a file', () => {
    expect(defaultConfig('/tmp/x').devices.cardReader).toEqual({ driver: 'simulated' });
  });
});

describe('site overrides in the configuration', () => {
  it('accepts the site hours and closing dates and names a wrong key inside them', () => {
    const config = parseConfig({ ...minimal, site: { closingDates: ['2026-12-24'] } });
    expect(config.site).toEqual({ closingDates: ['2026-12-24'] });
    expect(() => parseConfig({ ...minimal, site: { closingDates: ['24-12-2026'] } })).toThrow(/site\.closingDates\.0/);
    expect(() => parseConfig({ ...minimal, site: { kiosk: { offline: { maxItems: 3 } } } })).toThrow(/site\.kiosk\.offline\.maxItems: unknown key/);
  });
});
