// Loan and return receipts and the technician's test print, as the printer is asked to print them.
import { describe, expect, it } from 'vitest';
import { type Receipt } from '../../hardware/printer/index';
import type { ReceiptRequest } from '../../state-machines';
import { VERSION } from '../version';
import { receiptFor, testReceipt } from './receipts';

const PRINTED_AT = new Date('2026-11-18T09:05:00Z'); // 10:05 in Copenhagen
const context = { libraryName: 'Hvidovre Bibliotek', printedAt: PRINTED_AT };

const texts = (receipt: Receipt) => receipt.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
const printed = (receipt: Receipt) => receipt.lines.map((l) => ('text' in l ? l.text : 'data' in l ? l.data : '')).join('\n');

describe('loan receipt', () => {
  it('names each item, its id and due date, the count and the time, in Danish', () => {
    const receipt = receiptFor(
      { kind: 'checkout', language: 'da', lines: [{ itemId: '5000000001', title: 'Kaptajn Bimse', dueDate: '2026-12-16' }] },
      context,
    );
    expect(texts(receipt)).toEqual([
      'Hvidovre Bibliotek',
      'Lånekvittering',
      '18. nov. 2026, 10.05',
      'Kaptajn Bimse',
      '5000000001',
      'Afleveres senest: 16. december 2026',
      '1 materiale',
      'Tak for besøget',
    ]);
    expect(receipt.lines.at(-1)).toEqual({ kind: 'cut' });
  });

  it('an item borrowed offline, whose due date the library system has not set yet, says so', () => {
    for (const [language, words] of [
      ['da', 'Afleveringsdatoen sættes, når biblioteksystemet svarer igen'],
      ['en', 'The due date will be set when the library system is back'],
    ] as const) {
      const receipt = receiptFor(
        {
          kind: 'checkout',
          language,
          lines: [
            { itemId: '5000000002', title: 'Offline', dueDate: '' },
            { itemId: '5000000003', title: 'Online', dueDate: '2026-12-16' },
          ],
        },
        context,
      );
      const lines = texts(receipt);
      expect(lines[lines.indexOf('5000000002') + 1]).toBe(words);
      expect(lines.filter((l) => l === words)).toHaveLength(1);
      expect(printed(receipt)).not.toMatch(/Afleveres senest: $|Due: $/m);
    }
  });

  it('never prints the patron: no CPR number, card number or PIN, even if the request carried one', () => {
    const request = {
      kind: 'checkout',
      language: 'en',
      lines: [{ itemId: '5000000001', title: 'Kaptajn Bimse', dueDate: '2026-12-16' }],
      card: { kind: 'health-card', patronId: '0103801001', masked: '010380-****' },
      pin: '1234',
      patron: { name: 'Anna Andersen' },
    } as ReceiptRequest;
    const text = printed(receiptFor(request, context));
    expect(text).not.toMatch(/0103801001|010380|1234|Anna/);
  });
});

describe('return receipt', () => {
  it('tells where each item goes, without a due date', () => {
    const receipt = receiptFor(
      { kind: 'return', language: 'en', lines: [{ itemId: '5000000001', title: 'Kaptajn Bimse', destination: 'hold-shelf' }] },
      context,
    );
    expect(texts(receipt)).toEqual([
      'Hvidovre Bibliotek',
      'Return receipt',
      '18 Nov 2026, 10:05',
      'Kaptajn Bimse',
      '5000000001',
      'Reserved: to the hold shelf',
      '1 item',
      'Thank you for your visit',
    ]);
  });
});

describe('test print', () => {
  const receipt = testReceipt('Hvidovre Bibliotek', PRINTED_AT);

  it('barcodes a code marked as a test, never a real-looking item number', () => {
    const barcodes = receipt.lines.flatMap((l) => (l.kind === 'barcode' ? [l.data] : []));
    expect(barcodes).toHaveLength(1);
    expect(barcodes[0]).toMatch(/^TEST-/);
    expect(barcodes[0]).not.toMatch(/\d{8,}/);
  });

  it('says it is a test, not an item, with the time (Copenhagen), the version and the Danish letters', () => {
    const lines = texts(receipt);
    expect(lines).toContain('Testudskrift / Test print');
    expect(lines).toContain('Ikke et materiale / Not an item');
    expect(lines).toContain('18-11-2026 10:05');
    expect(lines).toContain(`Version ${VERSION}`);
    expect(lines).toContain('ÆØÅ æøå');
  });
});
