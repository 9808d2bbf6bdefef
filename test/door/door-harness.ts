// Runs the real door controller (`kiosk door`) as a child process against the real simulated ILS
// (`kiosk ils-sim`) over TCP, with the card reader, PIN pad and relay on socat pty pairs whose
// other ends are driven by the device simulators in the test process.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SerialCardReaderSimulator, simCardFrom } from '../../hardware/card-reader/index';
import { LcusRelaySimulator } from '../../hardware/lock/index';
import { SerialPinPadSimulator } from '../../hardware/pin-pad/index';
import { openPtyPair, type PtyPair } from '../../hardware/serial/pty-pair';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KIOSK = path.join(ROOT, 'bin/kiosk.js');

export type LogLine = { event: string; [field: string]: unknown };

/** A child process whose stdout is JSON lines (or plain lines), collected as they come. */
export class JsonLinesProcess {
  readonly lines: LogLine[] = [];
  readonly text: string[] = [];
  private readonly waiters: { test: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      this.text.push(line);
      let parsed: LogLine;
      try {
        parsed = JSON.parse(line) as LogLine;
      } catch {
        parsed = { event: 'text', line };
      }
      this.lines.push(parsed);
      for (const w of [...this.waiters]) {
        if (w.test(parsed)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(parsed);
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => this.text.push(`stderr: ${chunk.toString()}`));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** The next line (from now on, or already seen after `since`) that passes `test`. */
  next(test: (l: LogLine) => boolean, timeoutMs = 10_000, since = this.lines.length): Promise<LogLine> {
    const seen = this.lines.slice(since).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching line within ${timeoutMs} ms; last lines:\n${this.text.slice(-8).join('\n')}`)), timeoutMs);
      this.waiters.push({ test, resolve: (l) => (clearTimeout(timer), resolve(l)) });
    });
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

export function kiosk(args: string[]): JsonLinesProcess {
  return new JsonLinesProcess(spawn(process.execPath, [KIOSK, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** `kiosk ils-sim` on an ephemeral port; resolves once it listens. */
export async function startIlsSim(extra: string[] = []): Promise<{ proc: JsonLinesProcess; port: number }> {
  const proc = kiosk(['ils-sim', '--port', '0', '--library', 'hvidovre', ...extra]);
  const line = await proc.next((l) => l.event === 'text' && /listening on/.test(String(l.line)));
  const port = Number(/:(\d+) /.exec(String(line.line))?.[1]);
  return { proc, port };
}

export interface DoorBench {
  dir: string;
  configFile: string;
  card: SerialCardReaderSimulator;
  pinPad: SerialPinPadSimulator;
  relay: LcusRelaySimulator;
  close(): Promise<void>;
}

export async function doorBench(ilsPort: number, releaseMs: number, extraConfig: Record<string, unknown> = {}): Promise<DoorBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-door-e2e-'));
  const pairs: PtyPair[] = [];
  const pair = async (name: string) => {
    const p = await openPtyPair({ deviceLink: path.join(dir, name) });
    pairs.push(p);
    return p;
  };
  const cardPair = await pair('card');
  const pinPair = await pair('pin');
  const lockPair = await pair('lock');
  const card = new SerialCardReaderSimulator({ path: cardPair.simulatorPath, suffix: 'CR' });
  const pinPad = new SerialPinPadSimulator({ path: pinPair.simulatorPath });
  const relay = new LcusRelaySimulator({ path: lockPair.simulatorPath });
  await Promise.all([card.start(), pinPad.start(), relay.start()]);
  const configFile = path.join(dir, 'site.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      library: 'hvidovre',
      branch: 'Hovedbiblioteket',
      dataDir: path.join(dir, 'data'),
      doorId: 'hoved-door',
      httpPort: 0,
      ils: { transport: 'sip2', tls: false, host: '127.0.0.1', port: ilsPort, user: 'kiosk', password: 'kiosk', institution: 'DK-775100' },
      devices: {
        cardReader: { driver: 'serial', path: cardPair.devicePath, suffix: 'CR' },
        pinPad: { driver: 'serial', path: pinPair.devicePath },
        lock: { driver: 'serial-relay', path: lockPair.devicePath, releaseMs },
      },
      ...extraConfig,
    }),
  );
  return {
    dir,
    configFile,
    card,
    pinPad,
    relay,
    async close() {
      await Promise.all([card.stop(), pinPad.stop(), relay.stop()].map((p) => p.catch(() => undefined)));
      await Promise.all(pairs.map((p) => p.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const lastSwipe = new Map<string, number>();
// The card reader ignores the same card again within 1.5 s (a double swipe); wait as a person would.
const REPEAT_GAP_MS = 1700;

/** Swipes a card and (when given) types the PIN and enter on the PIN pad. */
export async function present(bench: DoorBench, cardId: string, pin?: string): Promise<void> {
  const wait = (lastSwipe.get(cardId) ?? 0) + REPEAT_GAP_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  lastSwipe.set(cardId, Date.now());
  await bench.card.swipe(simCardFrom(cardId));
  if (pin !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await bench.pinPad.press(`${pin}#`);
  }
}
