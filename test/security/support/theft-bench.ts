// The kiosk as a thief meets it, on the bench of scripts/bench/lib/kiosk-rig.ts: the real kiosk
// process (`kiosk start --browser`, driven over its WebSocket bridge as the screen drives it) with
// the FEIG reader, card reader and PIN pad on socat ptys driven from this process, and the
// simulated ILS here too over SIP2/TCP. On top: tags whose AFI write fails, tags of other
// libraries or not for loan, the ILS stopped and started on its port, and the checks that the
// gate's theft bit and the ILS agree and that the screen told the patron what happened.
import { readFileSync } from 'node:fs';
import { simulatedTag } from '../../../hardware/rfid/index';
import { DEMO_DATA } from '../../../ils/sim/demo-data';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY } from '../../../policy';
import { type AfiFaults, installAfiFaults } from '../../../scripts/soak/afi-faults';
import { KioskRig, type Screen } from '../../../scripts/bench/lib/kiosk-rig';
import { sleep } from '../../../scripts/bench/lib/stats';

export type ItemView = Extract<Screen, { name: 'checkout' }>['items'][number];

/** Item states the kiosk has finished with (the patron has been told). 'incomplete-set' is not one:
 * a set's parts are read one by one, so a whole set passes through it. */
export const SETTLED = new Set(['borrowed', 'renewed', 'returned', 'refused', 'unreadable']);
/** What the patron reads as "it worked". */
export const TOLD_DONE = new Set(['borrowed', 'renewed', 'returned']);

export interface TagOptions {
  /** Owner library's ISIL on the tag, without "DK-" (default this library, 775100). */
  isil?: string;
  usage?: 'circulating' | 'reference';
  partsInSet?: number;
}

export const hex = (afi: number) => `0x${afi.toString(16).padStart(2, '0')}`;

export class TheftBench {
  private lastSwipe = 0;
  private nextTag = 1;
  private ilsOnline = true;
  /** Set when a test stopped the ILS: the next one starts a fresh kiosk (no reconnect back-off). */
  hadOutage = false;

  private constructor(
    readonly rig: KioskRig,
    readonly faults: AfiFaults,
    private readonly ilsPort: number,
  ) {}

  static async open(): Promise<TheftBench> {
    const rig = await KioskRig.start({ data: structuredClone(DEMO_DATA) });
    const config = JSON.parse(readFileSync(rig.configFile, 'utf8')) as { ils: { port: number } };
    return new TheftBench(rig, installAfiFaults(rig.rfid), config.ils.port);
  }

  get ils() {
    return this.rig.sim;
  }

  async close(): Promise<void> {
    await this.rig.close();
  }

  // --- the ILS ---

  async stopIls(): Promise<void> {
    if (!this.ilsOnline) return;
    await this.rig.sim.close();
    this.ilsOnline = false;
    this.hadOutage = true;
  }

  async startIls(): Promise<void> {
    if (this.ilsOnline) return;
    await this.rig.sim.listenSip2({ host: '127.0.0.1', port: this.ilsPort });
    this.ilsOnline = true;
  }

  /** The ILS's own answer: who has the item on loan (undefined: nobody, or no such item). */
  loanOf(itemId: string): string | undefined {
    return this.rig.sim.state.item(itemId)?.onLoanTo;
  }

  // --- the patron ---

  /** Card and PIN (waiting out the card reader's 1.5 s double-swipe guard); the screen after. */
  async identify(patron: { id: string; pin: string }): Promise<Screen> {
    const wait = this.lastSwipe + 1700 - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastSwipe = Date.now();
    return this.rig.identify(patron);
  }

  async startReturn(): Promise<void> {
    this.rig.send({ type: 'RETURN' });
    await this.rig.waitFor((v) => v.screen.name === 'return', 'the return screen');
  }

  /** Finishes the session without a receipt and waits for the start screen. */
  async finishSession(): Promise<void> {
    this.rig.send({ type: 'FINISH' });
    const next = await this.rig.waitFor((v) => ['receipt-choice', 'goodbye', 'start'].includes(v.screen.name), 'the receipt choice or goodbye', 20_000);
    if (next.screen.name === 'receipt-choice') this.rig.send({ type: 'NO_RECEIPT' });
    await this.rig.waitFor((v) => v.screen.name === 'start', 'the start screen', 20_000);
  }

