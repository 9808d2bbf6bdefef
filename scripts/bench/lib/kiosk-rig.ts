// The kiosk as a library runs it in browser mode: `kiosk start --browser` in its own process,
// driven over its WebSocket bridge like the screen drives it. Every device is a simulator in
// THIS process on a socat pty (card reader, PIN pad, relay, FEIG RFID reader, ESC/POS printer),
// and so is the simulated ILS (real TCP): their state outlives a SIGKILLed kiosk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { SerialCardReaderSimulator, simCardFrom } from '../../../hardware/card-reader/index';
import { LcusRelaySimulator } from '../../../hardware/lock/index';
import { SerialPinPadSimulator } from '../../../hardware/pin-pad/index';
import { EscPosPrinterSimulator, type PrintedEvent } from '../../../hardware/printer/index';
import { FeigSimulator, simulatedTag, type SimulatedTag } from '../../../hardware/rfid/index';
import { openPtyPair, type PtyPair } from '../../../hardware/serial/pty-pair';
import { policyLoanRules } from '../../../ils/sim/policy-loan-rules';
import { type SimData } from '../../../ils/sim/sim-data';
import { SimIls } from '../../../ils/sim/sim-ils';
import { uidFor } from '../../../runtime/kiosk/simulation';
import { type ScreenView } from '../../../runtime/screen-contract';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY } from '../../../policy';
import { type JsonLinesProcess, kiosk, type LogLine } from '../../../test/door/door-harness';
import { type IlsApplication, recordApplications } from './ils-applications';
import { processMemory } from './stats';

export { type IlsApplication } from './ils-applications';

/** A Wednesday morning in Copenhagen. */
export const KIOSK_CLOCK = '2026-11-18T10:00:00+01:00';

export type Screen = ScreenView['screen'];

export interface KioskRigOptions {
  data: SimData;
  ilsLatencyMs?: number;
  /** The FEIG reader answers at 38 400 baud, 8E1 (the product's default line speed). */
  realisticRfid?: boolean;
  random?: () => number;
  clock?: string;
}

export class KioskRig {
  readonly applications: IlsApplication[] = [];
  /** Tags off the pad keep their AFI here, as a real book does. */
  readonly tags = new Map<string, SimulatedTag[]>();
  readonly receipts: { at: number; events: PrintedEvent[] }[] = [];
  proc: JsonLinesProcess | null = null;
  view: ScreenView | null = null;
  launches = 0;
  private ws: WebSocket | null = null;
  private waiters: { test: (v: ScreenView) => boolean; resolve: (v: ScreenView) => void }[] = [];

  private constructor(
    readonly dir: string,
    readonly sim: SimIls,
    readonly pairs: PtyPair[],
    readonly card: SerialCardReaderSimulator,
    readonly pinPad: SerialPinPadSimulator,
    readonly relay: LcusRelaySimulator,
    readonly rfid: FeigSimulator,
    readonly printer: EscPosPrinterSimulator,
    readonly configFile: string,
    private readonly clock: string,
  ) {
    printer.on('receipt', (events) => this.receipts.push({ at: performance.now(), events }));
    let index = 0;
    for (const item of sim.state.items.values()) {
      index += 1;
      const afi = item.onLoanTo === undefined ? AFI_IN_LIBRARY : AFI_CHECKED_OUT;
      this.tags.set(
        item.id,
        Array.from({ length: item.partsInSet }, (_, p) =>
          simulatedTag(uidFor(index, p + 1), { usage: 'circulating', partsInSet: item.partsInSet, partNumber: p + 1, itemId: item.id, country: 'DK', isil: '775100' }, afi),
        ),
      );
    }
    recordApplications(sim.state, this.applications);
  }

