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

export async function diagnose(config: SiteConfig, clock: Clock, timeoutMs = 3000): Promise<DiagnosisReport> {
  const checks: CheckResult[] = [];
  checks.push(
    await timed(
      'ils',
      async () => {
        const connection = await connectIls(config, clock, { requestTimeoutMs: timeoutMs, heartbeatIntervalMs: 0 });
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

  let door: DoorDevices | undefined;
  let kiosk: KioskDevices | undefined;
  try {
    door = await buildDoorDevices(config);
    const d = door;
    checks.push(await timed('cardReader', async () => connected('card reader', await d.cardReader.open()), timeoutMs));
    if (d.pinPad) {
      const pad = d.pinPad;
      checks.push(await timed('pinPad', async () => connected('PIN pad', await pad.open()), timeoutMs));
    } else {
      checks.push({ name: 'pinPad', ok: true, detail: "the kiosk screen's own PIN pad", ms: 0 });
    }
    checks.push(await timed('lock', async () => `${connected('lock relay', await d.lock.open())}, switched off`, timeoutMs));
    kiosk = await buildKioskDevices(config);
    const k = kiosk;
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
  } catch (error) {
    checks.push({ name: 'cardReader', ok: false, detail: `devices could not be set up: ${(error as Error).message}`, ms: 0 });
  } finally {
    await kiosk?.close();
    await door?.close();
  }
  return { ok: checks.every((c) => c.ok), checks };
}
