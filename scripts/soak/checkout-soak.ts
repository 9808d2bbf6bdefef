// Checkout soak: checkouts and returns at the kiosk (`kiosk start --browser` in its own process)
// with SIGKILLs at random moments mid-transaction and restarts. The simulated ILS and the FEIG
// reader live in this process, so their state survives; after each recovery, every item's loan
// in the ILS and its tags' AFI must agree, nothing reported done may be lost, and the ILS must
// never have applied anything twice. With `afiFailRate`, that share of AFI writes fails (seeded):
// then what the screen told the patron must still be what happened (told borrowed <=> the ILS
// lends it to that patron and every tag reads 0xC2), item by item.
import { type KioskRig as Rig, KioskRig } from '../bench/lib/kiosk-rig';
import { generateItems, generatePatrons, libraryData, type TestPatron } from '../bench/lib/library-data';
import { pick, randomInt, seededRandom, sleep } from '../bench/lib/stats';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY } from '../../policy';
import { openStore } from '../../store/index';
import { installAfiFaults } from './afi-faults';

export interface CheckoutSoakOptions {
  /** Item transactions (checkouts + returns) to make. */
  transactions: number;
  seed: number;
  /** Kill the kiosk in this share of the sessions... */
  killShare?: number;
  /** ...or exactly in these sessions (0-based). */
  killSessions?: number[];
  items?: number;
  /** Items per session: from 1 up to this (default 4). */
  maxItemsPerSession?: number;
  minItemsPerSession?: number;
  /** Share (0-1) of AFI writes that fail as a whole (every attempt of that write); seeded from `seed`. */
  afiFailRate?: number;
  progress?: (line: string) => void;
}

export interface CheckoutSoakReport {
  sessions: number;
  transactions: { checkouts: number; returns: number };
  kills: number;
  recovered: { resolved: number; unresolved: number };
  ilsApplications: { checkouts: number; checkins: number; renewals: number };
  /** AFI writes made to fail, and the checkouts the kiosk took back (checkout then checkin) after one. */
  afiFaults: { writesFailed: number; loansTakenBack: number; refused: { checkouts: number; returns: number } };
  seconds: number;
  violations: string[];
}

const FINAL = new Set(['borrowed', 'renewed', 'returned', 'refused', 'incomplete-set', 'unreadable']);
/** Refusals whose message tells the patron the loan stays on the card for now (see renderer/i18n). */
const LOAN_STANDS = new Set(['needs-staff', 'undo-pending']);

type ItemView = { itemId: string | null; status: string; reason?: string };

function itemsOf(rig: Rig): ItemView[] {
  const screen = rig.view?.screen;
  return screen && (screen.name === 'checkout' || screen.name === 'return') ? screen.items : [];
}

