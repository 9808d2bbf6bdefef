// `npm run bench [-- --quick] [-- --only door,checkout,store] [-- --json FILE]`: every benchmark,
// a readable table, then a JSON summary on stdout (progress goes to stderr). Figures, not
// pass/fail: each target is reported as met or not, and the exit code is 0 either way.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchCheckout, type CheckoutFigures } from './checkout';
import { benchDoor, type DoorFigures } from './door';
import { type Distribution, machine, round, table } from './lib/stats';
import { benchStore, type StoreFigures } from './store';

const SECTIONS = ['door', 'checkout', 'store'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, json: { type: 'string' } },
  strict: true,
});
const quick = values.quick === true;
const only = new Set<Section>(values.only ? (values.only.split(',') as Section[]) : SECTIONS);
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only takes ${SECTIONS.join(', ')}`);
const progress = (line: string) => console.error(`[bench] ${line}`);

const host = machine();
const startedAt = new Date().toISOString();
const figures: { door?: DoorFigures; checkout?: CheckoutFigures; store?: StoreFigures } = {};

if (only.has('door')) {
  figures.door = await benchDoor({ entries: quick ? 20 : 300, launches: quick ? 2 : 5, memoryEntries: quick ? 100 : 1000, progress });
}
if (only.has('checkout')) {
  figures.checkout = await benchCheckout({ sizes: [1, 10, 20], runs: quick ? 1 : 5, memoryCheckouts: quick ? 31 : 100, progress });
}
if (only.has('store')) {
  figures.store = quick
    ? await benchStore({ patrons: 20_000, probes: 20, lookups: 2000, accessLogEntries: 20_000, autocommitted: 500, replay: 500, progress })
    : await benchStore({ patrons: 1_000_000, probes: 200, lookups: 10_000, accessLogEntries: 1_000_000, autocommitted: 2000, replay: 10_000, progress });
}

const ms = (d: Distribution) => [round(d.p50), round(d.p95), round(d.p99), round(d.max)];
const out: string[] = [`Benchmarks ${quick ? '(--quick) ' : ''}on ${host.cpus} x ${host.cpuModel}, ${host.memoryGb} GB, Node ${host.node}, load average at start ${host.loadAverage.join(' ')}`];

interface Target {
  target: string;
  figure: string;
  met: boolean;
}
const targets: Target[] = [];

if (figures.door) {
  const d = figures.door;
  out.push('', `Door decision latency, ms (last PIN byte -> relay-on bytes; ${d.entriesPerScenario} entries each)`);
  out.push(table(['scenario', 'p50', 'p95', 'p99', 'max', 'ILS requests/entry'], Object.entries(d.latencyMs).map(([name, l]) => [name, ...ms(l), l.ilsRequestsPerEntry])));
  for (const [name, l] of Object.entries(d.latencyMs)) {
    const ils = /\+(\d+) ms/.exec(name);
    const beyond = l.p99 - (ils ? Number(ils[1]) * l.ilsRequestsPerEntry : 0);
    targets.push({ target: `door p99 < 100 ms beyond the ILS's latency (${name})`, figure: `${round(beyond)} ms`, met: beyond < 100 });
  }
  const s = d.startup;
  out.push('', `Door start-up, ms (${s.launches} launches of \`kiosk door\`)`);
  out.push(table(['step', 'p50', 'max'], [['launch -> door.ready', round(s.readyMs.p50), round(s.readyMs.max)], ...(s.ilsLoggedInMs ? [['launch -> ILS logged in', round(s.ilsLoggedInMs.p50), round(s.ilsLoggedInMs.max)] as (string | number)[]] : [])]));
  const ready = Math.max(s.readyMs.p50, s.ilsLoggedInMs?.p50 ?? Number.POSITIVE_INFINITY);
  targets.push({ target: 'door ready (devices open, ILS logged in) < 1.5 s, median launch', figure: `${round(ready)} ms`, met: ready < 1500 });
  out.push('', 'Door memory');
  out.push(table(['when', 'RSS MB', 'peak MB'], [[`after ${d.memory.entries} entries`, d.memory.rssMb, d.memory.peakMb], [`after ${d.memoryWithMmapThreshold.entries} entries, ${d.memoryWithMmapThreshold.env}`, d.memoryWithMmapThreshold.rssMb, d.memoryWithMmapThreshold.peakMb]]));
  targets.push({ target: `door RSS < 150 MB after ${d.memory.entries} entries`, figure: `${d.memory.rssMb} MB`, met: d.memory.rssMb < 150 });
  const b = d.bundled;
  out.push('', 'Experiment: the same door from an esbuild bundle of the CLI, run by plain Node (no tsx)');
  out.push(
    table(
      ['figure', 'value'],
      [
        ['launch -> ready and ILS logged in, p50 ms', round(b.readyMs.p50)],
        ['launch -> ready and ILS logged in, max ms', round(b.readyMs.max)],
        [`RSS after ${b.memory.entries} entries, MB`, b.memory.rssMb],
        [`RSS after ${b.memoryWithMmapThreshold.entries} entries with ${d.memoryWithMmapThreshold.env}, MB`, b.memoryWithMmapThreshold.rssMb],
      ],
    ),
  );
}
if (figures.checkout) {
  const c = figures.checkout;
  out.push('', `Stack checkout, ms from placing the stack (ILS +${c.ilsLatencyMs} ms; ${c.rfid})`);
  out.push(
    table(
      ['stack', 'runs', 'checked out p50', 'max', 'receipt sent p50', 'max', 'receipt bytes', '+ at 9600 baud'],
      Object.entries(c.stacks).map(([name, s]) => [name, s.runs, round(s.checkedOutMs.p50), round(s.checkedOutMs.max), round(s.receiptSentMs.p50), round(s.receiptSentMs.max), s.receiptBytes, s.receiptAt9600BaudMs]),
    ),
  );
  const ten = c.stacks['10 items'];
  if (ten) targets.push({ target: '10-item stack checked out, AFIs verified and receipt sent < 1.5 s, every run', figure: `${round(ten.receiptSentMs.max)} ms`, met: ten.receiptSentMs.max < 1500 });
  out.push('', 'Browser-mode kiosk (`kiosk start --browser`)');
  out.push(table(['figure', 'value'], [['launch -> URL printed, ms', c.kioskReadyMs], [`RSS after ${c.memory.checkouts} checkouts, MB`, c.memory.rssMb], ['peak RSS, MB', c.memory.peakMb]]));
}
if (figures.store) {
  const st = figures.store;
  const cr = st.credentials;
  out.push('', `Store: ${cr.patrons} cached patrons (${cr.fileMb} MB; open ${cr.openMs} ms)`);
  out.push(table(['operation, ms', 'p50', 'p95', 'p99', 'max'], [['lookup (HMAC + indexed row, cheap hash)', ...ms(cr.lookupMs)], ['offline verify at the real scrypt cost', ...ms(cr.verifyAtRealCostMs)], ['remember (PIN hash) at the real cost', ...ms(cr.rememberAtRealCostMs)]]));
  out.push(`  seeding: ${cr.seeding}`);
  const al = st.accessLog;
  out.push('', `Store: access log of ${al.entries} entries (${al.fileMb} MB; open ${al.openMs} ms)`);
  out.push(
    table(
      ['figure', 'value'],
      [
        ['record(), one transaction each, entries/s', al.recordPerSecond],
        ['record() sealed to an officer key, entries/s', al.recordSealedPerSecond],
        ['bulk insert, 10 000-row transactions, entries/s', al.bulkInsertPerSecond],
        [`retention purge of ${al.purge.deleted} entries (secure_delete, checkpoint), ms`, al.purge.ms],
      ],
    ),
  );
  const r = st.offlineReplay;
  out.push('', `Offline queue replay: ${r.transactions} checkouts in ${r.seconds} s = ${r.perSecond} tx/s (simulated ILS, +0 ms)`);
}
if (targets.length) {
  out.push('', 'Targets');
  out.push(table(['target', 'figure', 'met'], targets.map((t) => [t.target, t.figure, t.met ? 'yes' : 'NO'])));
}
console.log(out.join('\n'));
const summary = { startedAt, finishedAt: new Date().toISOString(), quick, machine: { ...host, loadAverageAtEnd: machine().loadAverage }, figures, targets };
console.log('\nJSON summary:');
console.log(JSON.stringify(summary, null, 2));
if (values.json) writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
