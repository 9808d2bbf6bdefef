import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineFramer, encodeLine, suffixBytes } from './line-framer';

const bytes = (...values: number[]) => Buffer.from(values);

describe('LineFramer', () => {
  it('splits on CR, keeping bytes across chunks', () => {
    const framer = new LineFramer({ suffix: 'CR' });
    expect(framer.push(bytes(0x31, 0x32))).toEqual([]);
    expect(framer.push(bytes(0x33, 0x0d, 0x34))).toEqual([bytes(0x31, 0x32, 0x33)]);
    expect(framer.pending).toBe(1);
    expect(framer.push(bytes(0x0d))).toEqual([bytes(0x34)]);
  });

  it('splits on CRLF even when the suffix is split between chunks', () => {
    const framer = new LineFramer({ suffix: 'CRLF' });
    expect(framer.push(bytes(0x41, 0x0d))).toEqual([]);
    expect(framer.push(bytes(0x0a, 0x42, 0x0d, 0x0a))).toEqual([bytes(0x41), bytes(0x42)]);
  });

  it('splits on LF and skips empty lines unless asked not to', () => {
    expect(new LineFramer({ suffix: 'LF' }).push(bytes(0x0a, 0x41, 0x0a, 0x0a))).toEqual([bytes(0x41)]);
    expect(new LineFramer({ suffix: 'LF', skipEmpty: false }).push(bytes(0x0a, 0x41, 0x0a))).toEqual([bytes(), bytes(0x41)]);
  });

  it('drops an overlong line, counts it, and recovers at the next suffix', () => {
    const framer = new LineFramer({ suffix: 'CR', maxLength: 4 });
    expect(framer.push(Buffer.from('0123456789'))).toEqual([]);
    expect(framer.overflows).toBe(1);
    expect(framer.push(Buffer.from('more\rok\r'))).toEqual([Buffer.from('ok')]);
    expect(framer.overflows).toBe(1);
    expect(framer.push(Buffer.from('toolong\r'))).toEqual([]);
    expect(framer.overflows).toBe(2);
  });

  it('reset forgets a half line', () => {
    const framer = new LineFramer({ suffix: 'CR' });
    framer.push(Buffer.from('half'));
    framer.reset();
    expect(framer.push(Buffer.from('whole\r'))).toEqual([Buffer.from('whole')]);
  });

  it('encodes a line with each suffix', () => {
    expect(encodeLine('12', 'CR')).toEqual(bytes(0x31, 0x32, 0x0d));
    expect(encodeLine('12', 'CRLF')).toEqual(bytes(0x31, 0x32, 0x0d, 0x0a));
    expect(encodeLine(bytes(0x7b), 'LF')).toEqual(bytes(0x7b, 0x0a));
    expect(suffixBytes('CRLF')).toEqual(bytes(0x0d, 0x0a));
  });

  it('property: any chunking of encoded lines yields the same lines', () => {
    const line = fc.uint8Array({ minLength: 1, maxLength: 40 }).map((a) => Buffer.from(a.filter((b) => b !== 0x0d && b !== 0x0a)));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(fc.nat(50), { maxLength: 10 }), (lines, cuts) => {
        const nonEmpty = lines.filter((l) => l.length > 0);
        const stream = Buffer.concat(nonEmpty.map((l) => encodeLine(l, 'CRLF')));
        const framer = new LineFramer({ suffix: 'CRLF' });
        const out: Buffer[] = [];
        let at = 0;
        for (const cut of cuts) {
          out.push(...framer.push(stream.subarray(at, at + cut)));
          at += cut;
        }
        out.push(...framer.push(stream.subarray(at)));
        expect(out).toEqual(nonEmpty);
      }),
    );
  });

  it('property: random bytes never throw and never exceed maxLength', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 })), (chunks) => {
        const framer = new LineFramer({ suffix: 'CR', maxLength: 16 });
        for (const chunk of chunks) for (const line of framer.push(chunk)) expect(line.length).toBeLessThanOrEqual(16);
        expect(framer.pending).toBeLessThanOrEqual(17);
      }),
    );
  });
});