  static async start(options: KioskRigOptions): Promise<KioskRig> {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-rig-'));
    const sim = new SimIls({
      data: options.data,
      loanRules: policyLoanRules('hvidovre'),
      faults: { latencyMs: options.ilsLatencyMs ?? 0 },
      ...(options.random ? { random: options.random } : {}),
    });
    const address = await sim.listenSip2({ host: '127.0.0.1', port: 0 });
    const pairs: PtyPair[] = [];
    const pair = async (name: string) => {
      const p = await openPtyPair({ deviceLink: path.join(dir, name) });
      pairs.push(p);
      return p;
    };
    const [cardPair, pinPair, lockPair, rfidPair, printerPair] = [await pair('card'), await pair('pin'), await pair('lock'), await pair('rfid'), await pair('printer')];
    const card = new SerialCardReaderSimulator({ path: cardPair.simulatorPath, suffix: 'CR' });
    const pinPad = new SerialPinPadSimulator({ path: pinPair.simulatorPath });
    const relay = new LcusRelaySimulator({ path: lockPair.simulatorPath });
    const rfid = new FeigSimulator({ path: rfidPair.simulatorPath, ...(options.realisticRfid ? { timing: true } : {}) });
    const printer = new EscPosPrinterSimulator({ path: printerPair.simulatorPath });
    await Promise.all([card.start(), pinPad.start(), relay.start(), rfid.start(), printer.start()]);
    const configFile = path.join(dir, 'kiosk.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        library: 'hvidovre',
        branch: 'Hovedbiblioteket',
        dataDir: path.join(dir, 'data'),
        httpPort: 0,
        ils: { transport: 'sip2', tls: false, host: address.host, port: address.port, user: 'kiosk', password: 'kiosk', institution: options.data.institution },
        devices: {
          cardReader: { driver: 'serial', path: cardPair.devicePath, suffix: 'CR' },
          pinPad: { driver: 'serial', path: pinPair.devicePath },
          lock: { driver: 'serial-relay', path: lockPair.devicePath, releaseMs: 500 },
          rfid: { driver: 'feig', path: rfidPair.devicePath },
          printer: { driver: 'escpos-serial', path: printerPair.devicePath },
        },
      }),
    );
    return new KioskRig(dir, sim, pairs, card, pinPad, relay, rfid, printer, configFile, options.clock ?? KIOSK_CLOCK);
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** Starts `kiosk start --browser`, waits for the URL and the first view. Returns ms to ready. */
  async launch(): Promise<number> {
    const started = performance.now();
    const proc = kiosk(['start', '--browser', '--port', '0', '--config', this.configFile, '--clock', this.clock]);
    this.proc = proc;
    this.launches += 1;
    const urlLine = await proc.next((l) => l.event === 'text' && /open http:\/\//.test(String(l.line)), 30_000);
    const url = /open (http:\/\/127\.0\.0\.1:(\d+)\/\S*)/.exec(String(urlLine.line));
    if (!url) throw new Error(`no URL in ${String(urlLine.line)}`);
    const ready = performance.now() - started;
    this.view = null;
    // As the page does: its first load trades the start key in the URL for the cookie the bridge needs.
    const cookie = (await fetch(url[1]!, { redirect: 'manual' })).headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const ws = new WebSocket(`ws://127.0.0.1:${url[2]}/bridge`, { origin: `http://127.0.0.1:${url[2]}`, headers: { cookie } });
    this.ws = ws;
    ws.on('message', (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as { channel: string; view?: ScreenView };
      if (frame.channel !== 'kiosk:view' || !frame.view) return;
      this.view = frame.view;
      for (const w of [...this.waiters]) {
        if (w.test(frame.view)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(frame.view);
        }
      }
    });
    ws.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ channel: 'kiosk:ready' }));
    await this.waitFor((v) => v.screen.name === 'start', 'the start screen');
    return ready;
  }

  pid(): number {
    return this.proc?.child.pid ?? -1;
  }

  memory(): { rssMb: number; peakMb: number } {
    return processMemory(this.pid());
  }

  logLines(test: (l: LogLine) => boolean): LogLine[] {
    return this.proc?.lines.filter(test) ?? [];
  }

  send(event: Record<string, unknown>): void {
    this.ws?.send(JSON.stringify({ channel: 'kiosk:event', event }));
  }

  waitFor(test: (v: ScreenView) => boolean, what: string, timeoutMs = 15_000): Promise<ScreenView> {
    if (this.view && test(this.view)) return Promise.resolve(this.view);
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve: (v: ScreenView) => (clearTimeout(timer), resolve(v)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timed out waiting for ${what}; screen: ${JSON.stringify(this.view?.screen ?? null).slice(0, 400)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Card then PIN on the pads; resolves on the checkout screen (or the refusal). */
  async identify(patron: { id: string; pin: string }): Promise<Screen> {
    await this.card.swipe(simCardFrom(patron.id));
    await this.waitFor((v) => v.screen.name === 'identify' && v.screen.step === 'enter-pin', 'the PIN step');
    await this.pinPad.press(`${patron.pin}#`);
    const view = await this.waitFor((v) => v.screen.name === 'checkout' || (v.screen.name === 'identify' && v.screen.step === 'refused'), 'the checkout screen');
    return view.screen;
  }

  /** Puts every part of each item on the pad at once. */
  place(itemIds: string[]): void {
    for (const id of itemIds) for (const tag of this.itemTags(id)) this.rfid.placeTag(tag);
  }

  /** Takes every tag off the pad, keeping the AFI the kiosk left on it. */
  clearPad(): void {
    for (const current of this.rfid.tags()) {
      for (const [itemId, tags] of this.tags) {
        const i = tags.findIndex((t) => t.uid === current.uid);
        if (i >= 0) this.tags.set(itemId, tags.map((t, j) => (j === i ? { ...current, memory: Uint8Array.from(current.memory) } : t)));
      }
      this.rfid.removeTag(current.uid);
    }
  }

  /** The AFI of every part of an item, on the pad or off it. */
  afis(itemId: string): number[] {
    const onPad = new Map(this.rfid.tags().map((t) => [t.uid, t.afi]));
    return this.itemTags(itemId).map((t) => onPad.get(t.uid) ?? t.afi);
  }

  itemTags(itemId: string): SimulatedTag[] {
    const tags = this.tags.get(itemId);
    if (!tags) throw new Error(`no tags for item ${itemId}`);
    return tags;
  }

  /** SIGKILL: no shutdown code runs, as in a power cut or a crash. */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.ws?.terminate();
    this.ws = null;
    await proc.stop('SIGKILL');
    this.proc = null;
  }

  /** SIGTERM: the kiosk shuts down cleanly. Returns its exit code. */
  async stop(): Promise<number | null> {
    const proc = this.proc;
    if (!proc) return null;
    this.ws?.close();
    this.ws = null;
    const code = await proc.stop('SIGTERM');
    this.proc = null;
    return code;
  }

  async close(): Promise<void> {
    if (this.proc) await this.stop().catch(() => this.kill());
    await Promise.all([this.card.stop(), this.pinPad.stop(), this.relay.stop(), this.rfid.stop(), this.printer.stop()].map((p) => p.catch(() => undefined)));
    await Promise.all(this.pairs.map((p) => p.close()));
    await this.sim.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

