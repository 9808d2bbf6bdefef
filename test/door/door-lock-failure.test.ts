// End to end: `kiosk door` whose relay module is not there (unplugged, wrong path). A valid
// patron's entry is written as allowed before the relay is asked (no row, no opening); when the
// relay then fails, the access log gets a second row that says so, the door's log line says the
// door did not open, and a technician sees an alarm (an error line and a metric).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index';
import { doorBench, type DoorBench, type JsonLinesProcess, kiosk, present, startIlsSim } from './door-harness';

const OPEN_AT = '2026-11-20T10:00:00+01:00'; // a Friday morning: inside unstaffed hours
const ADULT = { id: '0103801001', pin: '1234' };

describe('kiosk door with a relay that cannot be switched', () => {
  let ils: { proc: JsonLinesProcess; port: number };
  let bench: DoorBench;
  let door: JsonLinesProcess;
  let httpPort = 0;

  beforeAll(async () => {
    ils = await startIlsSim();
    bench = await doorBench(ils.port, 600);
    const config = JSON.parse(readFileSync(bench.configFile, 'utf8')) as { devices: { lock: { path: string } } };
    config.devices.lock.path = path.join(bench.dir, 'no-relay-here');
    writeFileSync(bench.configFile, JSON.stringify(config));
    door = kiosk(['door', '--config', bench.configFile, '--clock', OPEN_AT]);
    httpPort = Number((await door.next((l) => l.event === 'door.ready', 15_000)).httpPort);
  }, 30_000);

  afterAll(async () => {
    await door?.stop();
    await ils?.proc.stop();
    await bench?.close();
  });

  it('logs the allowed entry, then a lock-failed row and an alarm; never "released"', async () => {
    const since = door.lines.length;
    await present(bench, ADULT.id, ADULT.pin);
    const allowed = await door.next((l) => l.event === 'door.attempt', 8000, since);
    expect(allowed).toMatchObject({ decision: 'allowed', reason: 'allowed' });
    const failed = await door.next((l) => l.event === 'door.attempt' && l.reason === 'lock-failed', 8000, since);
    expect(failed).toMatchObject({ decision: 'denied', reason: 'lock-failed', card: 'health-card' });
    const alarm = await door.next((l) => l.event === 'door.lock-failed', 2000, since);
    expect(alarm).toMatchObject({ level: 'error', alarm: true, door: 'hoved-door' });
    expect(door.lines.slice(since).some((l) => l.event === 'door.released')).toBe(false);
    const metrics = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
    expect(metrics).toMatch(/kiosk_door_lock_failures_total\{door="hoved-door"\} 1/);
    expect(door.text.join('\n')).not.toContain(ADULT.id);

    expect(await door.stop()).toBe(0);
    const store = openStore({ dataDir: `${bench.dir}/data` });
    try {
      expect(store.accessLog.list().map((e) => [e.decision, e.reason])).toEqual([
        ['allowed', 'allowed'],
        ['denied', 'lock-failed'],
      ]);
    } finally {
      store.close();
    }
  }, 30_000);
});
