// `kiosk diagnose --json` against the simulators: every device and the ILS healthy; then with a
// simulator stopped, the failed device is named and the exit code is non-zero.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscPosPrinterSimulator } from '../../hardware/printer/index';
import { FeigSimulator } from '../../hardware/rfid/index';
import { openPtyPair, type PtyPair } from '../../hardware/serial/pty-pair';
import { doorBench, type DoorBench, type JsonLinesProcess, startIlsSim } from '../door/door-harness';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Report {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string; ms: number }[];
}

/** Runs the command as a separate process; the simulators keep answering in this one meanwhile. */
function diagnose(configFile: string): Promise<{ code: number | null; report: Report }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/kiosk.js', 'diagnose', '--json', '--config', configFile, '--timeout', '1500'], { cwd: ROOT, timeout: 30_000 }, (error, stdout) => {
      try {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, report: JSON.parse(stdout) as Report });
      } catch (parseError) {
        reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
      }
    });
  });
}

describe('kiosk diagnose --json', () => {
  let ils: { proc: JsonLinesProcess; port: number };
  let bench: DoorBench;
  let rfidPair: PtyPair;
  let printerPair: PtyPair;
  let rfid: FeigSimulator;
  let printer: EscPosPrinterSimulator;
  let configFile: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-diagnose-'));

  beforeAll(async () => {
    ils = await startIlsSim();
    bench = await doorBench(ils.port, 800);
    rfidPair = await openPtyPair({ deviceLink: path.join(dir, 'rfid') });
    printerPair = await openPtyPair({ deviceLink: path.join(dir, 'printer') });
    rfid = new FeigSimulator({ path: rfidPair.simulatorPath });
    printer = new EscPosPrinterSimulator({ path: printerPair.simulatorPath });
    await Promise.all([rfid.start(), printer.start()]);
    const base = JSON.parse(readFileSync(bench.configFile, 'utf8')) as { devices: Record<string, unknown> };
    configFile = path.join(dir, 'site.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        ...base,
        devices: {
          ...base.devices,
          rfid: { driver: 'feig', path: rfidPair.devicePath },
          printer: { driver: 'escpos-serial', path: printerPair.devicePath },
        },
      }),
    );
  }, 30_000);

  afterAll(async () => {
    await Promise.all([rfid?.stop(), printer?.stop()].map((p) => p?.catch(() => undefined)));
    await rfidPair?.close();
    await printerPair?.close();
    await ils?.proc.stop();
    await bench?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports every device and the ILS as healthy', async () => {
    const { code, report } = await diagnose(configFile);
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['ils', true],
      ['cardReader', true],
      ['pinPad', true],
      ['lock', true],
      ['rfid', true],
      ['printer', true],
    ]);
    expect(report.ok).toBe(true);
    expect(code).toBe(0);
  }, 40_000);

  it('names the printer when it runs out of paper, and the RFID reader when its simulator stops', async () => {
    printer.setPaper('out');
    await rfid.stop();
    await rfidPair.close();
    const { code, report } = await diagnose(configFile);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['rfid', 'printer']);
    expect(report.checks.find((c) => c.name === 'printer')?.detail).toMatch(/out of paper/);
  }, 40_000);

  it('names the ILS when it is stopped', async () => {
    await ils.proc.stop();
    const { code, report } = await diagnose(configFile);
    expect(code).toBe(1);
    expect(report.checks.find((c) => c.name === 'ils')).toMatchObject({ ok: false });
  }, 40_000);
});
