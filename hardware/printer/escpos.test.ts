import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, encodeText } from './code-pages';
import { renderReceipt } from './escpos-render';
import { EscPosDecoder, type PrintedEvent } from './escpos-decoder';
import { isStatusByte, offlineFromByte, paperStatusByte, paperStatusFromByte, printerStatusByte } from './escpos-status';
import { line, ReceiptError, type Receipt } from './receipt';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').match(/../g)!.join(' ');

describe('code pages', () => {
  it('encodes the Danish letters in PC865 and WPC1252', () => {
    expect(hex(encodeText('æøåÆØÅ', 'pc865'))).toBe('91 9b 86 92 9d 8f');
    expect(hex(encodeText('æøåÆØÅ', 'wpc1252'))).toBe('e6 f8 e5 c6 d8 c5');
    expect(hex(encodeText('é ü ½ §', 'pc865'))).toBe('82 20 81 20 ab 20 3f');
    expect(hex(encodeText('€5', 'wpc1252'))).toBe('80 35');
    expect(hex(encodeText('€5', 'pc865'))).toBe('45 55 52 35');
  });

  it('turns control characters into spaces so text cannot carry printer commands', () => {
    expect(hex(encodeText('a\x1b@\x1dVb', 'pc865'))).toBe('61 20 40 20 56 62');
  });

  it('has 128 characters in each upper half and round-trips them', () => {
    for (const page of ['pc865', 'wpc1252'] as const) {
      const upper = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
      const text = decodeText(upper, page);
      expect([...text]).toHaveLength(128);
      const assigned = [...text].filter((char) => char !== '\ufffd').join('');
      expect(decodeText(encodeText(assigned, page), page)).toBe(assigned);
    }
  });

  it('matches the published charts at spot checks and Latin-1 above 0xA0', () => {
    expect(decodeText(Uint8Array.of(0x80, 0x8a, 0x96, 0x9f, 0x81), 'wpc1252')).toBe('€Š–Ÿ\ufffd');
    expect(decodeText(Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i), 'wpc1252')).toBe(Buffer.from(Array.from({ length: 96 }, (_, i) => 0xa0 + i)).toString('latin1'));
    expect(decodeText(Uint8Array.of(0x80, 0x9b, 0x9c, 0x9d, 0xaf, 0xb0, 0xe1, 0xff), 'pc865')).toBe('Çø£Ø¤░ß\u00a0');
  });
});

describe('renderReceipt', () => {
  it('renders text with style changes only where the style changes', () => {
    const receipt: Receipt = {
      lines: [
        line.text('Lån', { align: 'center', bold: true, width: 2, height: 2 }),
        line.text('Bog', { align: 'center', bold: true, width: 2, height: 2 }),
        line.text('Afleveres 1. maj'),
        line.feed(3),
        line.cut({ partial: true, feedLines: 4 }),
      ],
    };
    expect(hex(renderReceipt(receipt))).toBe(
      [
        '1b 40 1b 74 05',
        '1b 61 01 1b 45 01 1d 21 11 4c 86 6e 0a',
        '42 6f 67 0a',
        '1b 61 00 1b 45 00 1d 21 00 41 66 6c 65 76 65 72 65 73 20 31 2e 20 6d 61 6a 0a',
        '1b 64 03',
        '1d 56 42 04',
      ].join(' '),
    );
  });

  it('selects WPC1252 with ESC t 16', () => {
    expect(hex(renderReceipt({ lines: [line.text('ø')] }, { codePage: 'wpc1252' }))).toBe('1b 40 1b 74 10 f8 0a');
  });

  it('renders a CODE128 barcode and a QR code byte for byte', () => {
    expect(hex(renderReceipt({ lines: [line.barcode('a{1', { height: 60 })] }).subarray(5))).toBe(
      '1d 68 3c 1d 77 02 1d 48 02 1d 6b 49 06 7b 42 61 7b 7b 31',
    );
    expect(hex(renderReceipt({ lines: [line.qr('AB', { moduleSize: 4, errorLevel: 'Q' }), line.cut()] }).subarray(5))).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00',
        '1d 28 6b 03 00 31 43 04',
        '1d 28 6b 03 00 31 45 32',
        '1d 28 6b 05 00 31 50 30 41 42',
        '1d 28 6b 03 00 31 51 30',
        '1d 56 00',
      ].join(' '),
    );
  });

  it('refuses what a printer cannot print, naming the line', () => {
    expect(() => renderReceipt({ lines: [line.text('ok'), line.barcode('blåbær')] })).toThrow(ReceiptError);
    expect(() => renderReceipt({ lines: [line.text('ok'), line.barcode('blåbær')] })).toThrow(/line 2/);
    expect(() => renderReceipt({ lines: [line.text('x', { width: 9 })] })).toThrow(/width/);
    expect(() => renderReceipt({ lines: [line.qr('')] })).toThrow(/QR/);
  });
});

