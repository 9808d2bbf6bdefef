// Crash safety with real processes: a child runs a checkout, checkin, offline checkout or queue
// replay against a file-backed ILS and tags, is SIGKILLed at every step, and the parent
// restarts the store, recovers, and checks the invariant and the database's integrity.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../store/index';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY } from '../../policy';
import { FileWorld, type IlsState } from './file-world';
import { FAST_PIN_COST, tempDir, type TempDir } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(import.meta.dirname, 'journal-child.ts');

interface ChildRun {
  blockedAt: string | null;
  output: string;
}

/** Runs the child; when it reports BLOCKED, kills it with SIGKILL. */
function runChild(dataDir: string, worldDir: string, scenario: string, crashAt: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, worldDir, scenario], {
      cwd: ROOT,
      env: { ...process.env, CRASH_AT: crashAt },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let blockedAt: string | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /BLOCKED (\S+)/.exec(output);
      if (match && blockedAt === null) {
        blockedAt = match[1] ?? null;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (blockedAt !== null && signal === 'SIGKILL') resolve({ blockedAt, output });
      else if (crashAt === 'none' && code === 0 && output.includes('DONE')) resolve({ blockedAt: null, output });
      else reject(new Error(`child ended with code ${code} signal ${signal} before reaching ${crashAt}: ${errors}${output}`));
    });
  });
}

/** A temp folder removed when the (concurrent) test finishes. */
function scratch(prefix: string): TempDir {
  const tmp = tempDir(prefix);
  onTestFinished(() => tmp.cleanup());
  return tmp;
}

function setUp(itemOnLoan: boolean): { dataDir: string; world: FileWorld } {
  const tmp = scratch('kiosk-crash-');
  const dataDir = path.join(tmp.dir, 'data');
  const ils: IlsState = { items: { 'item-1': { status: itemOnLoan ? 'checked-out' : 'available', patron: itemOnLoan ? '0101901234' : null } }, applied: [] };
  const afi = itemOnLoan ? AFI_CHECKED_OUT : AFI_IN_LIBRARY;
  const world = FileWorld.create(tmp.dir, ils, { t1: afi, t2: afi });
  openStore({ dataDir, pinHashCost: FAST_PIN_COST }).close(); // migrations done before the child starts
  return { dataDir, world };
}

/** After recovery: on loan in the ILS <=> every tag of the set says checked out. */
function expectInvariant(world: FileWorld): 'on-loan' | 'in-library' {
  const status = world.itemStatus('item-1');
  const tags = world.readTags();
  const expected = status === 'checked-out' ? AFI_CHECKED_OUT : AFI_IN_LIBRARY;
  expect({ status, tags }).toEqual({ status, tags: { t1: expected, t2: expected } });
  return status === 'checked-out' ? 'on-loan' : 'in-library';
}

async function restartAndRecover(dataDir: string, world: FileWorld) {
  const store = openStore({ dataDir, pinHashCost: FAST_PIN_COST });
  try {
    const report = await store.recoverJournal(world.recoveryPorts());
    expect(report.unresolved).toEqual([]);
    expect(store.journal.openEntries()).toEqual([]);
    expect(store.integrityCheck()).toBe('ok');
    return { report, queue: store.offlineQueue.list() };
  } finally {
    store.close();
  }
}

const AFI_POINTS = (kind: string) => [`${kind}:afi-started`, `${kind}:afi-written-1`, `${kind}:afi-written-2`, `${kind}:afi-closed`];

