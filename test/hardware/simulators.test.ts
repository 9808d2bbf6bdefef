// The simulator registry (what `kiosk simulate` runs) against the real drivers over ptys.
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireTool } from '../support/required-tools';
import { simulators } from '../../hardware/simulators';
import { SerialCardReader } from '../../hardware/card-reader/serial-card-reader';
import { SerialPinPad } from '../../hardware/pin-pad/serial-pin-pad';
import { DoorLock } from '../../hardware/lock/door-lock';
import { LcusRelay } from '../../hardware/lock/lcus-relay';
import type { Card } from '../../hardware/card-reader/card';
import type { PinKey } from '../../hardware/pin-pad/pin-key';
import { runSimulator } from '../../runtime/cli/simulate-command';
import { eventually } from './pty-helpers';

describe.skipIf(!requireTool('socat'))('simulator registry', () => {
  let dir: string;
  let link: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kiosk-sim-'));
    link = path.join(dir, 'device');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the devices this layer simulates', () => {
    expect(Object.keys(simulators)).toEqual(expect.arrayContaining(['card-reader', 'pin-pad', 'lock']));
  });

  it('card-reader: interactive swipe reaches the serial driver; the CPR is not echoed', async () => {
    const sim = await simulators['card-reader']!.start(link, { suffix: 'LF' });
    const reader = new SerialCardReader({ path: link, suffix: 'LF' });
    const cards: Card[] = [];
    reader.on('card', (c) => cards.push(c));
    await reader.open();
    const input = new PassThrough();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(`ERR ${t}`) };
    const controller = new AbortController();
    const running = runSimulator(sim, input, io, controller.signal);
    input.write('swipe 150590-4321 tracks1and2\n');
    await eventually(() => cards.length === 1);
    expect(cards[0]?.kind === 'health-card' && cards[0].cpr).toBe('1505904321');
    input.write('swipe nope!\n');
    await eventually(() => out.some((l) => l.startsWith('ERR')) || out.some((l) => l.includes('library card')));
    input.write('quit\n');
    await running;
    await reader.close();
    expect(out.join('\n')).not.toContain('1505904321');
    expect(out.join('\n')).not.toContain('4321');
    expect(out).toContain('swiped health card ******-****');
    expect(out.at(-1)).toBe('card-reader simulator stopped');
    expect(existsSync(link)).toBe(false);
  });

  it('pin-pad: "pin 1234" types the digits and enter', async () => {
    const sim = await simulators['pin-pad']!.start(link);
    const pad = new SerialPinPad({ path: link });
    const keys: PinKey[] = [];
    pad.on('key', (k) => keys.push(k));
    await pad.open();
    expect(await sim.command('pin 1234')).toBe('keys sent');
    await expect(sim.command('press 12x')).rejects.toThrow('a PIN pad has no key for character code 120');
    await eventually(() => keys.length === 5);
    expect(keys.map((k) => (k.type === 'digit' ? k.digit : k.type))).toEqual(['1', '2', '3', '4', 'enter']);
    await pad.close();
    await sim.stop();
  });

  it('lock: logs relay switches made by the real driver', async () => {
    const log: string[] = [];
    const sim = await simulators.lock!.start(link, { log: (l) => log.push(l) });
    const lock = new DoorLock({ relay: new LcusRelay({ path: link }) });
    await lock.open();
    await lock.release(100);
    await eventually(() => log.length === 3, 3000);
    expect(log.map((l) => l.replace(/^\S+ /, ''))).toEqual(['relay 1 OFF (door locked)', 'relay 1 ON (door released)', 'relay 1 OFF (door locked)']);
    expect(await sim.command('state')).toBe('relay 1 OFF; 3 switches');
    await lock.close();
    await sim.stop();
  });
});
