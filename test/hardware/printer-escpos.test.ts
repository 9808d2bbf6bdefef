// The receipt printer driver and simulator over real socat ptys (serial and device-file
// transports), and the rendered bytes read back by an independent ESC/POS parser (npos).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import npos from 'npos';
import { requireTool } from '../support/required-tools';
import { decodeText } from '../../hardware/printer/code-pages';
import { renderReceipt } from '../../hardware/printer/escpos-render';
import { FilePrinterTransport } from '../../hardware/printer/file-transport';
import { EscPosPrinterSimulator } from '../../hardware/printer/printer-simulator';
import { line, type Receipt } from '../../hardware/printer/receipt';
import { type PaperState, ReceiptPrinter } from '../../hardware/printer/receipt-printer';
import { SerialPrinterTransport } from '../../hardware/printer/transport';
import { SimulatorCommandError, simulators } from '../../hardware/simulators';
import { eventually, ReplugablePty } from './pty-helpers';

const receipt: Receipt = {
  lines: [
    line.text('Tårnby Bibliotek', { align: 'center', bold: true, width: 2, height: 2 }),
    line.text('Lån 12. maj 2026'),
    line.text('Blåbærgrød og æbleskiver'),
    line.text('ÆØÅ æøå: afleveres 9. juni', { align: 'right' }),
    line.barcode('3000123'),
    line.qr('https://bibliotek.dk/lån/3000123'),
    line.feed(2),
    line.cut({ partial: true, feedLines: 3 }),
  ],
};
const intendedText = ['Tårnby Bibliotek', 'Lån 12. maj 2026', 'Blåbærgrød og æbleskiver', 'ÆØÅ æøå: afleveres 9. juni'];

/** npos's stock rules lack GS ( k (2D codes); teach it that one length-prefixed command. */
function nposParser() {
  const rules = JSON.parse(JSON.stringify(npos.rules)) as typeof npos.rules;
  (rules[0x1d] as Record<string, unknown>)['(k'] = [0, 'd16'];
  return npos.parser(rules);
}

async function nposText(bytes: Uint8Array, encoding: string): Promise<string> {
  const ast = await nposParser().parse(Buffer.from(bytes));
  expect(ast.error).toBeUndefined();
  // textualize announces each entry on the console; keep the test output clean.
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return (await npos.textualize(ast, { text: { encoding } })).join('');
  } finally {
    log.mockRestore();
  }
}

describe('an independent ESC/POS reader (npos) reads our receipts', () => {
  it.each([
    ['pc865', 'cp865'],
    ['wpc1252', 'windows-1252'],
  ] as const)('decodes the rendered %s receipt to the intended text, Danish letters included', async (codePage, encoding) => {
    const text = await nposText(renderReceipt(receipt, { codePage }), encoding);
    expect(text).toBe(`${intendedText.join('\n')}\n`);
  });

  it('agrees with our PC865 and WPC1252 tables on every upper-half byte', async () => {
    const upper = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    expect(await nposText(upper, 'cp865')).toBe(decodeText(upper, 'pc865'));
    const theirs = [...(await nposText(upper, 'windows-1252'))];
    const ours = [...decodeText(upper, 'wpc1252')];
    ours.forEach((char, i) => char !== '\ufffd' && expect(`${i + 0x80}:${theirs[i]}`).toBe(`${i + 0x80}:${char}`));
  });
});

