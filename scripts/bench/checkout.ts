// Stack checkout: N tagged items put on the FEIG reader at once (real serial timing in the
// simulator), the ILS 20 ms away: until every item is checked out with its AFI written and read
// back, and until the receipt's last byte (the cut) reached the printer. Then the browser-mode
// kiosk's memory after all those checkouts.
import { AFI_CHECKED_OUT } from '../../policy';
import { KioskRig } from './lib/kiosk-rig';
import { generateItems, generatePatrons, itemId, libraryData } from './lib/library-data';
import { distribution, type Distribution, round, seededRandom, sleep } from './lib/stats';

export interface CheckoutFigures {
  ilsLatencyMs: number;
  rfid: string;
  stacks: Record<string, { runs: number; checkedOutMs: Distribution; receiptSentMs: Distribution; receiptBytes: number; receiptAt9600BaudMs: number }>;
  kioskReadyMs: number;
  memory: { checkouts: number; rssMb: number; peakMb: number };
}

const ILS_LATENCY_MS = 20;

export async function benchCheckout(options: { sizes: number[]; runs: number; memoryCheckouts: number; progress: (line: string) => void }): Promise<CheckoutFigures> {
  const random = seededRandom(21);
  const patrons = generatePatrons(10, random);
  const perRound = options.sizes.reduce((a, b) => a + b, 0);
  const rounds = Math.max(options.runs, Math.ceil(options.memoryCheckouts / perRound));
  const rig = await KioskRig.start({ data: libraryData(patrons, generateItems(rounds * perRound)), ilsLatencyMs: ILS_LATENCY_MS, realisticRfid: true });
  const samples = new Map<number, { checkedOut: number[]; receipt: number[]; bytes: number[] }>(options.sizes.map((n) => [n, { checkedOut: [], receipt: [], bytes: [] }]));
  let next = 1;
  let checkouts = 0;
  let session = 0;
  try {
    const kioskReadyMs = await rig.launch();
    for (let round_ = 0; round_ < rounds; round_ += 1) {
      for (const n of options.sizes) {
        const patron = patrons[session++ % patrons.length]!;
        const screen = await rig.identify(patron);
        if (screen.name !== 'checkout') throw new Error(`the patron was refused: ${JSON.stringify(screen)}`);
        const ids = Array.from({ length: n }, () => itemId(next++));
        const bytesBefore = rig.printer.receivedBytes().length;
        const receiptsBefore = rig.receipts.length;
        const t0 = performance.now();
        rig.place(ids);
        const done = await rig.waitFor(
          (v) => v.screen.name === 'checkout' && v.screen.items.length === n && v.screen.items.every((i) => i.status !== 'waiting' && i.status !== 'processing'),
          `${n} items checked out`,
          30_000,
        );
        const t1 = performance.now();
        if (done.screen.name !== 'checkout' || done.screen.items.some((i) => i.status !== 'borrowed')) throw new Error(`not every item was borrowed: ${JSON.stringify(done.screen)}`);
        rig.send({ type: 'FINISH' });
        await rig.waitFor((v) => v.screen.name === 'receipt-choice', 'the receipt choice');
        rig.send({ type: 'PRINT_RECEIPT' });
        const deadline = Date.now() + 10_000;
        while (rig.receipts.length === receiptsBefore && Date.now() < deadline) await sleep(1);
        const receipt = rig.receipts[receiptsBefore];
        if (!receipt) throw new Error('no receipt was cut');
        for (const id of ids) {
          const afis = rig.afis(id);
          if (afis.some((afi) => afi !== AFI_CHECKED_OUT) || rig.sim.state.item(id)?.onLoanTo !== patron.id) throw new Error(`item ${id}: AFI ${afis.join(',')} / ILS disagree`);
        }
        checkouts += n;
        if (round_ < options.runs) {
          const s = samples.get(n)!;
          s.checkedOut.push(t1 - t0);
          s.receipt.push(receipt.at - t0);
          s.bytes.push(rig.printer.receivedBytes().length - bytesBefore);
        }
        await rig.waitFor((v) => v.screen.name === 'start', 'the start screen after goodbye', 15_000);
        rig.clearPad();
        options.progress(`checkout: stack of ${n} (round ${round_ + 1}/${rounds}): ${Math.round(t1 - t0)} ms checked out, ${Math.round(receipt.at - t0)} ms with receipt`);
      }
    }
    const memory = { checkouts, ...rig.memory() };
    const stacks: CheckoutFigures['stacks'] = {};
    for (const [n, s] of samples) {
      const bytes = Math.round(s.bytes.reduce((a, b) => a + b, 0) / s.bytes.length);
      stacks[`${n} item${n === 1 ? '' : 's'}`] = {
        runs: s.checkedOut.length,
        checkedOutMs: distribution(s.checkedOut),
        receiptSentMs: distribution(s.receipt),
        receiptBytes: bytes,
        receiptAt9600BaudMs: round((bytes * 10 * 1000) / 9600, 0),
      };
    }
    return { ilsLatencyMs: ILS_LATENCY_MS, rfid: 'FEIG simulator at 38400 baud 8E1 (reply delayed by its bytes on the line)', stacks, kioskReadyMs: round(kioskReadyMs), memory };
  } finally {
    await rig.close();
  }
}
