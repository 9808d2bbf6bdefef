// Checkout and return at the kiosk against an in-memory ILS and pad, with a real store (SQLite in a
// temp folder): the loan/AFI invariant after every failure a tag or the ILS can cause.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IlsOutcomeUnknownError, IlsUnavailableError, type CheckinResult, type CheckoutResult, type Ils, type ItemInformation } from '../../ils';
import { AFI_CHECKED_OUT as C2, AFI_IN_LIBRARY as IN } from '../../policy';
import { type Store } from '../../store/index';
import type { CardRead } from '../../state-machines';
import { MovingClock, openTestStore, tempDir, type TempDir } from '../../test/store/helpers';
import type { Logger } from '../log';
import { checkinItem, checkoutItem, type CirculationDeps, type TagOnPad } from './circulation';
import { circulationLock } from './circulation-deps';
import { recoveryPorts } from './recovery-ports';

const ANNA: CardRead = { kind: 'library-card', patronId: '3900001111', masked: '••••1111' };
const BO = '3900002222';

/** The ILS's loans, and what each call does when a test says so. */
class Library {
  loans = new Map<string, string>();
  /** Items waiting on the hold shelf (for someone the kiosk is not told). */
  holdShelf = new Set<string>();
  calls: string[] = [];
  state: 'online' | 'offline' = 'online';
  failCheckin: Error | null = null;
  loseCheckoutReply = false;
  failPatronInfo = false;
  desensitize: boolean | undefined = undefined;

  readonly ils = {
    link: { get state() { return lib.state; }, subscribe: () => () => undefined },
    checkout: async ({ patronId, itemId }: { patronId: string; itemId: string }): Promise<CheckoutResult> => {
      this.calls.push(`checkout ${itemId}`);
      const base = { itemId, renewal: false, screenMessages: [] as string[], recovered: false };
      if (this.loans.has(itemId)) return { ...base, ok: false, screenMessages: ['on loan'] };
      this.loans.set(itemId, patronId);
      if (this.loseCheckoutReply) throw new IlsOutcomeUnknownError('checkout', 'no reply');
      return { ...base, ok: true, title: `Title of ${itemId}`, dueDate: new Date('2026-04-01T12:00:00Z'), ...(this.desensitize === undefined ? {} : { desensitize: this.desensitize }) };
    },
    checkin: async ({ itemId }: { itemId: string }): Promise<CheckinResult> => {
      this.calls.push(`checkin ${itemId}`);
      if (this.failCheckin) throw this.failCheckin;
      const base = { itemId, resensitize: true, alert: false, screenMessages: [] as string[], recovered: false };
      if (!this.loans.delete(itemId)) return { ...base, ok: false, screenMessages: ['Item not checked out'] };
      return { ...base, ok: true, title: `Title of ${itemId}` };
    },
    itemInformation: async (itemId: string): Promise<ItemInformation> => {
      this.calls.push(`item ${itemId}`);
      const circulationStatus = this.loans.has(itemId) ? 'charged' : this.holdShelf.has(itemId) ? 'on-hold-shelf' : 'available';
      return { itemId, found: true, circulationStatus, screenMessages: [] };
    },
    patronInformation: async (patronId: string) => {
      this.calls.push('patron');
      if (this.failPatronInfo) throw new IlsUnavailableError('down');
      return { loans: [...this.loans].filter(([, p]) => p === patronId).map(([itemId]) => ({ itemId, overdue: false })) };
    },
    renew: async () => ({ ok: false, itemId: '', screenMessages: [] }),
    placeHold: async ({ patronId, itemId }: { patronId: string; itemId: string }) => {
      this.calls.push(`hold ${itemId} for ${patronId === ANNA.patronId ? 'Anna' : patronId}`);
      return { ok: true, available: true, itemId, screenMessages: [] };
    },
  };
}
let lib: Library;

