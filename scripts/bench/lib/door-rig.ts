// The door as a library installs it: `kiosk door` in its own process, the card reader, PIN pad
// and LCUS relay on socat ptys driven by their simulators (test/door/door-harness.ts), and the
// simulated ILS in this process over real TCP, so faults can be switched on and off mid-run.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { simCardFrom } from '../../../hardware/card-reader/index';
import { type FaultSettings } from '../../../ils/sim/faults';
import { policyLoanRules } from '../../../ils/sim/policy-loan-rules';
import { type SimData } from '../../../ils/sim/sim-data';
import { SimIls } from '../../../ils/sim/sim-ils';
import { type LibraryId } from '../../../policy/schema';
import { openStore } from '../../../store/index';
import { doorBench, type DoorBench, JsonLinesProcess, kiosk, type LogLine } from '../../../test/door/door-harness';
import { processMemory, sleep } from './stats';

/** A Friday morning: inside every profile's unstaffed hours. */
export const DOOR_CLOCK = '2026-11-20T10:00:00+01:00';

export interface DoorRigOptions {
  data: SimData;
  releaseMs: number;
  /** Ballerup by default: no accompanied entry, so the next card is never taken for a child's. */
  library?: LibraryId;
  clock?: string;
  /** Seeds the simulated ILS's fault choices. */
  random?: () => number;
  faults?: Partial<FaultSettings>;
  extraConfig?: Record<string, unknown>;
  /** The simulated ILS's masked protocol log (e.g. to count requests). */
  ilsLog?: (line: string) => void;
}

export interface Attempt {
  line: LogLine;
  /** Last PIN pad byte written -> relay-on bytes read, when the relay went on. */
  latencyMs: number | null;
}

const isAttempt = (l: LogLine) => l.event === 'door.attempt';
// The reader drops the same card read again within 1.5 s; a person waits that long anyway.
const REPEAT_GAP_MS = 1600;

export class DoorRig {
  readonly relay: { on: boolean; at: number }[] = [];
  launchMs = 0;
  readyMs = 0;
  /** Launch -> first `ils.link online` line, when the door logged in before the first patron. */
  ilsOnlineMs: number | null = null;
  httpPort = 0;
  private lastCard: { id: string; at: number } | null = null;
  private relayWaiters: { from: number; on: boolean; resolve: () => void }[] = [];

