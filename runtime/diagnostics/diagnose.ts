// `kiosk diagnose`: every device and the ILS checked once, each with its result and timing.
// A technician runs it after installing or changing hardware; it exits non-zero if one fails.
import { type DeviceStatus } from '../../hardware/device-status';
import { type SiteConfig } from '../config';
import { type Clock } from '../clock';
import { buildDoorDevices, type DoorDevices } from '../devices/door-devices';
import { buildKioskDevices, type KioskDevices } from '../devices/kiosk-devices';
import { connectIls } from '../ils-connection';

export interface CheckResult {
  name: 'ils' | 'cardReader' | 'pinPad' | 'lock' | 'rfid' | 'printer';
  ok: boolean;
  detail: string;
  ms: number;
}

export interface DiagnosisReport {
  ok: boolean;
  checks: CheckResult[];
}

async function timed(name: CheckResult['name'], check: () => Promise<string>, timeoutMs: number): Promise<CheckResult> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { name, ok: true, detail, ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { name, ok: false, detail: (error as Error).message, ms: Math.round(performance.now() - start) };
  } finally {
    clearTimeout(timer);
  }
}

function connected(what: string, status: DeviceStatus): string {
  if (status.state !== 'connected') throw new Error(`${what} ${status.state}${status.detail ? `: ${status.detail}` : ''}`);
  return `${what} connected`;
}

/** How the devices and the ILS are reached (tests swap in fakes). */
export interface DiagnoseDeps {
  connectIls: typeof connectIls;
  buildDoorDevices: (config: SiteConfig) => Promise<DoorDevices>;
  buildKioskDevices: (config: SiteConfig) => Promise<KioskDevices>;
}

const REAL: DiagnoseDeps = { connectIls, buildDoorDevices, buildKioskDevices: (config) => buildKioskDevices(config) };

export async function diagnose(config: SiteConfig, clock: Clock, timeoutMs = 3000, deps: DiagnoseDeps = REAL): Promise<DiagnosisReport> {
  const checks: CheckResult[] = [];
  checks.push(
    await timed(
      'ils',
      async () => {
        const connection = await deps.connectIls(config, clock, { requestTimeoutMs: timeoutMs, heartbeatIntervalMs: 0 });
        try {
          const start = performance.now();
          await connection.ils.login();
          const status = await connection.ils.status();
          const ms = Math.round(performance.now() - start);
          if (!status.online) throw new Error('the ILS answers but says it is offline');
          return `online, SIP2 ${status.protocolVersion}, login and status in ${ms} ms${status.checkoutOk ? '' : ', checkout refused'}`;
        } finally {
          await connection.close();
        }
      },
      timeoutMs * 2,
    ),
  );

  // A device group that cannot be set up fails each of its devices by name (the screen's PIN pad is none).
  const pinPad: Named[] = config.devices.pinPad.driver === 'screen' ? [] : [['pinPad', 'PIN pad']];
  const door = await setUp(() => deps.buildDoorDevices(config), [['cardReader', 'card reader'], ...pinPad, ['lock', 'lock relay']], checks);
  try {
    if (door !== null) await checkDoorDevices(door, checks, timeoutMs);
    const kiosk = await setUp(() => deps.buildKioskDevices(config), [['rfid', 'RFID pad'], ['printer', 'printer']], checks);
    try {
      if (kiosk !== null) await checkKioskDevices(kiosk, checks, timeoutMs);
    } finally {
      await kiosk?.close();
    }
  } finally {
    await door?.close();
  }
  return { ok: checks.every((c) => c.ok), checks };
}

/** A check's name and the device's name in a technician's words. */
type Named = [CheckResult['name'], string];

/** Builds a group of devices; when that fails, each device in it is reported failed by its own name. */
async function setUp<T>(build: () => Promise<T>, devices: Named[], checks: CheckResult[]): Promise<T | null> {
  try {
    return await build();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const [name, what] of devices) checks.push({ name, ok: false, detail: `${what} could not be set up: ${message}`, ms: 0 });
    return null;
  }
}

async function checkDoorDevices(d: DoorDevices, checks: CheckResult[], timeoutMs: number): Promise<void> {
  checks.push(await timed('cardReader', async () => connected('card reader', await d.cardReader.open()), timeoutMs));
  if (d.pinPad) {
    const pad = d.pinPad;
    checks.push(await timed('pinPad', async () => connected('PIN pad', await pad.open()), timeoutMs));
  } else {
    checks.push({ name: 'pinPad', ok: true, detail: "the kiosk screen's own PIN pad", ms: 0 });
  }
  checks.push(await timed('lock', async () => `${connected('lock relay', await d.lock.open())}, switched off`, timeoutMs));
}

async function checkKioskDevices(k: KioskDevices, checks: CheckResult[], timeoutMs: number): Promise<void> {
  checks.push(
    await timed(
      'rfid',
      async () => {
        await k.reader.open();
        await k.reader.whenConnected(timeoutMs);
        const tags = await k.reader.inventory();
        return `FEIG reader answers, ${tags.length} tag(s) on the pad`;
      },
      timeoutMs,
    ),
  );
  checks.push(
    await timed(
      'printer',
      async () => {
        await k.printer.open();
        const status = await k.printer.checkStatus();
        connected('printer', status.device);
        // A printer out of paper also reports itself offline: name the cause first.
        if (status.paper === 'out') throw new Error('printer out of paper');
        if (status.online === false) throw new Error('printer offline (cover open or error)');
        if (status.online === null) throw new Error('printer does not answer status requests');
        return `printer online, paper ${status.paper}`;
      },
      timeoutMs,
    ),
  );
}