export async function checkoutSoak(options: CheckoutSoakOptions): Promise<CheckoutSoakReport> {
  const started = performance.now();
  const random = seededRandom(options.seed);
  const patrons = generatePatrons(6, random);
  const items = generateItems(options.items ?? 60, { partsEvery: 7 });
  const ids = items.map((i) => i.id);
  const rig = await KioskRig.start({ data: libraryData(patrons, items), ilsLatencyMs: 20, random: seededRandom(options.seed + 1) });
  const faultRandom = seededRandom(options.seed + 2);
  const failRate = options.afiFailRate ?? 0;
  // How many writes a run makes depends on when the kills land, so a short run could draw no fault at
  // all: with a rate set, a write past the tenth still fails if none has yet (the fault mode is tested).
  let writes = 0;
  const faults = installAfiFaults(rig.rfid, () => {
    writes += 1;
    if (failRate <= 0) return false;
    return faultRandom() < failRate || (writes > 10 && faults.episodes.length === 0);
  });
  const itemOfUid = new Map<string, string>();
  for (const [itemId, tags] of rig.tags) for (const tag of tags) itemOfUid.set(tag.uid.toUpperCase(), itemId);
  const violations: string[] = [];
  const violate = (text: string) => {
    if (violations.length < 50) violations.push(text);
    options.progress?.(`VIOLATION ${text}`);
  };
  const report: CheckoutSoakReport = {
    sessions: 0,
    transactions: { checkouts: 0, returns: 0 },
    kills: 0,
    recovered: { resolved: 0, unresolved: 0 },
    ilsApplications: { checkouts: 0, checkins: 0, renewals: 0 },
    afiFaults: { writesFailed: 0, loansTakenBack: 0, refused: { checkouts: 0, returns: 0 } },
    seconds: 0,
    violations,
  };
  const onLoan = (id: string) => rig.sim.state.item(id)?.onLoanTo;
  /** Items refused with a message that says the loan stays for now (the patron was told): settled later. */
  const told = new Set<string>();
  /** Every item's loan in the ILS and all its tags' AFI agree (at the end: every item, no exception). */
  const checkAgreement = (when: string, exempt: ReadonlySet<string> = told) => {
    for (const id of ids) {
      if (exempt.has(id)) continue;
      const want = onLoan(id) === undefined ? AFI_IN_LIBRARY : AFI_CHECKED_OUT;
      const afis = rig.afis(id);
      if (afis.some((afi) => afi !== want)) violate(`${when}: item ${id} is ${want === AFI_CHECKED_OUT ? 'on loan' : 'not on loan'} in the ILS but its AFI is ${afis.map((a) => a.toString(16)).join('/')}`);
    }
  };

  try {
    await rig.launch();
    let done = 0;
    for (let session = 0; done < options.transactions; session += 1) {
      report.sessions += 1;
      const lent = ids.filter((id) => onLoan(id) !== undefined);
      const returning = lent.length > 0 && (random() < 0.5 || lent.length > ids.length * 0.7);
      const pool = returning ? lent : ids.filter((id) => onLoan(id) === undefined);
      const least = options.minItemsPerSession ?? 1;
      const count = Math.min(pool.length, least + randomInt(random, (options.maxItemsPerSession ?? 4) - least + 1), options.transactions - done);
      const chosen: string[] = [];
      while (chosen.length < count) {
        const id = pick(random, pool);
        if (!chosen.includes(id)) chosen.push(id);
      }
      const patron: TestPatron = pick(random, patrons);
      const kill = options.killSessions ? options.killSessions.includes(session) : random() < (options.killShare ?? 0.15);
      const appsFrom = rig.applications.length;
      const faultsFrom = faults.episodes.length;
      const before = new Map(chosen.map((id) => [id, onLoan(id)]));
      /** What the kiosk showed as done, item by item (the patron saw it). */
      let shown: ItemView[] = [];

      if (returning) {
        rig.send({ type: 'RETURN' });
        await rig.waitFor((v) => v.screen.name === 'return', 'the return screen');
      } else {
        const screen = await rig.identify(patron);
        if (screen.name !== 'checkout') {
          violate(`session ${session}: patron refused at identification: ${JSON.stringify(screen).slice(0, 200)}`);
          continue;
        }
      }
      rig.place(chosen);
      if (kill) {
        // Mid-transaction: once the kiosk is working on the stack, at a random moment within it.
        await rig.waitFor((v) => itemsOf({ view: v } as Rig).some((i) => i.status !== 'waiting'), 'the kiosk to start on the stack', 10_000).catch(() => undefined);
        await sleep(randomInt(random, 70 * count));
        shown = itemsOf(rig);
        await rig.kill();
        report.kills += 1;
        await rig.launch();
        for (const r of rig.logLines((l) => l.event === 'journal.recovered')) {
          report.recovered.resolved += Number(r.resolved ?? 0);
          report.recovered.unresolved += Number(r.unresolved ?? 0);
          if (Number(r.unresolved ?? 0) > 0) violate(`session ${session}: ${String(r.unresolved)} journal entries left unresolved after a restart`);
        }
      } else {
        const final = await rig
          .waitFor((v) => {
            const s = v.screen;
            return (s.name === 'checkout' || s.name === 'return') && s.items.length === count && s.items.every((i) => FINAL.has(i.status));
          }, `${count} items ${returning ? 'returned' : 'checked out'}`, 30_000)
          .catch((error: unknown) => {
            violate(`session ${session}: ${(error as Error).message}`);
            return null;
          });
        if (final) {
          shown = itemsOf(rig);
          rig.send({ type: 'FINISH' });
          const next = await rig.waitFor((v) => v.screen.name === 'receipt-choice' || v.screen.name === 'goodbye', 'the receipt choice or goodbye');
          if (next.screen.name === 'receipt-choice') rig.send({ type: random() < 0.5 ? 'PRINT_RECEIPT' : 'NO_RECEIPT' });
          await rig.waitFor((v) => v.screen.name === 'goodbye', 'goodbye');
          // The patron takes the items while the goodbye shows (it ignores the pad).
          rig.clearPad();
          await rig.waitFor((v) => v.screen.name === 'start', 'the start screen after goodbye', 20_000);
        } else {
          // Recover from a stuck session the hard way, so the soak goes on.
          await rig.kill();
          await rig.launch();
        }
      }
      if (rig.rfid.tags().length > 0) {
        // Left on the pad through a restart (recovery needed them there): take them off and let
        // the kiosk see them go before the next patron.
        rig.clearPad();
        await sleep(800);
      }

      // Nothing the patron saw as done may be lost; what the patron was told is what happened.
      const faulted = new Set(faults.episodes.slice(faultsFrom).map((e) => itemOfUid.get(e.uid)));
      for (const item of shown) {
        if (!item.itemId) continue;
        if (item.status === 'refused' && LOAN_STANDS.has(item.reason ?? '')) told.add(item.itemId);
        else told.delete(item.itemId);
        const afis = rig.afis(item.itemId).map((a) => a.toString(16));
        if (item.status === 'borrowed' && onLoan(item.itemId) !== patron.id) violate(`session ${session}: ${item.itemId} was shown borrowed, but the ILS has it ${onLoan(item.itemId) ?? 'on the shelf'}`);
        if (item.status === 'returned' && onLoan(item.itemId) !== undefined) violate(`session ${session}: ${item.itemId} was shown returned, but the ILS still lends it out`);
        if (!kill && item.status === 'borrowed' && afis.some((a) => a !== 'c2')) violate(`session ${session}: ${item.itemId} was shown borrowed, but its tags read ${afis.join('/')}`);
        if (!kill && item.status === 'returned' && afis.some((a) => a !== '7')) violate(`session ${session}: ${item.itemId} was shown returned, but its tags read ${afis.join('/')}`);
        if (kill || item.status !== 'refused') continue;
        if (!faulted.has(item.itemId)) {
          violate(`session ${session}: ${item.itemId} was refused (${item.reason ?? '-'})`);
          continue;
        }
        // Refused after a failed tag write: the ILS and the tags must say "not done".
        if (returning) {
          report.afiFaults.refused.returns += 1;
          if (onLoan(item.itemId) !== before.get(item.itemId)) violate(`session ${session}: ${item.itemId} was shown not returned (${item.reason ?? '-'}), but the ILS checked it in`);
        } else {
          report.afiFaults.refused.checkouts += 1;
          if (onLoan(item.itemId) === patron.id && !LOAN_STANDS.has(item.reason ?? '')) violate(`session ${session}: ${item.itemId} was shown not borrowed (${item.reason ?? '-'}), but the ILS lends it to the patron`);
          if (afis.some((a) => a !== '7')) violate(`session ${session}: ${item.itemId} was shown not borrowed (${item.reason ?? '-'}), but its tags read ${afis.join('/')}`);
        }
      }
      // The ILS applied each transaction at most once, and only the ones asked for.
      const apps = rig.applications.slice(appsFrom);
      for (const app of apps) {
        if (!chosen.includes(app.itemId)) violate(`session ${session}: the ILS applied a ${app.kind} of ${app.itemId}, which was not on the pad`);
        if (app.kind === 'renewal') violate(`session ${session}: ${app.itemId} was renewed (a checkout sent twice?)`);
      }
      for (const id of chosen) {
        let mine = apps.filter((a) => a.itemId === id);
        const wanted = returning ? 'checkin' : 'checkout';
        // A checkout whose tags could not follow is taken back (checkout, then checkin): allowed
        // once, after a failed write to that item's tags, and it nets to nothing.
        const kinds = mine.map((a) => a.kind).join(',');
        if (!returning && faulted.has(id) && kinds.startsWith('checkout,checkin')) {
          report.afiFaults.loansTakenBack += 1;
          mine = mine.slice(2);
        }
        if (mine.length > 1 || mine.some((a) => a.kind !== wanted)) violate(`session ${session}: ${id} had ${kinds} applied`);
        const changed = onLoan(id) !== before.get(id);
        if (changed !== (mine.length === 1)) violate(`session ${session}: ${id} changed in the ILS without one ${wanted} applied, or the reverse`);
        if (mine.length === 1) {
          if (returning) report.transactions.returns += 1;
          else report.transactions.checkouts += 1;
        }
      }
      checkAgreement(`after session ${session}${kill ? ' (killed, recovered)' : ''}`);
      done += count;
      if ((session + 1) % 20 === 0) options.progress?.(`checkout soak: ${done}/${options.transactions} transactions, ${report.kills} kills, ${violations.length} violations`);
    }
    if (failRate > 0) checkAgreement('at the end', new Set());
    const exit = await rig.stop();
    if (exit !== 0) violate(`the kiosk exited with ${exit} on SIGTERM`);
    const store = openStore({ dataDir: rig.dataDir });
    try {
      const open = store.journal.openEntries();
      if (open.length > 0) violate(`${open.length} journal entries are still open at the end`);
      const queued = store.offlineQueue.counts();
      if (queued.pending + queued.sending > 0) violate(`${queued.pending + queued.sending} offline transactions are still waiting`);
    } finally {
      store.close();
    }
    for (const app of rig.applications) {
      if (app.kind === 'checkout') report.ilsApplications.checkouts += 1;
      else if (app.kind === 'checkin') report.ilsApplications.checkins += 1;
      else report.ilsApplications.renewals += 1;
    }
    report.afiFaults.writesFailed = faults.episodes.length;
    report.seconds = Math.round((performance.now() - started) / 1000);
    return report;
  } finally {
    await rig.close();
  }
}
