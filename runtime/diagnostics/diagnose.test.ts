// `diagnose` names the device that failed: a device set-up failure is reported as that device
// (RFID pad, printer, card reader...), never all as the card reader.
import { describe, expect, it } from 'vitest';
import { deviceStatus } from '../../hardware/device-status';
import { systemClock } from '../clock';
import { defaultConfig } from '../config';
import { type DoorDevices } from '../devices/door-devices';
import { type KioskDevices } from '../devices/kiosk-devices';
import { type IlsConnection } from '../ils-connection';
import { diagnose, type DiagnoseDeps } from './diagnose';

const connected = () => deviceStatus('connected', new Date());

const ils = (async () =>
  ({
    ils: { login: async () => undefined, status: async () => ({ online: true, protocolVersion: '2.00', checkoutOk: true }) },
    close: async () => undefined,
  }) as unknown as IlsConnection) as DiagnoseDeps['connectIls'];

const doorDevices = (async () =>
  ({
    cardReader: { open: async () => connected() },
    pinPad: { open: async () => connected() },
    lock: { open: async () => connected() },
    close: async () => undefined,
  }) as unknown as DoorDevices) as DiagnoseDeps['buildDoorDevices'];

const failing = (message: string) => async (): Promise<never> => {
  throw new Error(message);
};

const byName = (checks: { name: string; ok: boolean; detail: string }[]) => Object.fromEntries(checks.map((c) => [c.name, c]));

describe('diagnose: a device that cannot be set up is named as itself', () => {
  it('RFID pad and printer set-up failing: reported as rfid and printer, the card reader stays ok', async () => {
    const report = await diagnose(defaultConfig('/tmp/unused'), systemClock, 500, {
      connectIls: ils,
      buildDoorDevices: doorDevices,
      buildKioskDevices: failing('socat not found') as DiagnoseDeps['buildKioskDevices'],
    });
    const checks = byName(report.checks);
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => c.name)).toEqual(['ils', 'cardReader', 'pinPad', 'lock', 'rfid', 'printer']);
    expect(checks.cardReader).toMatchObject({ ok: true });
    expect(checks.rfid).toMatchObject({ ok: false, detail: expect.stringContaining('RFID pad could not be set up: socat not found') });
    expect(checks.printer).toMatchObject({ ok: false, detail: expect.stringContaining('printer could not be set up: socat not found') });
  });

  it('door devices failing: card reader, PIN pad and lock each reported failed once; kiosk devices still checked', async () => {
    const report = await diagnose(defaultConfig('/tmp/unused'), systemClock, 500, {
      connectIls: ils,
      buildDoorDevices: failing('bad relay path') as DiagnoseDeps['buildDoorDevices'],
      buildKioskDevices: (async () =>
        ({
          reader: { open: async () => undefined, whenConnected: async () => undefined, inventory: async () => [] },
          printer: { open: async () => undefined, checkStatus: async () => ({ device: connected(), paper: 'ok', online: true }) },
          close: async () => undefined,
        }) as unknown as KioskDevices) as DiagnoseDeps['buildKioskDevices'],
    });
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['ils', true],
      ['cardReader', false],
      ['pinPad', false],
      ['lock', false],
      ['rfid', true],
      ['printer', true],
    ]);
    expect(byName(report.checks).lock?.detail).toContain('could not be set up: bad relay path');
  });
});