  /** The item as the screen shows it now (the latest row for it). */
  shown(itemId: string): ItemView | undefined {
    const screen = this.rig.view?.screen;
    if (!screen || (screen.name !== 'checkout' && screen.name !== 'return')) return undefined;
    return screen.items.filter((i) => i.itemId === itemId).at(-1);
  }

  /** Waits until the screen shows the item settled (optionally: other than `before`); returns it. */
  async settled(itemId: string, timeoutMs = 15_000, differentFrom?: ItemView): Promise<ItemView> {
    const view = await this.rig.waitFor(
      (v) => {
        const s = v.screen;
        if (s.name !== 'checkout' && s.name !== 'return') return false;
        const item = s.items.filter((i) => i.itemId === itemId).at(-1);
        return item !== undefined && SETTLED.has(item.status) && (differentFrom === undefined || item.key !== differentFrom.key || item.status !== differentFrom.status);
      },
      `item ${itemId} settled on the screen`,
      timeoutMs,
    );
    const screen = view.screen as Extract<Screen, { name: 'checkout' }>;
    return screen.items.filter((i) => i.itemId === itemId).at(-1)!;
  }

  // --- tags ---

  /** Gives an item its own tags (a foreign library's, a reference copy, an id the ILS lacks). */
  tagItem(itemId: string, options: TagOptions = {}): string[] {
    const parts = options.partsInSet ?? this.rig.sim.state.item(itemId)?.partsInSet ?? 1;
    const afi = this.loanOf(itemId) === undefined ? AFI_IN_LIBRARY : AFI_CHECKED_OUT;
    const index = this.nextTag++;
    const tags = Array.from({ length: parts }, (_, p) =>
      simulatedTag(
        `E0040199${index.toString(16).padStart(4, '0')}${(p + 1).toString(16).padStart(4, '0')}`,
        { usage: options.usage ?? 'circulating', partsInSet: parts, partNumber: p + 1, itemId, country: 'DK', isil: options.isil ?? '775100' },
        afi,
      ),
    );
    this.rig.tags.set(itemId, tags);
    return tags.map((t) => t.uid);
  }

  uids(itemId: string): string[] {
    return this.rig.itemTags(itemId).map((t) => t.uid);
  }

  place(itemId: string): void {
    this.rig.place([itemId]);
  }

  /** Takes one item off the pad; its tags keep the AFI the kiosk left on them. */
  lift(itemId: string): void {
    const tags = this.rig.itemTags(itemId).map((t) => {
      const current = this.rig.rfid.core.tag(t.uid);
      if (!current) return t;
      this.rig.rfid.removeTag(t.uid);
      return { ...current, memory: Uint8Array.from(current.memory) };
    });
    this.rig.tags.set(itemId, tags);
  }

  /** A librarian at the desk sets the tags as the ILS says (between scenarios that share an item). */
  resetTags(itemId: string): void {
    const afi = this.loanOf(itemId) === undefined ? AFI_IN_LIBRARY : AFI_CHECKED_OUT;
    this.rig.tags.set(itemId, this.rig.itemTags(itemId).map((t) => ({ ...t, afi })));
  }

  /** Staff check the item in at the desk (ILS directly) and set its tags to match. */
  deskReturn(itemId: string): void {
    if (this.loanOf(itemId) !== undefined) this.rig.sim.state.checkin(itemId);
    this.resetTags(itemId);
  }

  afis(itemId: string): number[] {
    return this.rig.afis(itemId);
  }

  /**
   * The gate's invariant for one item: all its tags carry one AFI, 0xC2 exactly when the ILS has
   * it on loan. Null when it holds, else what is wrong.
   */
  disagreement(itemId: string): string | null {
    const afis = this.afis(itemId);
    const loan = this.loanOf(itemId);
    const want = loan === undefined ? AFI_IN_LIBRARY : AFI_CHECKED_OUT;
    if (afis.every((a) => a === want)) return null;
    return `item ${itemId}: tags ${afis.map(hex).join(', ')} but the ILS has it ${loan === undefined ? 'not on loan' : 'on loan'}`;
  }

  /** Waits (a little) for the kiosk's log line. */
  async logged(event: string, timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.rig.logLines((l) => l.event === event).length > 0) return true;
      await sleep(50);
    }
    return false;
  }
}
