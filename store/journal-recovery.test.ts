import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MovingClock, openTestStore, tempDir, type TempDir } from '../test/store/helpers';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY } from '../policy';
import { type ItemCirculation, type RecoveryPorts } from './journal-recovery';
import type { Store } from './open-store';

let tmp: TempDir;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = openTestStore(tmp.dir, new MovingClock('2026-03-02T10:00:00Z'));
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** An in-memory ILS and tag world for the recovery's decisions. */
function world(status: Record<string, ItemCirculation>, afi: Record<string, number>) {
  const calls: string[] = [];
  const ports: RecoveryPorts = {
    async itemStatus(itemId) {
      calls.push(`status ${itemId}`);
      return status[itemId] ?? 'unknown';
    },
    async writeAfi({ itemId, tagUid }, value) {
      calls.push(`afi ${tagUid ?? itemId}=${value.toString(16)}`);
      if (tagUid === 'gone') throw new Error('tag not in the field');
      afi[tagUid ?? itemId] = value;
    },
    async replay(tx) {
      calls.push(`${tx.kind} ${tx.itemId}`);
      status[tx.itemId] = 'available';
      return { ok: true };
    },
  };
  return { ports, calls, status, afi };
}

describe('checkout journal', () => {
  it('commits a row before a step and closes it after', async () => {
    const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: ['E004A'], mode: 'online' });
    let seenDuring: unknown;
    await store.journal.step(entry, 'ils', async () => {
      seenDuring = store.journal.get(entry)?.steps;
      return { ok: true };
    });
    expect(seenDuring).toEqual([{ id: 1, step: 'ils', startedAt: new Date('2026-03-02T10:00:00Z'), finishedAt: null, outcome: null }]);
    expect(store.journal.get(entry)?.steps[0]).toMatchObject({ outcome: 'ok', finishedAt: new Date('2026-03-02T10:00:00Z') });
  });

  it('leaves a step open when it throws: its effect is unknown', async () => {
    const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: [], mode: 'online' });
    await expect(store.journal.step(entry, 'ils', () => Promise.reject(new Error('timeout')))).rejects.toThrow('timeout');
    expect(store.journal.openEntries()[0]?.steps[0]).toMatchObject({ step: 'ils', outcome: null, finishedAt: null });
  });
});

