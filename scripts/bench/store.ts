// Store figures at scale, through the store's own API wherever the figure is about it:
// a credential cache of 1,000,000 patrons, an access log of 1,000,000 entries and its
// retention purge, and the offline queue replaying 10,000 transactions against the simulated ILS.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Sip2Client } from '../../ils/client/sip2-client';
import { SimIls } from '../../ils/sim/sim-ils';
import { replayTransaction, transactionOutcome } from '../../runtime/services/site-services';
import { DEFAULT_PIN_COST, generateOfficerKeyPair, openStore, type Store } from '../../store/index';
import { hashPin } from '../../store/crypto/pin-hash';
import { generateItems, generatePatrons, libraryData } from './lib/library-data';
import { distribution, type Distribution, randomInt, round, seededRandom } from './lib/stats';

const DAY = 86_400_000;
const BATCH = 10_000;
/** Seeding only: a real but trivial scrypt, so a million rows take seconds, not days. */
const SEED_COST = { N: 16, r: 1, p: 1 };

export interface StoreFigures {
  credentials: {
    patrons: number;
    seeding: string;
    fileMb: number;
    openMs: number;
    lookupMs: Distribution;
    verifyAtRealCostMs: Distribution;
    rememberAtRealCostMs: Distribution;
  };
  accessLog: {
    entries: number;
    recordPerSecond: number;
    recordSealedPerSecond: number;
    bulkInsertPerSecond: number;
    fileMb: number;
    openMs: number;
    purge: { deleted: number; ms: number; left: number };
  };
  offlineReplay: { transactions: number; seconds: number; perSecond: number; done: number };
}

function fileMb(store: Store): number {
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return round((size(store.file) + size(`${store.file}-wal`)) / 2 ** 20);
}

async function timed<T>(action: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await action();
  return [result, performance.now() - start];
}

async function credentials(dir: string, count: number, probes: number, lookups: number): Promise<StoreFigures['credentials']> {
  const dataDir = path.join(dir, 'credentials');
  let store = openStore({ dataDir });
  const remember: number[] = [];
  for (let i = 0; i < probes; i += 1) {
    const [, ms] = await timed(() =>
      store.credentials.remember({ cardNumber: `probe-${i}`, pin: '1234', birthDate: '1980-01-01', ageBand: null, cardLost: false, excludedFromUnstaffed: false, blocked: false, feesDkk: 0 }),
    );
    remember.push(ms);
  }
  const db = new Database(store.file);
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    `INSERT INTO patron_credentials (card_key, pin_hash, birth_date, age_band, card_lost, excluded_from_unstaffed, blocked, fees_dkk, verified_at)
     VALUES (?, ?, '1975-05-05', NULL, 0, 0, 0, 0, ?)`,
  );
  const now = Date.now();
  for (let start = 0; start < count - probes; start += BATCH) {
    const pinHash = await hashPin('1234', SEED_COST);
    const rows = Math.min(BATCH, count - probes - start);
    db.transaction(() => {
      for (let i = start; i < start + rows; i += 1) insert.run(Buffer.from(store.cardKey(`bulk-${i}`), 'hex'), pinHash, now - (i % 1000) * 60_000);
    })();
  }
  db.close();
  store.checkpoint();
  store.close();
  const [reopened, openMs] = await timed(() => openStore({ dataDir }));
  store = reopened;
  const random = seededRandom(11);
  const lookup: number[] = [];
  for (let i = 0; i < lookups; i += 1) {
    const [result, ms] = await timed(() => store.credentials.verifyOffline(`bulk-${randomInt(random, count - probes)}`, '1234'));
    if (!result.ok) throw new Error('a seeded patron was not found');
    lookup.push(ms);
  }
  const verify: number[] = [];
  for (let i = 0; i < probes; i += 1) {
    const [result, ms] = await timed(() => store.credentials.verifyOffline(`probe-${i}`, '1234'));
    if (!result.ok) throw new Error('a probe patron was not verified');
    verify.push(ms);
  }
  const figures = {
    patrons: store.credentials.count(),
    seeding: `${probes} patrons through credentials.remember() at the real scrypt cost (N=${DEFAULT_PIN_COST.N}, r=${DEFAULT_PIN_COST.r}); the rest inserted in ${BATCH}-row transactions with a cheap scrypt hash (N=${SEED_COST.N}, r=${SEED_COST.r}); lookups on those rows, verification on the probe rows`,
    fileMb: fileMb(store),
    openMs: round(openMs),
    lookupMs: distribution(lookup),
    verifyAtRealCostMs: distribution(verify),
    rememberAtRealCostMs: distribution(remember),
  };
  store.close();
  return figures;
}