/** The pad: tags with their AFI, the ones that fail, the ones lifted. */
class Pad {
  afi = new Map<string, number>();
  /** Tags whose next write fails (the write is not applied). */
  failOnce = new Set<string>();
  /** Tags that fail every write: whether a write reached them is unknown. */
  failing = new Set<string>();
  lifted = new Set<string>();
  facts = new Map<string, TagOnPad>();
  place(afi: number, ...uids: string[]) {
    for (const uid of uids) this.afi.set(uid, afi);
  }
  async writeAfi(uid: string, value: number) {
    if (this.failOnce.delete(uid) || this.failing.has(uid) || this.lifted.has(uid)) throw new Error(`tag ${uid} did not answer`);
    this.afi.set(uid, value);
  }
}

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;

let tmp: TempDir;
let store: Store;
let pad: Pad;
let problems: string[];
let deps: CirculationDeps;
beforeEach(() => {
  tmp = tempDir();
  store = openTestStore(tmp.dir, new MovingClock('2026-03-02T10:00:00Z'));
  lib = new Library();
  pad = new Pad();
  problems = [];
  const ils = lib.ils as unknown as Ils;
  deps = {
    ils,
    store,
    clock: new MovingClock('2026-03-02T10:00:00Z'),
    log: quiet,
    branch: 'main',
    maxItemsOffline: 5,
    ownIsil: 'DK-775100',
    writeAfi: (uid, afi) => pad.writeAfi(uid, afi),
    tagOnPad: (uid) => (pad.lifted.has(uid) || !pad.afi.has(uid) ? null : (pad.facts.get(uid) ?? { usage: 'circulating', owner: 'DK-775100' })),
    recovery: recoveryPorts(ils, pad),
    problem: (kind, what) => problems.push(`${kind} ${what}`),
  };
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('checkout: the tags follow the ILS, or the loan is taken back', () => {
  it('lends and sets every tag of a set', async () => {
    pad.place(IN, 's1', 's2');
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'S', tagUids: ['s1', 's2'] })).toMatchObject({ ok: true, title: 'Title of S', dueDate: '2026-04-01' });
    expect([...pad.afi.values()]).toEqual([C2, C2]);
    expect(lib.loans.get('S')).toBe(ANNA.patronId);
  });

  it('puts every tag of a set back and takes the loan back when one tag cannot be written', async () => {
    pad.place(IN, 's1', 's2', 's3');
    pad.failOnce.add('s2');
    const outcome = await checkoutItem(deps, { card: ANNA, itemId: 'S', tagUids: ['s1', 's2', 's3'] });
    expect(outcome).toMatchObject({ ok: false, reason: 'afi-write-failed' });
    expect(pad.afi.get('s1')).toBe(IN);
    expect(pad.afi.get('s3')).toBe(IN);
    expect(lib.loans.has('S')).toBe(false);
    const [entry] = store.journal.openEntries();
    expect(entry).toBeUndefined();
    expect(problems).toEqual(['checkout afi-write-failed']);
  });

  it('gives the patron the hold back when a hold pickup is taken back', async () => {
    store.knownItems.remember({ itemId: 'H', circulation: 'on-hold-shelf', holder: ANNA.patronId });
    pad.place(IN, 'h1');
    pad.failOnce.add('h1');
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'H', tagUids: ['h1'] })).toMatchObject({ ok: false, reason: 'afi-write-failed' });
    expect(lib.calls).toEqual(['checkout H', 'checkin H', 'hold H for Anna']);
  });

  it('writes nothing when the item left the pad during the ILS call, and takes the loan back', async () => {
    pad.place(IN, 'a1');
    lib.ils.checkout = ((original) => async (request: { patronId: string; itemId: string }) => {
      pad.lifted.add('a1');
      return original(request);
    })(lib.ils.checkout);
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'item-lifted' });
    expect(pad.afi.get('a1')).toBe(IN);
    expect(lib.loans.has('A')).toBe(false);
  });

  it('says the loan is being cancelled, and keeps the entry open, when the ILS will not take it back yet', async () => {
    pad.place(IN, 'a1');
    pad.failOnce.add('a1');
    lib.failCheckin = new IlsUnavailableError('link down');
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'undo-pending' });
    expect(store.journal.openEntries()).toHaveLength(1);
    // When the ILS is back, recovery takes the loan back (never lends it again).
    lib.failCheckin = null;
    pad.failing.clear();
    const report = await store.recoverJournal(deps.recovery);
    expect(report.resolved[0]?.actions).toContain('loan-taken-back');
    expect(lib.loans.has('A')).toBe(false);
    expect(pad.afi.get('a1')).toBe(IN);
  });

  it('keeps the loan when a tag that failed cannot be reached to put it back (lifted mid-write: it may say "checked out")', async () => {
    pad.place(IN, 'a1');
    pad.failing.add('a1');
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'needs-staff' });
    expect(lib.loans.get('A')).toBe(ANNA.patronId);
    expect(store.journal.openEntries()).toHaveLength(1);
    expect(problems).toEqual(['checkout needs-staff']);
  });

  it('keeps the loan (and says so) when a tag may say "checked out" and cannot be put back; placing it again settles it', async () => {
    pad.place(IN, 's1', 's2');
    let writes = 0;
    deps.writeAfi = async (uid, afi) => {
      writes += 1;
      if (writes === 2) throw new Error('s2 did not answer'); // s1 set, s2 fails...
      if (writes === 3) throw new Error('s1 did not answer'); // ...and s1 cannot be put back
      await pad.writeAfi(uid, afi);
    };
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'S', tagUids: ['s1', 's2'] })).toMatchObject({ ok: false, reason: 'needs-staff' });
    expect(pad.afi.get('s1')).toBe(C2);
    expect(lib.loans.get('S')).toBe(ANNA.patronId); // the tag says "out": so does the ILS
    // Placed again: the open entry is settled first (tags back, loan taken back), then the new checkout runs.
    deps.writeAfi = (uid, afi) => pad.writeAfi(uid, afi);
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'S', tagUids: ['s1', 's2'] })).toMatchObject({ ok: true });
    expect(lib.calls.filter((c) => c.startsWith('check'))).toEqual(['checkout S', 'checkin S', 'checkout S']);
    expect([...pad.afi.values()]).toEqual([C2, C2]);
    expect(store.journal.openEntries()).toEqual([]);
  });

  it('takes back a loan made although its reply was lost, after checking it is this patron\'s', async () => {
    pad.place(IN, 'a1');
    lib.loseCheckoutReply = true;
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(lib.loans.has('A')).toBe(false);
    expect(pad.afi.get('a1')).toBe(IN);
    expect(store.journal.openEntries()).toEqual([]);
  });

  it('never takes back another patron\'s loan after a lost reply it cannot check', async () => {
    pad.place(C2, 'a1');
    lib.loans.set('A', BO);
    lib.ils.checkout = async () => {
      throw new IlsOutcomeUnknownError('checkout', 'no reply');
    };
    lib.failPatronInfo = true;
    await checkoutItem(deps, { card: ANNA, itemId: 'A', tagUids: ['a1'] });
    expect(lib.loans.get('A')).toBe(BO);
    const report = await store.recoverJournal(deps.recovery);
    expect(lib.loans.get('A')).toBe(BO);
    expect(report.resolved[0]?.actions).toEqual(['needs-staff']);
  });

  it('does not self-lend an item whose security the ILS wants left on', async () => {
    pad.place(IN, 'a1');
    lib.desensitize = false;
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'ils-refused' });
    expect(lib.loans.has('A')).toBe(false);
    expect(pad.afi.get('a1')).toBe(IN);
  });
});