describe('journal recovery', () => {
  it('completes a checkout the ILS accepted but whose AFI was never written', async () => {
    const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: ['t1', 't2'], mode: 'online' });
    await store.journal.step(entry, 'ils', async () => ({ ok: true }));
    const w = world({ 'item-1': 'checked-out' }, { t1: AFI_IN_LIBRARY, t2: AFI_IN_LIBRARY });
    const report = await store.recoverJournal(w.ports);
    expect(report).toEqual({ resolved: [{ entryId: entry, itemId: 'item-1', kind: 'checkout', actions: ['afi-set-to-checked-out'] }], unresolved: [] });
    expect(w.afi).toEqual({ t1: AFI_CHECKED_OUT, t2: AFI_CHECKED_OUT });
    expect(w.calls).toEqual(['afi t1=c2', 'afi t2=c2']); // the journal knew; no need to ask the ILS
    expect(store.journal.openEntries()).toEqual([]);
    expect(store.journal.get(entry)).toMatchObject({ outcome: 'recovered', note: 'afi-set-to-checked-out' });
  });

  it('asks the ILS when the crash came during the checkout call', async () => {
    const a = store.journal.begin({ kind: 'checkout', itemId: 'applied', tagUids: ['ta'], mode: 'online' });
    store.journal.startStep(a, 'ils');
    const b = store.journal.begin({ kind: 'checkout', itemId: 'lost-in-transit', tagUids: ['tb'], mode: 'online' });
    store.journal.startStep(b, 'ils');
    const w = world({ applied: 'checked-out', 'lost-in-transit': 'available' }, {});
    await store.recoverJournal(w.ports);
    expect(w.afi).toEqual({ ta: AFI_CHECKED_OUT, tb: AFI_IN_LIBRARY });
  });

  it('finishes a checkin cut short during the ILS call, then secures the tag', async () => {
    const entry = store.journal.begin({ kind: 'checkin', itemId: 'item-1', tagUids: ['t1'], mode: 'online' });
    store.journal.startStep(entry, 'ils');
    const w = world({ 'item-1': 'checked-out' }, { t1: AFI_CHECKED_OUT });
    const report = await store.recoverJournal(w.ports);
    expect(w.calls).toEqual(['status item-1', 'checkin item-1', 'afi t1=7']);
    expect(report.resolved[0]?.actions).toEqual(['checkin-finished', 'afi-set-to-in-library']);
  });

  it('leaves alone what never reached the ILS, and what the ILS refused', async () => {
    store.journal.begin({ kind: 'checkout', itemId: 'never-sent', tagUids: ['t1'], mode: 'online' });
    const refused = store.journal.begin({ kind: 'checkout', itemId: 'refused', tagUids: ['t2'], mode: 'online' });
    await store.journal.step(refused, 'ils', async () => ({ ok: false }), () => 'refused');
    const w = world({}, {});
    const report = await store.recoverJournal(w.ports);
    expect(w.calls).toEqual([]);
    expect(report.resolved.map((r) => r.actions)).toEqual([['nothing-had-happened'], ['ils-refused']]);
  });

  it('uses the offline queue as the truth for offline checkouts', async () => {
    const queued = store.journal.begin({ kind: 'checkout', itemId: 'queued', tagUids: ['t1'], mode: 'offline' });
    store.journal.queueOffline(queued, { kind: 'checkout', itemId: 'queued', patronId: '0101901234' });
    store.journal.begin({ kind: 'checkout', itemId: 'not-queued', tagUids: ['t2'], mode: 'offline' });
    const w = world({}, {});
    await store.recoverJournal({ ...w.ports, itemStatus: () => Promise.reject(new Error('ILS offline')) });
    expect(w.afi).toEqual({ t1: AFI_CHECKED_OUT });
    expect(store.offlineQueue.list().map((t) => t.itemId)).toEqual(['queued']);
  });

  it('takes back an offline loan or return whose tag write failed, even if the kiosk dies before closing the entry', async () => {
    const loan = store.journal.begin({ kind: 'checkout', itemId: 'lent', tagUids: ['t1'], mode: 'offline' });
    store.journal.queueOffline(loan, { kind: 'checkout', itemId: 'lent', patronId: '0101901234' });
    const back = store.journal.begin({ kind: 'checkin', itemId: 'returned', tagUids: ['t2'], mode: 'offline' });
    store.journal.queueOffline(back, { kind: 'checkin', itemId: 'returned' });
    await store.journal.step(loan, 'afi', async () => false, () => 'failed');
    await store.journal.step(back, 'afi', async () => false, () => 'failed');
    expect(store.journal.withdrawOffline(loan)).toBe(true);
    expect(store.journal.withdrawOffline(back)).toBe(true);
    expect(store.journal.withdrawOffline(back)).toBe(false);
    expect(store.offlineQueue.list()).toEqual([]);
    // Neither entry was finished (the kiosk died here): recovery must not make the tag say "on loan".
    const w = world({}, { t1: AFI_IN_LIBRARY, t2: AFI_CHECKED_OUT });
    await store.recoverJournal({ ...w.ports, itemStatus: () => Promise.reject(new Error('ILS offline')) });
    expect(w.afi).toEqual({ t1: AFI_IN_LIBRARY, t2: AFI_CHECKED_OUT });
    expect(store.offlineQueue.list()).toEqual([]);
  });

  it('never takes back a queued transaction the replay has already sent', async () => {
    const entry = store.journal.begin({ kind: 'checkout', itemId: 'lent', tagUids: ['t1'], mode: 'offline' });
    const txId = store.journal.queueOffline(entry, { kind: 'checkout', itemId: 'lent', patronId: '0101901234' });
    await store.offlineQueue.replayPending({ replay: async () => ({ ok: true }), checkOutcome: async () => 'unknown' });
    expect(store.offlineQueue.list().find((t) => t.id === txId)?.status).toBe('done');
    expect(store.journal.withdrawOffline(entry)).toBe(false);
    expect(store.offlineQueue.list()).toHaveLength(1);
  });

  it('settles a checkout cut short during its undo towards "not borrowed", never back to the loan', async () => {
    const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: ['t1', 't2'], mode: 'online' });
    await store.journal.step(entry, 'ils', async () => ({ ok: true }));
    await store.journal.step(entry, 'afi', async () => false, () => 'failed');
    store.journal.startStep(entry, 'undo'); // the kiosk died while taking the loan back
    const w = world({ 'item-1': 'checked-out' }, { t1: AFI_CHECKED_OUT, t2: AFI_IN_LIBRARY });
    const report = await store.recoverJournal(w.ports);
    expect(w.afi).toEqual({ t1: AFI_IN_LIBRARY, t2: AFI_IN_LIBRARY });
    expect(w.status['item-1']).toBe('available');
    expect(w.calls).toEqual(['afi t1=7', 'afi t2=7', 'status item-1', 'checkin item-1']);
    expect(report.resolved[0]?.actions).toEqual(['afi-set-to-in-library', 'loan-taken-back']);
  });

  it('takes back a checkout whose tag write failed when the kiosk died before the undo began', async () => {
    const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: ['t1'], mode: 'online' });
    await store.journal.step(entry, 'ils', async () => ({ ok: true }));
    await store.journal.step(entry, 'afi', async () => false, () => 'failed');
    const w = world({ 'item-1': 'checked-out' }, { t1: AFI_CHECKED_OUT });
    await store.recoverJournal(w.ports);
    expect(w.afi).toEqual({ t1: AFI_IN_LIBRARY });
    expect(w.status['item-1']).toBe('available');
  });

  it('keeps the loan when the tags of a failed checkout cannot be reached (the tag may say "on loan")', async () => {
    const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: ['gone'], mode: 'online' });
    await store.journal.step(entry, 'ils', async () => ({ ok: true }));
    await store.journal.step(entry, 'afi', async () => false, () => 'failed');
    const w = world({ 'item-1': 'checked-out' }, {});
    const report = await store.recoverJournal(w.ports);
    expect(w.status['item-1']).toBe('checked-out');
    expect(report.unresolved).toEqual([{ entryId: entry, itemId: 'item-1', reason: 'the AFI could not be written to tag gone: tag not in the field' }]);
  });

  it('never checks in a return the patron was told had not happened', async () => {
    const kept = store.journal.begin({ kind: 'checkin', itemId: 'kept', tagUids: ['t1'], mode: 'online' });
    await store.journal.step(kept, 'afi', async () => true);
    store.journal.startStep(kept, 'ils'); // no answer
    await store.journal.step(kept, 'undo', async () => true); // tags back to 0xC2, patron told "try later"
    const applied = store.journal.begin({ kind: 'checkin', itemId: 'applied-anyway', tagUids: ['gone'], mode: 'online' });
    store.journal.startStep(applied, 'ils');
    await store.journal.step(applied, 'undo', async () => true);
    const w = world({ kept: 'checked-out', 'applied-anyway': 'available' }, { t1: AFI_CHECKED_OUT });
    const report = await store.recoverJournal(w.ports);
    expect(w.calls).toEqual(['status kept', 'status applied-anyway']);
    expect(w.status.kept).toBe('checked-out');
    expect(report.resolved.map((r) => r.actions)).toEqual([['loan-left-with-patron'], ['needs-staff']]);
    expect(store.journal.get(applied)).toMatchObject({ outcome: 'needs-staff' });
  });

  it('finishes a return whose tags were already set to "in library" when the kiosk died before the ILS call', async () => {
    const entry = store.journal.begin({ kind: 'checkin', itemId: 'item-1', tagUids: ['t1'], mode: 'online' });
    await store.journal.step(entry, 'afi', async () => true);
    const w = world({ 'item-1': 'checked-out' }, { t1: AFI_IN_LIBRARY });
    await store.recoverJournal(w.ports);
    expect(w.status['item-1']).toBe('available');
    expect(w.afi).toEqual({ t1: AFI_IN_LIBRARY });
  });

  it('settles one item on its own when it is placed on the pad again', async () => {
    const a = store.journal.begin({ kind: 'checkout', itemId: 'a', tagUids: ['ta'], mode: 'online' });
    await store.journal.step(a, 'ils', async () => ({ ok: true }));
    const b = store.journal.begin({ kind: 'checkout', itemId: 'b', tagUids: ['tb'], mode: 'online' });
    await store.journal.step(b, 'ils', async () => ({ ok: true }));
    const w = world({}, {});
    const report = await store.recoverJournal(w.ports, { itemId: 'b' });
    expect(report.resolved.map((r) => r.itemId)).toEqual(['b']);
    expect(store.journal.openEntries().map((e) => e.id)).toEqual([a]);
  });

  it('keeps an entry open, and says why, when the ILS or the tag cannot be reached', async () => {
    const a = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: ['t1'], mode: 'online' });
    store.journal.startStep(a, 'ils');
    const b = store.journal.begin({ kind: 'checkout', itemId: 'item-2', tagUids: ['gone'], mode: 'online' });
    await store.journal.step(b, 'ils', async () => ({ ok: true }));
    const w = world({ 'item-2': 'checked-out' }, {});
    const report = await store.recoverJournal({ ...w.ports, itemStatus: () => Promise.reject(new Error('connection refused')) });
    expect(report).toEqual({
      resolved: [],
      unresolved: [
        { entryId: a, itemId: 'item-1', reason: 'the ILS could not be asked about the item: connection refused' },
        { entryId: b, itemId: 'item-2', reason: 'the AFI could not be written to tag gone: tag not in the field' },
      ],
    });
    expect(store.journal.openEntries().map((e) => e.id)).toEqual([a, b]);
  });
});
