// Door figures: decision latency (last PIN byte on the PIN pad's pty -> relay-on bytes on the
// lock's pty) online at two ILS latencies and offline from the cache; start-up; memory.
import { bundleKiosk } from './lib/bundle';
import { DoorRig } from './lib/door-rig';
import { generatePatrons, libraryData, type TestPatron } from './lib/library-data';
import { distribution, type Distribution, round, seededRandom, sleep } from './lib/stats';

export interface DoorFigures {
  entriesPerScenario: number;
  latencyMs: Record<string, Distribution & { ilsRequestsPerEntry: number }>;
  startup: { launches: number; readyMs: Distribution; ilsLoggedInMs: Distribution | null };
  memory: { entries: number; rssMb: number; peakMb: number };
  memoryWithMmapThreshold: { entries: number; rssMb: number; peakMb: number; env: string };
  /** The same door from an esbuild bundle run by plain Node (an experiment: not how it ships yet). */
  bundled: { readyMs: Distribution; memory: { entries: number; rssMb: number; peakMb: number }; memoryWithMmapThreshold: { entries: number; rssMb: number; peakMb: number } };
}

const RELEASE_MS = 500;

interface Scenario {
  name: string;
  ilsLatencyMs: number;
  online: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: 'online, ILS +0 ms', ilsLatencyMs: 0, online: true },
  { name: 'online, ILS +20 ms', ilsLatencyMs: 20, online: true },
  { name: 'offline (cache)', ilsLatencyMs: 0, online: false },
];

/** One entry each, in rotation (never the same card twice in a row), until `count` are in. */
async function entries(rig: DoorRig, patrons: TestPatron[], count: number, offset: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const patron = patrons[(offset + i) % patrons.length]!;
    const result = await rig.attempt(patron.id, patron.pin);
    if (result.line.reason === 'pin-timeout') {
      // The keys reached the door before the card (a stalled machine): not an entry, try again.
      i -= 1;
      continue;
    }
    if (result.line.decision !== 'allowed' || result.latencyMs === null) {
      throw new Error(`entry ${i} was refused (${String(result.line.reason)}): the benchmark needs every entry to open the door`);
    }
    latencies.push(result.latencyMs);
    await rig.relayOff();
    await sleep(20);
  }
  return latencies;
}

export async function benchDoor(options: { entries: number; launches: number; memoryEntries: number; progress: (line: string) => void }): Promise<DoorFigures> {
  const random = seededRandom(8);
  const patrons = generatePatrons(60, random);
  const data = libraryData(patrons, []);
  let requests = 0;
  const latencyMs: DoorFigures['latencyMs'] = {};

  const rig = await DoorRig.start({ data, releaseMs: RELEASE_MS, ilsLog: (line) => line.startsWith('sip2: <') && (requests += 1) });
  let done = 0;
  try {
    // Warm-up: every patron once online, so each has a cached credential for the offline run.
    await entries(rig, patrons, patrons.length, 0);
    done += patrons.length;
    await sleep(1500); // the background PIN-hash refreshes finish
    for (const scenario of SCENARIOS) {
      rig.sim.faults.set({ latencyMs: scenario.ilsLatencyMs });
      if (!scenario.online) {
        await rig.setIlsOnline(false);
        // The first attempt finds the ILS gone (connection refused) and takes the link offline.
        await entries(rig, patrons, 1, 0);
        done += 1;
      }
      options.progress(`door: ${scenario.name}, ${options.entries} entries`);
      requests = 0;
      const latencies = await entries(rig, patrons, options.entries, 1);
      done += options.entries;
      latencyMs[scenario.name] = { ...distribution(latencies), ilsRequestsPerEntry: round(requests / options.entries, 2) };
    }
    await rig.setIlsOnline(true);
    rig.sim.faults.set({ latencyMs: 0 });
    await sleep(12_000); // the heartbeat brings the link back online
    const more = Math.max(0, options.memoryEntries - done);
    options.progress(`door: ${more} more entries, then memory`);
    await entries(rig, patrons, more, 0);
    done += more;
    const memory = { entries: done, ...rig.memory() };

    options.progress(`door: start-up, ${options.launches} launches`);
    const ready: number[] = [];
    const loggedIn: number[] = [];
    for (let i = 0; i < options.launches; i += 1) {
      await rig.stopDoor();
      await rig.launch();
      ready.push(rig.readyMs);
      if (rig.ilsOnlineMs !== null) loggedIn.push(rig.ilsOnlineMs);
    }
    const startup = { launches: options.launches, readyMs: distribution(ready), ilsLoggedInMs: loggedIn.length ? distribution(loggedIn) : null };

    // glibc keeps scrypt's 16 MB work buffers resident per thread-pool thread unless told not to.
    const env = 'MALLOC_MMAP_THRESHOLD_=131072';
    options.progress(`door: memory with ${env}`);
    await rig.stopDoor();
    process.env.MALLOC_MMAP_THRESHOLD_ = '131072';
    await rig.launch();
    delete process.env.MALLOC_MMAP_THRESHOLD_;
    const count = Math.min(options.memoryEntries, Math.max(options.entries, 100));
    await entries(rig, patrons, count, 0);
    const memoryWithMmapThreshold = { entries: count, ...rig.memory(), env };

    options.progress('door: the same from an esbuild bundle');
    const bundle = await bundleKiosk();
    const bundledReady: number[] = [];
    for (let i = 0; i < options.launches; i += 1) {
      await rig.stopDoor();
      await rig.launch(bundle);
      bundledReady.push(Math.max(rig.readyMs, rig.ilsOnlineMs ?? 0));
    }
    await entries(rig, patrons, count, 0);
    const bundledMemory = { entries: count, ...rig.memory() };
    await rig.stopDoor();
    process.env.MALLOC_MMAP_THRESHOLD_ = '131072';
    await rig.launch(bundle);
    delete process.env.MALLOC_MMAP_THRESHOLD_;
    await entries(rig, patrons, count, 0);
    const bundled = { readyMs: distribution(bundledReady), memory: bundledMemory, memoryWithMmapThreshold: { entries: count, ...rig.memory() } };
    return { entriesPerScenario: options.entries, latencyMs, startup, memory, memoryWithMmapThreshold, bundled };
  } finally {
    await rig.close();
  }
}