  private constructor(
    readonly sim: SimIls,
    readonly ilsAddress: { host: string; port: number },
    readonly bench: DoorBench,
    public door: JsonLinesProcess,
    private readonly options: DoorRigOptions,
  ) {
    bench.relay.on('switched', (change) => {
      this.relay.push({ on: change.on, at: performance.now() });
      for (const w of [...this.relayWaiters]) {
        if (this.relay.slice(w.from).some((e) => e.on === w.on)) {
          this.relayWaiters.splice(this.relayWaiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
  }

  static async start(options: DoorRigOptions): Promise<DoorRig> {
    const sim = new SimIls({
      data: options.data,
      loanRules: policyLoanRules(options.library ?? 'ballerup'),
      ...(options.random ? { random: options.random } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.ilsLog ? { log: options.ilsLog } : {}),
    });
    const address = await sim.listenSip2({ host: '127.0.0.1', port: 0 });
    const bench = await doorBench(address.port, options.releaseMs, {
      library: options.library ?? 'ballerup',
      branch: 'Hovedbiblioteket',
      ...options.extraConfig,
    });
    const rig = new DoorRig(sim, address, bench, null as unknown as JsonLinesProcess, options);
    await rig.launch();
    return rig;
  }

  /**
   * Starts `kiosk door` and waits for door.ready (and, briefly, for the ILS login). `entry`: run
   * another build of the CLI (e.g. a bundle) with plain Node instead of bin/kiosk.js.
   */
  async launch(entry?: string): Promise<void> {
    const started = performance.now();
    const args = ['door', '--config', this.bench.configFile, '--clock', this.options.clock ?? DOOR_CLOCK];
    this.door = entry ? new JsonLinesProcess(spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })) : kiosk(args);
    const ready = await this.door.next((l) => l.event === 'door.ready', 20_000);
    this.readyMs = performance.now() - started;
    this.httpPort = Number(ready.httpPort);
    this.ilsOnlineMs = null;
    const online = (l: LogLine) => l.event === 'ils.link' && l.state === 'online';
    try {
      await this.door.next(online, 3000, 0);
      this.ilsOnlineMs = performance.now() - started;
    } catch {
      // Logged in lazily, at the first patron: reported as such.
    }
    this.launchMs = started;
  }

  pid(): number {
    return this.door.child.pid ?? -1;
  }

  memory(): { rssMb: number; peakMb: number } {
    return processMemory(this.pid());
  }

  alive(): boolean {
    return this.door.child.exitCode === null && this.door.child.signalCode === null;
  }

  async health(): Promise<{ status: string; ils: string }> {
    const res = await fetch(`http://127.0.0.1:${this.httpPort}/health`);
    return (await res.json()) as { status: string; ils: string };
  }

  async setIlsOnline(online: boolean): Promise<void> {
    if (online) await this.sim.listenSip2(this.ilsAddress);
    else await this.sim.close();
  }

  waitRelay(on: boolean, from: number, timeoutMs: number): Promise<void> {
    if (this.relay.slice(from).some((e) => e.on === on)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { from, on, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.relayWaiters.splice(this.relayWaiters.indexOf(waiter), 1);
        reject(new Error(`the relay did not switch ${on ? 'on' : 'off'} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.relayWaiters.push(waiter);
    });
  }

  async swipe(cardId: string): Promise<void> {
    const wait = this.lastCard?.id === cardId ? this.lastCard.at + REPEAT_GAP_MS - Date.now() : 0;
    if (wait > 0) await sleep(wait);
    this.lastCard = { id: cardId, at: Date.now() };
    await this.bench.card.swipe(simCardFrom(cardId));
  }

  /** A card (and a PIN, then enter), waiting for the door's verdict and, if it opens, the relay. */
  async attempt(cardId: string, pin: string | null, timeoutMs = 20_000): Promise<Attempt> {
    const since = this.door.lines.length;
    const relayFrom = this.relay.length;
    await this.swipe(cardId);
    let t0 = 0;
    if (pin !== null) {
      // A person types after the card is read; keys that beat the card to the door are dropped.
      await sleep(120);
      await this.bench.pinPad.press(pin);
      await sleep(15);
      t0 = performance.now();
      await this.bench.pinPad.press('#');
    }
    const line = await this.door.next(isAttempt, timeoutMs, since);
    if (line.decision !== 'allowed') return { line, latencyMs: null };
    await this.waitRelay(true, relayFrom, 5000);
    const on = this.relay.slice(relayFrom).find((e) => e.on)!;
    return { line, latencyMs: pin === null ? null : on.at - t0 };
  }

  /** Waits until the relay has switched off after the latest switch-on. */
  async relayOff(timeoutMs = 10_000): Promise<void> {
    const lastOn = this.relay.map((e) => e.on).lastIndexOf(true);
    if (lastOn === -1) return;
    await this.waitRelay(false, lastOn + 1, timeoutMs);
  }

  /** Stops the door (SIGTERM): its exit code. */
  async stopDoor(): Promise<number | null> {
    return this.door.stop();
  }

  /** Access-log rows the door wrote (read after the door has stopped). */
  accessLog(): { count: number; rows: { decision: string; reason: string }[] } {
    const store = openStore({ dataDir: `${this.bench.dir}/data` });
    try {
      return { count: store.accessLog.count(), rows: store.accessLog.list().map((e) => ({ decision: e.decision, reason: e.reason })) };
    } finally {
      store.close();
    }
  }

  async close(): Promise<void> {
    if (this.alive()) await this.door.stop();
    await this.bench.close();
    await this.sim.close();
  }
}
