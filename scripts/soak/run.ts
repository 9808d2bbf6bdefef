// `npm run soak [-- --quick] [-- --attempts N] [-- --transactions N] [-- --fuzz N] [-- --only door,checkout,fuzz] [-- --seed N] [-- --afi-fail-rate R]`
// The soak-and-fault suite for release checks. Exits 1 when any invariant broke (each is listed).
import { parseArgs } from 'node:util';
import { machine } from '../bench/lib/stats';
import { checkoutSoak, type CheckoutSoakReport } from './checkout-soak';
import { doorSoak, type DoorSoakReport } from './door-soak';
import { fuzz, type FuzzReport } from './fuzz';

const PARTS = ['door', 'checkout', 'fuzz'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    attempts: { type: 'string' },
    transactions: { type: 'string' },
    fuzz: { type: 'string' },
    only: { type: 'string' },
    seed: { type: 'string', default: '20261120' },
    /** Share of the checkout soak's AFI writes that fail (seeded); 0 turns the fault mode off. */
    'afi-fail-rate': { type: 'string', default: '0.05' },
  },
  strict: true,
});
const quick = values.quick === true;
const count = (name: string, value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  return n;
};
const attempts = count('attempts', values.attempts, quick ? 300 : 10_000);
const transactions = count('transactions', values.transactions, quick ? 30 : 1000);
const inputs = count('fuzz', values.fuzz, quick ? 50_000 : 1_000_000);
const seed = count('seed', values.seed, 1);
const afiFailRate = Number(values['afi-fail-rate']);
if (!Number.isFinite(afiFailRate) || afiFailRate < 0 || afiFailRate > 0.5) throw new Error('--afi-fail-rate takes a share from 0 to 0.5');
const only = new Set<Part>(values.only ? (values.only.split(',') as Part[]) : PARTS);
for (const p of only) if (!PARTS.includes(p)) throw new Error(`--only takes ${PARTS.join(', ')}`);
const progress = (line: string) => console.error(`[soak] ${line}`);

const results: { door?: DoorSoakReport; checkout?: CheckoutSoakReport; fuzz?: FuzzReport } = {};
const host = machine();
if (only.has('fuzz')) {
  progress(`fuzz: ${inputs} inputs`);
  results.fuzz = fuzz({ inputs, seed, progress });
}
if (only.has('door')) {
  progress(`door: ${attempts} attempts with a faulty ILS`);
  results.door = await doorSoak({ attempts, seed, progress });
}
if (only.has('checkout')) {
  progress(`checkout: ${transactions} transactions with SIGKILLs, ${afiFailRate * 100}% of AFI writes failing`);
  results.checkout = await checkoutSoak({ transactions, seed, afiFailRate, ...(quick ? { killSessions: [1, 4, 7] } : { killShare: 0.15 }), progress });
}

const broken: string[] = [
  ...(results.fuzz?.failures.map((f) => `fuzz: ${f.target} threw ${f.error} (input ${f.index}, seed ${seed}: ${f.inputHex.slice(0, 80)})`) ?? []),
  ...(results.door?.violations.map((v) => `door: ${v}`) ?? []),
  ...(results.checkout?.violations.map((v) => `checkout: ${v}`) ?? []),
];
const lines: string[] = [`Soak ${quick ? '(--quick) ' : ''}on ${host.cpus} x ${host.cpuModel}, Node ${host.node}, seed ${seed}`];
if (results.fuzz) {
  const f = results.fuzz;
  const failed = Object.values(f.targets).reduce((a, t) => a + t.failures, 0);
  lines.push(`fuzz: ${f.inputs} inputs over ${Object.keys(f.targets).length} parsers in ${f.seconds} s, ${failed} untyped exceptions`);
}
if (results.door) {
  const d = results.door;
  lines.push(
    `door: ${d.attempts} attempts (+${d.byKind.garbage} garbage reads) in ${d.seconds} s, ${d.silentPeriods} silent ILS periods; ` +
      `${d.doorAttemptLines} door.attempt lines, ${d.accessLogEntries} access-log entries; relay on ${d.relay.releases} times, longest ${d.relay.longestOnMs} ms; ` +
      `RSS ${d.rssMb[0] ?? '?'} -> ${d.rssMb.at(-1) ?? '?'} MB; reasons ${JSON.stringify(d.reasons)}`,
  );
}
if (results.checkout) {
  const c = results.checkout;
  lines.push(
    `checkout: ${c.transactions.checkouts} checkouts + ${c.transactions.returns} returns in ${c.sessions} sessions, ${c.kills} SIGKILLs, ` +
      `${c.recovered.resolved} journal entries recovered (${c.recovered.unresolved} unresolved); ILS applied ${c.ilsApplications.checkouts} checkouts, ${c.ilsApplications.checkins} checkins, ${c.ilsApplications.renewals} renewals; ` +
      `${c.afiFaults.writesFailed} AFI writes failed (${afiFailRate * 100}%): ${c.afiFaults.refused.checkouts} checkouts and ${c.afiFaults.refused.returns} returns refused, ${c.afiFaults.loansTakenBack} loans taken back; ${c.seconds} s`,
  );
}
lines.push(broken.length ? `BROKEN INVARIANTS (${broken.length}):\n  ${broken.join('\n  ')}` : 'Every invariant held.');
console.log(lines.join('\n'));
console.log('\nJSON summary:');
console.log(JSON.stringify({ quick, seed, machine: host, results, broken }, null, 2));
process.exitCode = broken.length ? 1 : 0;