async function accessLog(dir: string, count: number, autocommitted: number): Promise<StoreFigures['accessLog']> {
  const officer = generateOfficerKeyPair();
  const sealedStore = openStore({ dataDir: path.join(dir, 'access-sealed'), accessLog: { officerPublicKey: officer.publicKeyBase64 } });
  const [, sealedMs] = await timed(() => {
    for (let i = 0; i < autocommitted; i += 1) sealedStore.accessLog.record({ door: 'door-1', decision: 'allowed', reason: 'allowed', cardNumber: `card-${i}` });
  });
  sealedStore.close();

  const dataDir = path.join(dir, 'access');
  let store = openStore({ dataDir });
  const now = Date.now();
  const span = 60 * DAY; // half the entries are older than the 30-day retention
  const [, recordMs] = await timed(() => {
    for (let i = 0; i < autocommitted; i += 1) {
      store.accessLog.record({ door: 'door-1', decision: i % 7 ? 'allowed' : 'denied', reason: i % 7 ? 'allowed' : 'wrong-pin', cardNumber: `card-${i % 50_000}`, at: new Date(now - Math.floor((i / count) * span)) });
    }
  });
  const db = new Database(store.file);
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(`INSERT INTO access_log (at, door, decision, reason, card_key, companion_card_key, identity_sealed, officer_key_id) VALUES (?, 'door-1', ?, ?, ?, NULL, NULL, NULL)`);
  const [, bulkMs] = await timed(() => {
    for (let start = autocommitted; start < count; start += BATCH) {
      const end = Math.min(count, start + BATCH);
      db.transaction(() => {
        for (let i = start; i < end; i += 1) {
          insert.run(now - Math.floor((i / count) * span), i % 7 ? 'allowed' : 'denied', i % 7 ? 'allowed' : 'wrong-pin', Buffer.from(store.cardKey(`card-${i % 50_000}`), 'hex'));
        }
      })();
    }
  });
  db.close();
  store.checkpoint();
  const size = fileMb(store);
  store.close();
  // Reopened with the clock 30 days back, so the start-up purge finds nothing; then today's purge.
  const [reopened, openMs] = await timed(() => openStore({ dataDir, clock: { now: () => new Date(now - 30 * DAY) } }));
  store = reopened;
  const [report, purgeMs] = await timed(() => store.purgeExpired(new Date(now)));
  const figures = {
    entries: count,
    recordPerSecond: Math.round(autocommitted / (recordMs / 1000)),
    recordSealedPerSecond: Math.round(autocommitted / (sealedMs / 1000)),
    bulkInsertPerSecond: Math.round((count - autocommitted) / (bulkMs / 1000)),
    fileMb: size,
    openMs: round(openMs),
    purge: { deleted: report.accessLog, ms: round(purgeMs), left: store.accessLog.count() },
  };
  store.close();
  return figures;
}

async function offlineReplay(dir: string, count: number): Promise<StoreFigures['offlineReplay']> {
  const random = seededRandom(12);
  const patrons = generatePatrons(20, random);
  const items = generateItems(count);
  const sim = new SimIls({ data: libraryData(patrons, items) });
  const address = await sim.listenSip2({ host: '127.0.0.1', port: 0 });
  const ils = new Sip2Client({ transport: 'tcp', host: address.host, port: address.port, user: 'kiosk', password: 'kiosk', institution: sim.state.institution, heartbeatIntervalMs: 0 });
  const store = openStore({ dataDir: path.join(dir, 'replay') });
  try {
    const at = new Date(Date.now() - 3_600_000);
    for (const [i, item] of items.entries()) store.offlineQueue.enqueue({ kind: 'checkout', itemId: item.id, patronId: patrons[i % patrons.length]!.id, occurredAt: at });
    await ils.login();
    const [report, ms] = await timed(() => store.offlineQueue.replayPending({ replay: (tx) => replayTransaction(ils, tx), checkOutcome: (tx) => transactionOutcome(ils, tx) }));
    const onLoan = items.filter((item) => sim.state.item(item.id)?.onLoanTo !== undefined).length;
    if (report.done !== count || onLoan !== count) throw new Error(`replay: ${report.done} done, ${onLoan} on loan of ${count}`);
    return { transactions: count, seconds: round(ms / 1000, 2), perSecond: Math.round(count / (ms / 1000)), done: report.done };
  } finally {
    store.close();
    await ils.close();
    await sim.close();
  }
}

export async function benchStore(options: { patrons: number; probes: number; lookups: number; accessLogEntries: number; autocommitted: number; replay: number; progress: (line: string) => void }): Promise<StoreFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-bench-store-'));
  try {
    options.progress(`store: ${options.patrons} cached patrons`);
    const creds = await credentials(dir, options.patrons, options.probes, options.lookups);
    options.progress(`store: access log of ${options.accessLogEntries} entries`);
    const log = await accessLog(dir, options.accessLogEntries, options.autocommitted);
    options.progress(`store: offline replay of ${options.replay} transactions`);
    const replay = await offlineReplay(dir, options.replay);
    return { credentials: creds, accessLog: log, offlineReplay: replay };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