describe('the circulation lock', () => {
  it('makes recovery wait for a checkout in progress instead of taking it for a crash', async () => {
    deps.lock = circulationLock();
    pad.place(IN, 'a1');
    let answer!: () => void;
    const checkout = lib.ils.checkout;
    lib.ils.checkout = async (request) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return checkout(request);
    };
    const borrowing = checkoutItem(deps, { card: ANNA, itemId: 'A', tagUids: ['a1'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const recovering = deps.lock(() => store.recoverJournal(deps.recovery));
    await new Promise((resolve) => setTimeout(resolve, 20));
    answer();
    expect(await borrowing).toMatchObject({ ok: true });
    expect((await recovering).resolved).toEqual([]);
    expect(pad.afi.get('a1')).toBe(C2);
  });
});

describe('offline checkout lends only what the kiosk can vouch for', () => {
  beforeEach(() => {
    lib.state = 'offline';
    store.knownItems.remember({ itemId: 'KNOWN', title: 'Kendt bog', circulation: 'available' });
    store.knownItems.remember({ itemId: 'HELD', circulation: 'on-hold-shelf', holder: BO });
    store.knownItems.remember({ itemId: 'MINE', circulation: 'on-hold-shelf', holder: ANNA.patronId });
  });
  const borrow = (itemId: string, uid = 't1') => {
    pad.place(IN, uid);
    return checkoutItem(deps, { card: ANNA, itemId, tagUids: [uid] });
  };

  it('lends a known item with its title and no due date yet', async () => {
    expect(await borrow('KNOWN')).toEqual({ ok: true, itemId: 'KNOWN', title: 'Kendt bog', dueDate: '', renewed: false, offline: true });
    expect(pad.afi.get('t1')).toBe(C2);
    expect(store.offlineQueue.list().map((t) => t.itemId)).toEqual(['KNOWN']);
  });

  it('lends the hold waiting for this patron', async () => {
    expect(await borrow('MINE')).toMatchObject({ ok: true });
  });

  it.each([
    ['an item it never heard of', 'NEVER-SEEN', undefined, 'unknown-item-offline'],
    ["another patron's hold", 'HELD', undefined, 'reserved-by-another'],
    ['a reference copy', 'KNOWN', { usage: 'reference', owner: 'DK-775100' }, 'not-for-loan'],
    ["another library's item", 'KNOWN', { usage: 'circulating', owner: 'DK-710100' }, 'other-library'],
  ] as const)('refuses %s, leaving the tag and the queue alone', async (_what, itemId, facts, reason) => {
    if (facts) pad.facts.set('t1', facts);
    expect(await borrow(itemId)).toMatchObject({ ok: false, reason });
    expect(pad.afi.get('t1')).toBe(IN);
    expect(store.offlineQueue.list()).toEqual([]);
  });

  it('keeps the queued loan when a tag that failed cannot be put back (it may say "checked out")', async () => {
    pad.place(IN, 't1');
    pad.failing.add('t1');
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'KNOWN', tagUids: ['t1'] })).toMatchObject({ ok: false, reason: 'needs-staff' });
    expect(store.offlineQueue.list().map((t) => t.itemId)).toEqual(['KNOWN']);
  });

  it('does not learn from an offline return that an item is free to lend offline', async () => {
    pad.place(C2, 'h1');
    expect(await checkinItem(deps, { itemId: 'HELD', tagUids: ['h1'] })).toMatchObject({ ok: true });
    expect(await checkinItem(deps, { itemId: 'NEVER-SEEN', tagUids: ['h1'] })).toMatchObject({ ok: true });
    expect(await borrow('HELD', 'h2')).toMatchObject({ ok: false, reason: 'reserved-by-another' });
    expect(await borrow('NEVER-SEEN', 'h3')).toMatchObject({ ok: false, reason: 'unknown-item-offline' });
  });

  it('queues nothing when the tag write fails', async () => {
    pad.failOnce.add('t1');
    expect(await borrow('KNOWN')).toMatchObject({ ok: false, reason: 'afi-write-failed' });
    expect(store.offlineQueue.list()).toEqual([]);
  });
});

