import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import type { IlsRoundTrip, OfflineQueueEntry } from '../ports';
import type { LockPulseOutcome } from './diagnostics-types';
import { card, controllable, settle } from '../fakes.testkit';
import { diagnosticsMachine } from './diagnostics-machine';

const summary = { version: '0.1.0', library: 'hvidovre', branch: 'Hovedbiblioteket', settings: { 'ils.password': '***' } };

function start() {
  const clock = new SimulatedClock();
  const print = controllable<void, void>();
  const pulse = controllable<LockPulseOutcome, { ms: number }>();
  const ping = controllable<IlsRoundTrip, void>();
  const queue = controllable<OfflineQueueEntry[], void>();
  const machine = diagnosticsMachine.provide({
    actors: { testPrint: print.logic, pulseLock: pulse.logic, ilsRoundTrip: ping.logic, loadOfflineQueue: queue.logic },
  });
  const actor = createActor(machine, {
    clock,
    input: { summary, devices: [{ device: 'printer', state: 'connected' }], config: { idleExitMs: 60_000 } },
  });
  actor.start();
  return { actor, clock, print, pulse, ping, queue };
}

describe('diagnostics', () => {
  it('loads the offline queue at once and runs one test at a time', async () => {
    const d = start();
    const entry: OfflineQueueEntry = { id: 1, kind: 'checkout', itemId: '111', at: '2025-03-10T10:00:00Z', state: 'refused', detail: 'reserved meanwhile' };
    d.queue.last().resolve([entry]);
    await settle();
    expect(d.actor.getSnapshot().context.queue).toEqual([entry]);
    d.actor.send({ type: 'TEST_PRINT' });
    d.actor.send({ type: 'LOCK_PULSE' });
    expect(d.pulse.calls).toHaveLength(0);
    d.print.last().reject(new Error('paper out'));
    await settle();
    d.actor.send({ type: 'LOCK_PULSE' });
    expect(d.pulse.last().input).toEqual({ ms: 1000 });
    d.pulse.last().resolve({ ok: true });
    await settle();
    d.actor.send({ type: 'ILS_ROUND_TRIP' });
    d.ping.last().resolve({ ok: true, ms: 23 });
    await settle();
    expect(d.actor.getSnapshot().context).toMatchObject({
      print: { ok: false, detail: 'paper out' },
      lock: { ok: true },
      ils: { ok: true, ms: 23 },
    });
  });

  it('shows a refused lock pulse with its reason', async () => {
    const d = start();
    d.queue.last().resolve([]);
    await settle();
    d.actor.send({ type: 'LOCK_PULSE' });
    d.pulse.last().resolve({ ok: false, refused: 'unstaffed-hours' });
    await settle();
    expect(d.actor.getSnapshot().context.lock).toEqual({ ok: false, refused: 'unstaffed-hours' });
    expect(d.actor.getSnapshot().value).toBe('ready');
  });

  it('keeps device states and masked live reads, never a PIN digit or card number', async () => {
    const d = start();
    const c = card('0101801234');
    d.actor.send({ type: 'DEVICE_STATUS', status: { device: 'lock', state: 'disconnected', detail: 'unplugged' } });
    d.actor.send({ type: 'DEVICE_STATUS', status: { device: 'printer', state: 'error', detail: 'paper out' } });
    d.actor.send({ type: 'CARD_READ', card: c });
    d.actor.send({ type: 'PIN_DIGIT', digit: '7' });
    d.actor.send({ type: 'ITEM_PLACED', tag: { uid: 'E004', itemId: '111', partNumber: 1, partsInSet: 1 } });
    const ctx = d.actor.getSnapshot().context;
    expect(ctx.devices).toEqual([
      { device: 'lock', state: 'disconnected', detail: 'unplugged' },
      { device: 'printer', state: 'error', detail: 'paper out' },
    ]);
    expect(ctx.reads).toEqual([
      { seq: 3, kind: 'tag-placed', uid: 'E004', itemId: '111', partNumber: 1, partsInSet: 1 },
      { seq: 2, kind: 'pin-key', key: 'digit' },
      { seq: 1, kind: 'card', cardKind: 'health-card', masked: c.masked },
    ]);
    expect(JSON.stringify(ctx)).not.toContain(c.patronId);
  });

  it('leaves on EXIT or after the idle time', async () => {
    const d = start();
    d.queue.last().resolve([]);
    await settle();
    d.clock.increment(60_000);
    expect(d.actor.getSnapshot().status).toBe('done');
    const e = start();
    e.actor.send({ type: 'EXIT' });
    expect(e.actor.getSnapshot().status).toBe('done');
  });
});
