import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeSerialBinding, type FakeSerialDevice } from '../serial/fake-binding.testkit';
import { renderReceipt } from './escpos-render';
import { paperStatusByte, printerStatusByte, type PaperStatus } from './escpos-status';
import { FilePrinterTransport } from './file-transport';
import { line, type Receipt } from './receipt';
import { type PaperState, PrinterUnavailableError, ReceiptPrinter } from './receipt-printer';
import { SerialPrinterTransport } from './transport';

const receipt: Receipt = { lines: [line.text('Kvittering', { bold: true }), line.text('Blåbær'), line.cut()] };
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

let printer: ReceiptPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

function fakePrinter(state: { paper: PaperStatus; offline: boolean; silent?: boolean }): { printer: ReceiptPrinter; device: FakeSerialDevice } {
  const binding = new FakeSerialBinding();
  const device = binding.device('/dev/ttyPRN');
  device.onWrite = (bytes) => {
    if (state.silent || bytes[0] !== 0x10) return;
    const reply = bytes[2] === 4 ? paperStatusByte(state.paper) : printerStatusByte(state.offline);
    queueMicrotask(() => device.send(Uint8Array.of(reply)));
  };
  const transport = new SerialPrinterTransport({ path: '/dev/ttyPRN', binding, reconnect: false });
  return { printer: new ReceiptPrinter(transport, { pollIntervalMs: 0, statusTimeoutMs: 30 }), device };
}

describe('ReceiptPrinter over a serial line', () => {
  it('checks status, then sends exactly the rendered receipt', async () => {
    const state = { paper: 'ok' as PaperStatus, offline: false };
    const fake = fakePrinter(state);
    printer = fake.printer;
    await printer.open();
    expect(printer.status()).toMatchObject({ paper: 'ok', online: true, device: { state: 'connected' } });
    fake.device.writes.length = 0;
    await printer.print(receipt);
    expect(fake.device.writes.map(hex)).toEqual(['100401', '100404', hex(renderReceipt(receipt))]);
  });

  it('reports near end and paper out as events and refuses to print without paper', async () => {
    const state = { paper: 'ok' as PaperStatus, offline: false };
    const fake = fakePrinter(state);
    printer = fake.printer;
    const paper: PaperState[] = [];
    printer.on('paper', (p) => paper.push(p));
    await printer.open();
    state.paper = 'near-end';
    await printer.print(receipt);
    state.paper = 'out';
    await expect(printer.print(receipt)).rejects.toMatchObject({ name: 'PrinterUnavailableError', reason: 'paper-out' });
    expect(paper).toEqual(['ok', 'near-end', 'out']);
  });

  it('reports offline and refuses to print', async () => {
    const state = { paper: 'ok' as PaperStatus, offline: true };
    const fake = fakePrinter(state);
    printer = fake.printer;
    const online: boolean[] = [];
    printer.on('online', (o) => online.push(o));
    await printer.open();
    const error = await printer.print(receipt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterUnavailableError);
    expect((error as PrinterUnavailableError).reason).toBe('offline');
    state.offline = false;
    await printer.checkStatus();
    expect(online).toEqual([false, true]);
  });

  it('prints when the printer does not answer status (unknown is not out)', async () => {
    const fake = fakePrinter({ paper: 'ok', offline: false, silent: true });
    printer = fake.printer;
    await printer.open();
    await printer.print(receipt);
    expect(printer.status()).toMatchObject({ paper: 'unknown', online: null });
    expect(hex(fake.device.written())).toContain(hex(renderReceipt(receipt)));
  });

  it('refuses to print when unplugged', async () => {
    const fake = fakePrinter({ paper: 'ok', offline: false });
    printer = fake.printer;
    await printer.open();
    fake.device.unplug();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(printer.print(receipt)).rejects.toMatchObject({ reason: 'disconnected' });
    expect(printer.status()).toMatchObject({ device: { state: 'disconnected' }, paper: 'unknown' });
  });
});

describe('ReceiptPrinter on a device file (escpos-file)', () => {
  it('writes the receipt bytes to the file and reports paper as unknown', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-lp-'));
    try {
      const file = path.join(dir, 'lp0');
      writeFileSync(file, '');
      printer = new ReceiptPrinter(new FilePrinterTransport({ path: file, reconnect: false }), { pollIntervalMs: 0, codePage: 'wpc1252' });
      await printer.open();
      await printer.print(receipt);
      await printer.close();
      printer = undefined;
      const written = readFileSync(file);
      const rendered = Buffer.from(renderReceipt(receipt, { codePage: 'wpc1252' }));
      expect(written.toString('hex')).toBe(rendered.toString('hex'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is disconnected while the device file is missing', async () => {
    const transport = new FilePrinterTransport({ path: '/nonexistent/usb/lp9', reconnect: false });
    printer = new ReceiptPrinter(transport, { pollIntervalMs: 0 });
    expect((await printer.open()).device).toMatchObject({ state: 'disconnected' });
    await expect(printer.print(receipt)).rejects.toMatchObject({ reason: 'disconnected' });
  });
});

describe('ReceiptPrinter background status checks', () => {
  it('a status request that fails is the printer status (an error a technician sees), not dropped', async () => {
    const { EventEmitter } = await import('node:events');
    const transport = Object.assign(new EventEmitter(), {
      path: '/dev/usb/lp0',
      isConnected: true,
      canQuery: true,
      open: async () => transport.status(),
      close: async () => undefined,
      status: () => ({ state: 'connected' as const, since: new Date(0) }),
      write: async () => undefined,
      query: async (): Promise<number | null> => {
        throw new Error('EIO: i/o error, read');
      },
    });
    printer = new ReceiptPrinter(transport, { pollIntervalMs: 0 });
    const seen: string[] = [];
    printer.on('status', (s) => seen.push(`${s.device.state}: ${s.device.detail ?? ''}`));
    await printer.open();
    expect(printer.status().device).toMatchObject({ state: 'error', detail: expect.stringContaining('EIO: i/o error, read') });
    expect(seen.at(-1)).toContain('status request failed');
  });
});