describe('checkout journal under SIGKILL', () => {
  // Where the item ends up: a checkout cut before the ILS applied it is not made; one the ILS
  // applied is completed. A checkin is completed once started at the ILS.
  const checkoutCases: Array<[string, 'on-loan' | 'in-library']> = [
    ['checkout:begun', 'in-library'],
    ['checkout:ils-started', 'in-library'],
    ['checkout:ils-applied', 'on-loan'],
    ['checkout:ils-closed', 'on-loan'],
    ...AFI_POINTS('checkout').map((p): [string, 'on-loan'] => [p, 'on-loan']),
    ['checkout:finished', 'on-loan'],
    ['none', 'on-loan'],
  ];
  it.for(checkoutCases)('checkout killed at %s ends %s', async ([point, expected]) => {
    const { dataDir, world } = setUp(false);
    const run = await runChild(dataDir, world.dir, 'checkout', point);
    expect(run.blockedAt).toBe(point === 'none' ? null : point);
    await restartAndRecover(dataDir, world);
    expect(expectInvariant(world)).toBe(expected);
    expect(world.readIls().applied.length).toBeLessThanOrEqual(1);
  });

  const checkinCases: Array<[string, 'on-loan' | 'in-library']> = [
    ['checkin:begun', 'on-loan'],
    ['checkin:ils-started', 'in-library'],
    ['checkin:ils-applied', 'in-library'],
    ['checkin:ils-closed', 'in-library'],
    ...AFI_POINTS('checkin').map((p): [string, 'in-library'] => [p, 'in-library']),
    ['checkin:finished', 'in-library'],
    ['none', 'in-library'],
  ];
  it.for(checkinCases)('checkin killed at %s ends %s', async ([point, expected]) => {
    const { dataDir, world } = setUp(true);
    await runChild(dataDir, world.dir, 'checkin', point);
    await restartAndRecover(dataDir, world);
    expect(expectInvariant(world)).toBe(expected);
    expect(world.readIls().applied.length).toBeLessThanOrEqual(1);
  });

  const offlineCases: Array<[string, number]> = [
    ['offline:begun', 0],
    ['offline:queued', 1],
    ...AFI_POINTS('offline').map((p): [string, number] => [p, 1]),
    ['offline:finished', 1],
  ];
  it.for(offlineCases)('offline checkout killed at %s leaves %i queued and the tags to match', async ([point, queued]) => {
    const { dataDir, world } = setUp(false);
    await runChild(dataDir, world.dir, 'offline', point);
    const { queue } = await restartAndRecover(dataDir, world);
    expect(queue.map((t) => [t.kind, t.itemId, t.status])).toEqual(queued ? [['checkout', 'item-1', 'pending']] : []);
    // The ILS hears of it only at replay; the tags already show the offline loan.
    expect(world.readTags()).toEqual(queued ? { t1: AFI_CHECKED_OUT, t2: AFI_CHECKED_OUT } : { t1: AFI_IN_LIBRARY, t2: AFI_IN_LIBRARY });
  });
});

describe('offline queue replay under SIGKILL', () => {
  const points = ['replay:sending-1', 'replay:applied-1', 'replay:sending-2', 'replay:applied-2', 'replay:sending-3', 'replay:applied-3'];
  it.for(points)('killed at %s: after a restart every transaction is applied exactly once, in order', async (point) => {
    const tmp = scratch('kiosk-replay-');
    const dataDir = path.join(tmp.dir, 'data');
    const world = FileWorld.create(
      tmp.dir,
      {
        items: {
          'item-2': { status: 'available', patron: null },
          'item-3': { status: 'available', patron: null },
          'item-4': { status: 'checked-out', patron: 'x' },
        },
        applied: [],
      },
      {},
    );
    const before = openStore({ dataDir, pinHashCost: FAST_PIN_COST });
    before.offlineQueue.enqueue({ kind: 'checkout', itemId: 'item-2', patronId: '0101901234', occurredAt: new Date('2026-03-01T20:00:00Z') });
    before.offlineQueue.enqueue({ kind: 'checkout', itemId: 'item-3', patronId: '0101901234', occurredAt: new Date('2026-03-01T20:01:00Z') });
    before.offlineQueue.enqueue({ kind: 'checkin', itemId: 'item-4', occurredAt: new Date('2026-03-01T20:02:00Z') });
    before.close();

    expect((await runChild(dataDir, world.dir, 'replay', point)).blockedAt).toBe(point);
    const after = openStore({ dataDir, pinHashCost: FAST_PIN_COST });
    try {
      const report = await after.offlineQueue.replayPending(world.replayPorts());
      expect(report.remaining).toBe(0);
      expect(report.settledByCheck).toBe(point.startsWith('replay:applied') ? 1 : 0);
      expect(world.readIls().applied).toEqual(['checkout item-2 #1', 'checkout item-3 #2', 'checkin item-4 #3']);
      expect(after.offlineQueue.list().map((t) => t.status)).toEqual(['done', 'done', 'done']);
      expect(after.integrityCheck()).toBe('ok');
    } finally {
      after.close();
    }
  });
});