describe.skipIf(!requireTool('socat'))('receipt printer over a pty', () => {
  let pty: ReplugablePty;
  let sim: EscPosPrinterSimulator;
  let printer: ReceiptPrinter | undefined;

  beforeEach(async () => {
    pty = new ReplugablePty();
    await pty.plug();
    sim = new EscPosPrinterSimulator({ path: pty.simulatorLink });
    await sim.start();
  });

  afterEach(async () => {
    await printer?.close();
    printer = undefined;
    await sim.stop();
    await pty.dispose();
  });

  const serialPrinter = (pollIntervalMs = 0) =>
    new ReceiptPrinter(new SerialPrinterTransport({ path: pty.deviceLink, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } }), {
      pollIntervalMs,
      statusTimeoutMs: 300,
    });

  it('prints a receipt the simulator reads back line by line, æøåÆØÅ included', async () => {
    printer = serialPrinter();
    await printer.open();
    const next = sim.nextReceipt();
    await printer.print(receipt);
    const printed = await next;
    expect(printed.flatMap((event) => (event.kind === 'line' ? [event.text] : []))).toEqual(intendedText);
    expect(printed[0]).toEqual({ kind: 'line', text: 'Tårnby Bibliotek', bold: true, align: 'center', width: 2, height: 2 });
    expect(printed.slice(4)).toEqual([
      { kind: 'barcode', symbology: 0x49, data: '3000123' },
      { kind: 'qr', data: 'https://bibliotek.dk/lån/3000123' },
      { kind: 'feed', lines: 2 },
      { kind: 'cut', partial: true },
    ]);
    // The bytes that crossed the pty (status requests included) read the same with npos.
    expect(await nposText(sim.receivedBytes(), 'cp865')).toBe(`${intendedText.join('\n')}\n`);
  });

  it('reports near end, paper out and offline from DLE EOT, and refuses to print without paper', async () => {
    printer = serialPrinter(25);
    const paper: PaperState[] = [];
    const online: boolean[] = [];
    printer.on('paper', (p) => paper.push(p));
    printer.on('online', (o) => online.push(o));
    await printer.open();
    sim.setPaper('near-end');
    await eventually(() => printer?.status().paper === 'near-end');
    sim.setPaper('out');
    await eventually(() => printer?.status().paper === 'out');
    await expect(printer.print(receipt)).rejects.toMatchObject({ name: 'PrinterUnavailableError', reason: 'paper-out' });
    sim.setPaper('ok');
    sim.setOffline(true);
    await eventually(() => printer?.status().online === false && printer.status().paper === 'ok');
    await expect(printer.print(receipt)).rejects.toMatchObject({ reason: 'offline' });
    sim.setOffline(false);
    await eventually(() => printer?.status().online === true);
    await printer.print(receipt);
    expect(paper).toEqual(['ok', 'near-end', 'out', 'ok']);
    // The printer is offline while out of paper, as Epson printers report it.
    expect(online).toEqual([true, false, true]);
    await eventually(() => sim.lines().length >= 4);
    expect(sim.lines()).toEqual(intendedText);
  });

  it('prints through the pty opened as a device file (escpos-file), with status', async () => {
    printer = new ReceiptPrinter(new FilePrinterTransport({ path: pty.deviceLink }), { pollIntervalMs: 0, statusTimeoutMs: 300, codePage: 'pc865' });
    const status = await printer.open();
    expect(status).toMatchObject({ paper: 'ok', online: true, device: { state: 'connected' } });
    const next = sim.nextReceipt();
    await printer.print(receipt);
    expect((await next).flatMap((event) => (event.kind === 'line' ? [event.text] : []))).toEqual(intendedText);
  });

  it('recovers when the printer is unplugged and plugged back in at the same path', async () => {
    printer = serialPrinter();
    await printer.open();
    await pty.unplug();
    // A status poll notices the loss at once (the write fails); an idle link may not (see README).
    await eventually(async () => {
      await printer!.checkStatus().catch(() => undefined);
      return printer!.status().device.state === 'disconnected';
    });
    await expect(printer.print(receipt)).rejects.toMatchObject({ reason: 'disconnected' });
    await pty.plug();
    await eventually(() => printer?.status().device.state === 'connected' && sim.status().state === 'connected');
    // The simulator's end may reopen a moment after the driver's: ask until it answers.
    await eventually(async () => (await printer!.checkStatus()).paper === 'ok');
    const next = sim.nextReceipt();
    await printer.print(receipt);
    expect((await next).filter((event) => event.kind === 'line')).toHaveLength(4);
  });
});

describe.skipIf(!requireTool('socat'))('kiosk simulate printer (registry entry)', () => {
  it('logs printed receipts and runs out of paper on command', async () => {
    const pty = new ReplugablePty();
    const log: string[] = [];
    const sim = await simulators.printer!.start(pty.deviceLink, { log: (l) => log.push(l) });
    const printer = new ReceiptPrinter(new SerialPrinterTransport({ path: pty.deviceLink }), { pollIntervalMs: 0, statusTimeoutMs: 300 });
    try {
      await printer.open();
      await printer.print(receipt);
      await eventually(() => log.length === 1);
      expect(log[0]!.split('\n').slice(0, 3)).toEqual(['--- receipt ---', '   Tårnby Bibliotek  [bold]', 'Lån 12. maj 2026']);
      expect(await sim.command('last')).toContain('[QR https://bibliotek.dk/lån/3000123]');
      expect(await sim.command('paper out')).toBe('paper out');
      expect((await printer.checkStatus()).paper).toBe('out');
      expect(await sim.command('status')).toBe('paper out, online');
      await expect(sim.command('paper low')).rejects.toBeInstanceOf(SimulatorCommandError);
    } finally {
      await printer.close();
      await sim.stop();
      await pty.dispose();
    }
  });
});
