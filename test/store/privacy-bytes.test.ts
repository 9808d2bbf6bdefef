// Raw-byte checks on real database files: what the store must never write in clear (CPR, PIN,
// card number), and what it must really erase (expired access-log entries, old credentials).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateOfficerKeyPair, type Store } from '../../store/index';
import { SECRET_FILE } from '../../store/crypto/installation-secret';
import { FileWorld } from './file-world';
import { containsBytes, DAY, databaseBytes, MovingClock, openTestStore, tempDir, type TempDir } from './helpers';

const CPR = '2512857391';
const CPR_DASHED = '251285-7391';
const LIBRARY_CARD = '3208741956';
const PIN_A = '8293';
const PIN_B = '5176';
const CHILD_CPR = '1403157786';

let tmp: TempDir;
let clock: MovingClock;
let store: Store;
const officer = generateOfficerKeyPair();

beforeEach(() => {
  tmp = tempDir('kiosk-privacy-');
  clock = new MovingClock('2026-03-02T10:00:00Z');
  store = openTestStore(tmp.dir, clock, { accessLog: { officerPublicKey: officer.publicKeyBase64 } });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** Every file the store writes in the data folder, except the secret itself. */
function dataFolderBytes(): Array<[string, Buffer]> {
  return readdirSync(tmp.dir)
    .filter((f) => f !== SECRET_FILE)
    .map((f): [string, Buffer] => [f, readFileSync(path.join(tmp.dir, f))]);
}

function filesContaining(needle: string): string[] {
  const encodings: Buffer[] = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return dataFolderBytes()
    .filter(([, bytes]) => encodings.some((e) => bytes.includes(e)))
    .map(([name]) => name);
}

/** A day of use: online verifications, offline entries, wrong PINs, offline loans, replays, the log. */
async function useTheStore(): Promise<void> {
  const facts = { birthDate: '1985-12-25', ageBand: null, cardLost: false, excludedFromUnstaffed: false, blocked: false, feesDkk: 0 } as const;
  await store.credentials.remember({ ...facts, cardNumber: CPR, pin: PIN_A });
  await store.credentials.remember({ ...facts, cardNumber: LIBRARY_CARD, pin: PIN_B });
  store.credentials.rememberInBackground({ ...facts, cardNumber: CPR, pin: PIN_A });
  await store.credentials.settled();
  expect((await store.offline.verifyForEntry({ cardNumber: CPR, pin: PIN_A, door: 'front' })).ok).toBe(true);
  expect((await store.offline.verifyForEntry({ cardNumber: LIBRARY_CARD, pin: PIN_A, door: 'front' })).ok).toBe(false);
  expect((await store.offline.verifyForBorrowing({ cardNumber: LIBRARY_CARD, pin: PIN_B, door: 'kiosk', items: 2 })).ok).toBe(true);
  store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: CPR });
  store.accessLog.record({ door: 'front', decision: 'denied', reason: 'wrong-pin', cardNumber: LIBRARY_CARD });
  store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'accompanied', cardNumber: CPR, companionCardNumber: CHILD_CPR });
  store.accessLog.record({ door: 'front', decision: 'denied', reason: 'unknown-card', cardNumber: CPR_DASHED });
  const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: ['E0040150AB12CD34'], mode: 'offline' });
  store.journal.queueOffline(entry, { kind: 'checkout', itemId: 'item-1', patronId: LIBRARY_CARD });
  store.journal.finish(entry, 'completed');
  store.offlineQueue.enqueue({ kind: 'checkout', itemId: 'item-2', patronId: CPR });
  store.offlineQueue.enqueue({ kind: 'renewal', itemId: 'item-3', patronId: CPR });
  store.loans.recordLoan({ itemId: 'item-1', cardNumber: LIBRARY_CARD, title: 'Kongens Fald', dueDate: '2026-03-30' });
  store.loans.recordLoan({ itemId: 'item-2', cardNumber: CPR, dueDate: '2026-03-30' });
  const worldDir = tempDir('kiosk-world-');
  const world = FileWorld.create(worldDir.dir, { items: { 'item-1': { status: 'available', patron: null }, 'item-2': { status: 'available', patron: null }, 'item-3': { status: 'available', patron: null } }, applied: [] }, {});
  await store.offlineQueue.replayPending(world.replayPorts()); // item-3 renewal is refused: its row stays for staff
  worldDir.cleanup();
}

