import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, MovingClock, openTestStore, tempDir, type TempDir } from '../test/store/helpers';
import type { OfflineTransaction, OutcomeCheck, ReplayPorts, ReplayResult } from './offline-queue';
import type { Store } from './open-store';

let tmp: TempDir;
let clock: MovingClock;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  clock = new MovingClock('2026-03-02T10:00:00Z');
  store = openTestStore(tmp.dir, clock);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** An in-memory ILS that records what it was sent. */
function fakeIls(answer: (tx: OfflineTransaction) => ReplayResult | Error = () => ({ ok: true })) {
  const sent: OfflineTransaction[] = [];
  const outcomes = new Map<number, OutcomeCheck>();
  const ports: ReplayPorts = {
    async replay(tx) {
      const result = answer(tx);
      if (result instanceof Error) throw result;
      sent.push(tx);
      return result;
    },
    async checkOutcome(tx) {
      return outcomes.get(tx.id) ?? 'unknown';
    },
  };
  return { sent, outcomes, ports };
}

function enqueueThree(): void {
  store.offlineQueue.enqueue({ kind: 'checkout', itemId: 'item-1', patronId: '0101901234', occurredAt: new Date('2026-03-01T20:00:00Z') });
  store.offlineQueue.enqueue({ kind: 'renewal', itemId: 'item-2', patronId: '0101901234', occurredAt: new Date('2026-03-01T20:01:00Z') });
  store.offlineQueue.enqueue({ kind: 'checkin', itemId: 'item-1', occurredAt: new Date('2026-03-01T20:02:00Z') });
}

describe('offline queue', () => {
  it('replays in order with the original times and patron', async () => {
    enqueueThree();
    const ils = fakeIls();
    expect(await store.offlineQueue.replayPending(ils.ports)).toEqual({ done: 3, refused: 0, settledByCheck: 0, stoppedBy: null, remaining: 0 });
    expect(ils.sent).toEqual([
      { id: 1, kind: 'checkout', itemId: 'item-1', patronId: '0101901234', occurredAt: new Date('2026-03-01T20:00:00Z') },
      { id: 2, kind: 'renewal', itemId: 'item-2', patronId: '0101901234', occurredAt: new Date('2026-03-01T20:01:00Z') },
      { id: 3, kind: 'checkin', itemId: 'item-1', patronId: null, occurredAt: new Date('2026-03-01T20:02:00Z') },
    ]);
    expect(await store.offlineQueue.replayPending(ils.ports)).toMatchObject({ done: 0, remaining: 0 });
    expect(ils.sent).toHaveLength(3);
  });

  it('keeps refusals, with the ILS message, for staff', async () => {
    enqueueThree();
    const ils = fakeIls((tx) => (tx.kind === 'renewal' ? { ok: false, message: 'Item reserved by another patron' } : { ok: true, dueDate: '2026-03-31' }));
    expect(await store.offlineQueue.replayPending(ils.ports)).toMatchObject({ done: 2, refused: 1 });
    expect(store.offlineQueue.list({ status: 'refused' })).toEqual([
      {
        id: 2,
        kind: 'renewal',
        itemId: 'item-2',
        occurredAt: new Date('2026-03-01T20:01:00Z'),
        status: 'refused',
        attempts: 1,
        resolvedAt: new Date('2026-03-02T10:00:00Z'),
        resolvedBy: 'reply',
        ilsMessage: 'Item reserved by another patron',
        dueDate: null,
      },
    ]);
    expect(store.offlineQueue.list({ status: 'done' }).map((t) => t.dueDate)).toEqual(['2026-03-31', '2026-03-31']);
    expect(store.offlineQueue.counts()).toEqual({ pending: 0, sending: 0, done: 2, refused: 1 });
  });

  it('stops at an ILS error and asks before sending that one again', async () => {
    enqueueThree();
    const failing = fakeIls((tx) => (tx.id === 2 ? new Error('connection reset') : { ok: true }));
    expect(await store.offlineQueue.replayPending(failing.ports)).toEqual({
      done: 1,
      refused: 0,
      settledByCheck: 0,
      stoppedBy: { id: 2, reason: 'ils-error', message: 'connection reset' },
      remaining: 2,
    });
    expect(store.offlineQueue.list({ status: 'sending' }).map((t) => t.id)).toEqual([2]);

    // The ILS cannot say: do not resend.
    const unsure = fakeIls();
    expect(await store.offlineQueue.replayPending(unsure.ports)).toMatchObject({ stoppedBy: { id: 2, reason: 'outcome-unknown' } });
    expect(unsure.sent).toEqual([]);

    // The ILS had applied it after all: settled without a resend, then the rest continues.
    const applied = fakeIls();
    applied.outcomes.set(2, 'applied');
    expect(await store.offlineQueue.replayPending(applied.ports)).toMatchObject({ done: 1, settledByCheck: 1, remaining: 0 });
    expect(applied.sent.map((t) => t.id)).toEqual([3]);
  });

  it('resends a transaction the ILS says it never applied', async () => {
    enqueueThree();
    await store.offlineQueue.replayPending(fakeIls((tx) => (tx.id === 1 ? new Error('timeout') : { ok: true })).ports);
    const ils = fakeIls();
    ils.outcomes.set(1, 'not-applied');
    expect(await store.offlineQueue.replayPending(ils.ports)).toMatchObject({ done: 3, settledByCheck: 0, remaining: 0 });
    expect(ils.sent.map((t) => t.id)).toEqual([1, 2, 3]);
    expect(store.offlineQueue.list().map((t) => t.attempts)).toEqual([2, 1, 1]);
  });

  it('survives a restart with a transaction marked sending', async () => {
    enqueueThree();
    let release: () => void = () => undefined;
    const hanging: ReplayPorts = {
      replay: () => new Promise((resolve) => (release = () => resolve({ ok: true }))),
      checkOutcome: async () => 'unknown',
    };
    const run = store.offlineQueue.replayPending(hanging);
    await new Promise((r) => setTimeout(r, 10));
    // Another process opens the same file while the first is mid-call (as after a crash).
    const reopened = openTestStore(tmp.dir, clock);
    expect(reopened.offlineQueue.list({ status: 'sending' }).map((t) => t.id)).toEqual([1]);
    const ils = fakeIls();
    ils.outcomes.set(1, 'applied');
    expect(await reopened.offlineQueue.replayPending(ils.ports)).toMatchObject({ settledByCheck: 1, done: 2 });
    expect(ils.sent.map((t) => t.id)).toEqual([2, 3]);
    reopened.close();
    release();
    await run;
  });

  it('shares one run between concurrent callers', async () => {
    enqueueThree();
    const ils = fakeIls();
    const [a, b] = await Promise.all([store.offlineQueue.replayPending(ils.ports), store.offlineQueue.replayPending(ils.ports)]);
    expect(a).toBe(b);
    expect(ils.sent).toHaveLength(3);
  });

  it('counts a patron\'s open offline checkouts by card key', async () => {
    enqueueThree();
    expect(store.offlineQueue.openCheckouts(store.cardKey('0101901234'))).toBe(1);
    await store.offlineQueue.replayPending(fakeIls().ports);
    expect(store.offlineQueue.openCheckouts(store.cardKey('0101901234'))).toBe(0);
  });

  it('deletes resolved rows after the loan-record retention', async () => {
    enqueueThree();
    await store.offlineQueue.replayPending(fakeIls().ports);
    clock.advance(30 * DAY - 1);
    expect(store.purgeExpired().offlineQueue).toBe(0);
    clock.advance(1);
    expect(store.purgeExpired().offlineQueue).toBe(3);
  });
});