describe('return: the tags say "in library" before the ILS is asked', () => {
  it('returns and sets every tag', async () => {
    lib.loans.set('S', ANNA.patronId);
    pad.place(C2, 's1', 's2');
    expect(await checkinItem(deps, { itemId: 'S', tagUids: ['s1', 's2'] })).toMatchObject({ ok: true, destination: 'shelf' });
    expect([...pad.afi.values()]).toEqual([IN, IN]);
    expect(lib.loans.has('S')).toBe(false);
  });

  it('never checks in an item whose tags cannot be written (lifted while "processing")', async () => {
    lib.loans.set('S', ANNA.patronId);
    pad.place(C2, 's1', 's2');
    pad.failing.add('s2');
    expect(await checkinItem(deps, { itemId: 'S', tagUids: ['s1', 's2'] })).toMatchObject({ ok: false, reason: 'afi-write-failed' });
    expect(lib.calls).not.toContain('checkin S');
    expect(lib.loans.get('S')).toBe(ANNA.patronId);
    expect(pad.afi.get('s1')).toBe(C2);
  });

  it('gives the tags back their "on loan" when the ILS does not answer, and never checks it in later', async () => {
    lib.loans.set('A', ANNA.patronId);
    pad.place(C2, 'a1');
    lib.failCheckin = new IlsOutcomeUnknownError('checkin', 'no reply');
    expect(await checkinItem(deps, { itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(pad.afi.get('a1')).toBe(C2);
    lib.failCheckin = null;
    await store.recoverJournal(deps.recovery); // the next start
    expect(lib.loans.get('A')).toBe(ANNA.patronId);
    expect(lib.calls.filter((c) => c === 'checkin A')).toHaveLength(1);
  });

  it('lets a return stand when its answer was lost but the ILS did check it in (never back to "on loan" without a loan)', async () => {
    lib.loans.set('A', ANNA.patronId);
    pad.place(C2, 'a1');
    lib.ils.checkin = async ({ itemId }) => {
      lib.loans.delete(itemId);
      throw new IlsOutcomeUnknownError('checkin', 'no reply');
    };
    expect(await checkinItem(deps, { itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: true, destination: 'alert' });
    expect(pad.afi.get('a1')).toBe(IN);
    expect(store.journal.openEntries()).toEqual([]);
  });

  it('leaves an item that was not on loan saying "in library" (a tag an earlier failure left wrong is fixed)', async () => {
    pad.place(C2, 'a1');
    expect(await checkinItem(deps, { itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'not-on-loan' });
    expect(pad.afi.get('a1')).toBe(IN);
  });

  it('remembers a hold-shelf item placed on the return pad as held, so it is not lent offline later', async () => {
    lib.holdShelf.add('HS');
    pad.place(IN, 'h1');
    expect(await checkinItem(deps, { itemId: 'HS', tagUids: ['h1'] })).toMatchObject({ ok: false, reason: 'not-on-loan' });
    lib.state = 'offline';
    expect(await checkoutItem(deps, { card: ANNA, itemId: 'HS', tagUids: ['h1'] })).toMatchObject({ ok: false, reason: 'reserved-by-another' });
    expect(pad.afi.get('h1')).toBe(IN);
  });

  it('says "on loan" again when the ILS refuses the return of an item still on loan', async () => {
    lib.loans.set('A', ANNA.patronId);
    pad.place(C2, 'a1');
    lib.ils.checkin = async ({ itemId }) => ({ ok: false, itemId, resensitize: false, alert: false, screenMessages: ['Not here'], recovered: false });
    expect(await checkinItem(deps, { itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'ils-refused', message: 'Not here' });
    expect(pad.afi.get('a1')).toBe(C2);
  });

  it('queues an offline return only after its tags say "in library"', async () => {
    lib.state = 'offline';
    pad.place(C2, 'a1');
    pad.failing.add('a1');
    expect(await checkinItem(deps, { itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: false, reason: 'afi-write-failed' });
    expect(store.offlineQueue.list()).toEqual([]);
    pad.failing.clear();
    expect(await checkinItem(deps, { itemId: 'A', tagUids: ['a1'] })).toMatchObject({ ok: true });
    expect(store.offlineQueue.list().map((t) => t.kind)).toEqual(['checkin']);
  });
});