describe('the database files in the data folder', () => {
  it('never hold the CPR, the PIN or the card number in clear, in the file or its WAL', async () => {
    await useTheStore();
    store.accessLog.record({ door: 'MARKER-visible-door', decision: 'denied', reason: 'control' });
    const { db, wal } = databaseBytes(store.file);
    expect(wal.length).toBeGreaterThan(0); // the WAL is in use, not checkpointed away
    // Control: the search does see what is written in clear.
    expect(containsBytes(Buffer.concat([db, wal]), 'MARKER-visible-door')).toBe(true);
    for (const secret of [CPR, CPR_DASHED, CHILD_CPR, LIBRARY_CARD, PIN_A, PIN_B]) {
      expect({ secret, files: filesContaining(secret) }).toEqual({ secret, files: [] });
    }
    store.close();
    for (const secret of [CPR, CPR_DASHED, CHILD_CPR, LIBRARY_CARD, PIN_A, PIN_B]) {
      expect({ secret, files: filesContaining(secret) }).toEqual({ secret, files: [] });
    }
    store = openTestStore(tmp.dir, clock);
  });

  it('lose every byte of an expired access-log entry, in the file and the WAL (secure_delete + checkpoint)', () => {
    const marker = 'MARKER-expired-door-5c1f';
    store.accessLog.record({ door: marker, decision: 'denied', reason: 'wrong-pin-MARKER-reason', cardNumber: CPR });
    store.accessLog.record({ door: marker, decision: 'allowed', reason: 'accompanied', cardNumber: CPR, companionCardNumber: CHILD_CPR });
    const [first, second] = store.accessLog.rows();
    const sealed = [first?.identity_sealed, second?.identity_sealed];
    const cardKey = first?.card_key;
    if (!sealed[0] || !sealed[1] || !cardKey) throw new Error('the entries were not written');
    store.checkpoint(); // these entries are now in the main file, not only in the WAL
    store.accessLog.record({ door: `${marker}-in-wal`, decision: 'denied', reason: 'x' }); // and this one only in the WAL
    clock.advance(20 * DAY);
    store.accessLog.record({ door: 'kept-door', decision: 'allowed', reason: 'ok', cardNumber: LIBRARY_CARD });

    const before = databaseBytes(store.file);
    expect(containsBytes(before.db, marker)).toBe(true);
    expect(containsBytes(before.db, sealed[0])).toBe(true);
    expect(containsBytes(before.wal, `${marker}-in-wal`)).toBe(true);

    clock.advance(11 * DAY);
    expect(store.accessLog.purgeExpired(clock.now())).toBe(3);
    const after = databaseBytes(store.file);
    const all = Buffer.concat([after.db, after.wal]);
    for (const gone of [marker, 'MARKER-reason', sealed[0], sealed[1], cardKey]) expect(containsBytes(all, gone)).toBe(false);
    expect(containsBytes(all, 'kept-door')).toBe(true);
    expect(store.accessLog.count()).toBe(1);
    expect(store.integrityCheck()).toBe('ok');
  });

  it('lose an expired credential\'s PIN hash, and an anonymised loan\'s card key', async () => {
    await store.credentials.remember({ cardNumber: CPR, pin: PIN_A, birthDate: null, ageBand: '18+', cardLost: false, excludedFromUnstaffed: false, blocked: false, feesDkk: null });
    const hash = readHash();
    const loan = store.loans.recordLoan({ itemId: 'item-1', cardNumber: LIBRARY_CARD });
    store.loans.recordReturn({ itemId: 'item-1' });
    const loanKey = Buffer.from(store.cardKey(LIBRARY_CARD), 'hex');
    store.checkpoint();
    expect(containsBytes(databaseBytes(store.file).db, hash)).toBe(true);
    expect(containsBytes(databaseBytes(store.file).db, loanKey)).toBe(true);

    clock.advance(31 * DAY);
    const purged = store.purgeExpired();
    expect(purged).toMatchObject({ credentials: 1, loanRecords: 1 });
    const { db, wal } = databaseBytes(store.file);
    expect(containsBytes(Buffer.concat([db, wal]), hash)).toBe(false);
    expect(containsBytes(Buffer.concat([db, wal]), loanKey)).toBe(false);
    expect(store.loans.get(loan)?.cardKey).toBeNull();
  });
});

/** The stored PIN hash of the only cached patron, read straight from the file. */
function readHash(): string {
  const text = databaseBytes(store.file);
  const match = /scrypt(?:-peppered)?\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}/.exec(Buffer.concat([text.db, text.wal]).toString('latin1'));
  if (!match) throw new Error('no PIN hash found in the files');
  return match[0];
}
