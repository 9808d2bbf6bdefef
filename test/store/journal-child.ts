// Child process for the crash tests: runs one checkout, checkin, offline checkout or queue
// replay against the file world. With CRASH_AT=<point> it stops at that point, prints
// "BLOCKED <point>" and waits to be SIGKILLed by the parent.
import { openStore } from '../../store/index';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY } from '../../policy';
import { FileWorld } from './file-world';
import { FAST_PIN_COST } from './helpers';

const [dataDir, worldDir, scenario] = process.argv.slice(2);
if (!dataDir || !worldDir || !scenario) throw new Error('usage: journal-child <dataDir> <worldDir> <scenario>');
const world = new FileWorld(worldDir);
const store = openStore({ dataDir, pinHashCost: FAST_PIN_COST });
const PATRON = '0101901234';
const TAGS = ['t1', 't2']; // a two-part set: both tags must end with the same AFI

async function pause(point: string): Promise<void> {
  if (process.env.CRASH_AT !== point) return;
  process.stdout.write(`BLOCKED ${point}\n`);
  setInterval(() => undefined, 60_000);
  await new Promise<never>(() => undefined);
}

async function runAfi(entry: number, kind: string, afi: number): Promise<void> {
  const afiStep = store.journal.startStep(entry, 'afi');
  await pause(`${kind}:afi-started`);
  for (const [index, tag] of TAGS.entries()) {
    world.writeAfi(tag, afi);
    await pause(`${kind}:afi-written-${index + 1}`);
  }
  store.journal.finishStep(afiStep, 'ok');
  await pause(`${kind}:afi-closed`);
}

async function checkout(): Promise<void> {
  const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: TAGS, mode: 'online' });
  await pause('checkout:begun');
  const ilsStep = store.journal.startStep(entry, 'ils');
  await pause('checkout:ils-started');
  const result = world.checkout('item-1', PATRON);
  await pause('checkout:ils-applied');
  store.journal.finishStep(ilsStep, result.ok ? 'ok' : 'refused');
  await pause('checkout:ils-closed');
  await runAfi(entry, 'checkout', AFI_CHECKED_OUT);
  store.loans.recordLoan({ itemId: 'item-1', cardNumber: PATRON, dueDate: result.dueDate ?? null });
  store.journal.finish(entry, 'completed');
  await pause('checkout:finished');
}

async function checkin(): Promise<void> {
  const entry = store.journal.begin({ kind: 'checkin', itemId: 'item-1', tagUids: TAGS, mode: 'online' });
  await pause('checkin:begun');
  const ilsStep = store.journal.startStep(entry, 'ils');
  await pause('checkin:ils-started');
  world.checkin('item-1');
  await pause('checkin:ils-applied');
  store.journal.finishStep(ilsStep, 'ok');
  await pause('checkin:ils-closed');
  await runAfi(entry, 'checkin', AFI_IN_LIBRARY);
  store.loans.recordReturn({ itemId: 'item-1' });
  store.journal.finish(entry, 'completed');
  await pause('checkin:finished');
}

async function offlineCheckout(): Promise<void> {
  const entry = store.journal.begin({ kind: 'checkout', itemId: 'item-1', tagUids: TAGS, mode: 'offline' });
  await pause('offline:begun');
  store.journal.queueOffline(entry, { kind: 'checkout', itemId: 'item-1', patronId: PATRON });
  await pause('offline:queued');
  await runAfi(entry, 'offline', AFI_CHECKED_OUT);
  store.journal.finish(entry, 'completed');
  await pause('offline:finished');
}

async function replay(): Promise<void> {
  const report = await store.offlineQueue.replayPending(
    world.replayPorts({
      before: (tx) => pause(`replay:sending-${tx.id}`),
      after: (tx) => pause(`replay:applied-${tx.id}`),
    }),
  );
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
}

const scenarios: Record<string, () => Promise<void>> = { checkout, checkin, offline: offlineCheckout, replay };
const run = scenarios[scenario];
if (!run) throw new Error(`unknown scenario ${scenario}`);
await run();
store.close();
process.stdout.write('DONE\n');