describe('EscPosDecoder', () => {
  const receipt: Receipt = {
    lines: [
      line.text('Frederiksberg Bibliotek', { align: 'center', bold: true }),
      line.text('Lånt: Blåbærgrød for øvede\nÆble, Østers & Ål'),
      line.barcode('5010-{7}'),
      line.qr('https://bib.dk/lån'),
      line.text('Tak!', { align: 'right', width: 2, height: 3 }),
      line.cut({ feedLines: 3 }),
    ],
  };
  const expected: PrintedEvent[] = [
    { kind: 'line', text: 'Frederiksberg Bibliotek', bold: true, align: 'center', width: 1, height: 1 },
    { kind: 'line', text: 'Lånt: Blåbærgrød for øvede', bold: false, align: 'left', width: 1, height: 1 },
    { kind: 'line', text: 'Æble, Østers & Ål', bold: false, align: 'left', width: 1, height: 1 },
    { kind: 'barcode', symbology: 0x49, data: '5010-{7}' },
    { kind: 'qr', data: 'https://bib.dk/lån' },
    { kind: 'line', text: 'Tak!', bold: false, align: 'right', width: 2, height: 3 },
    { kind: 'cut', partial: false },
  ];

  it.each(['pc865', 'wpc1252'] as const)('reads a rendered receipt back (%s)', (codePage) => {
    expect(new EscPosDecoder().push(renderReceipt(receipt, { codePage }))).toEqual(expected);
  });

  it('reads a receipt split into one-byte chunks the same way', () => {
    const decoder = new EscPosDecoder();
    const events = [...renderReceipt(receipt)].flatMap((byte) => decoder.push(Uint8Array.of(byte)));
    expect(events).toEqual(expected);
  });

  it('reports DLE EOT requests and unknown commands', () => {
    expect(new EscPosDecoder().push(Uint8Array.of(0x10, 0x04, 0x04, 0x1b, 0x99, 0x41, 0x0a))).toEqual([
      { kind: 'status-request', n: 4 },
      { kind: 'unknown', bytes: [0x1b, 0x99] },
      { kind: 'line', text: 'A', bold: false, align: 'left', width: 1, height: 1 },
    ]);
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 10 }), (chunks) => {
        const decoder = new EscPosDecoder();
        for (const chunk of chunks) decoder.push(chunk);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('DLE EOT status bytes', () => {
  it('reads paper and offline bits', () => {
    expect(paperStatusFromByte(0x12)).toBe('ok');
    expect(paperStatusFromByte(0x1e)).toBe('near-end');
    expect(paperStatusFromByte(0x72)).toBe('out');
    expect(paperStatusFromByte(0x7e)).toBe('out');
    expect(offlineFromByte(0x16)).toBe(false);
    expect(offlineFromByte(0x1a)).toBe(true);
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x0a)).toBe(false);
    for (const paper of ['ok', 'near-end', 'out'] as const) expect(paperStatusFromByte(paperStatusByte(paper))).toBe(paper);
    expect(offlineFromByte(printerStatusByte(true))).toBe(true);
    expect(isStatusByte(paperStatusByte('out'))).toBe(true);
  });
});
