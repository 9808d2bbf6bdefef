import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BootKeyboardDecoder, bootReport, keyFor, typeReports, type KeyPress } from './boot-keyboard';
import { loadReports } from './fixtures.testkit';

const chars = (keys: KeyPress[]) => keys.map((k) => (k.kind === 'char' ? k.char : `<${k.kind}>`)).join('');

function decodeAll(reports: Buffer[]): string {
  const decoder = new BootKeyboardDecoder();
  let text = '';
  for (const report of reports) {
    const result = decoder.push(report);
    if (result.ok) text += chars(result.keys);
  }
  return text;
}

describe('BootKeyboardDecoder', () => {
  it('maps the usage ids of PROTOCOLS.md section 6', () => {
    expect(keyFor(0x1e, false)).toEqual({ kind: 'char', char: '1' });
    expect(keyFor(0x26, false)).toEqual({ kind: 'char', char: '9' });
    expect(keyFor(0x27, false)).toEqual({ kind: 'char', char: '0' });
    expect(keyFor(0x28, false)).toEqual({ kind: 'enter' });
    expect(keyFor(0x2a, false)).toEqual({ kind: 'backspace' });
    expect(keyFor(0x59, false)).toEqual({ kind: 'char', char: '1' });
    expect(keyFor(0x61, false)).toEqual({ kind: 'char', char: '9' });
    expect(keyFor(0x62, false)).toEqual({ kind: 'char', char: '0' });
    expect(keyFor(0x58, false)).toEqual({ kind: 'enter' });
    expect(keyFor(0x55, false)).toEqual({ kind: 'char', char: '*' });
    expect(keyFor(0x56, false)).toEqual({ kind: 'char', char: '-' });
    expect(keyFor(0x3a, false)).toBeNull(); // F1: ignored
  });

  it('counts a key when it appears, not while held', () => {
    const decoder = new BootKeyboardDecoder();
    expect(decoder.push(Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0]))).toEqual({ ok: true, keys: [{ kind: 'char', char: '1' }] });
    expect(decoder.push(Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0]))).toEqual({ ok: true, keys: [] });
    expect(decoder.push(Buffer.from([0, 0, 0x1e, 0x1f, 0, 0, 0, 0]))).toEqual({ ok: true, keys: [{ kind: 'char', char: '2' }] });
    expect(decoder.push(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]))).toEqual({ ok: true, keys: [] });
    expect(decoder.push(Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0]))).toEqual({ ok: true, keys: [{ kind: 'char', char: '1' }] });
  });

  it('applies left and right shift', () => {
    const decoder = new BootKeyboardDecoder();
    expect(chars((decoder.push(Buffer.from([0x02, 0, 0x33, 0, 0, 0, 0, 0])) as { keys: KeyPress[] }).keys)).toBe(':');
    expect(chars((decoder.push(Buffer.from([0x20, 0, 0x38, 0, 0, 0, 0, 0])) as { keys: KeyPress[] }).keys)).toBe('?');
  });

  it('ignores rollover and wrong-length reports with a reason', () => {
    const decoder = new BootKeyboardDecoder();
    expect(decoder.push(Buffer.from([0, 0, 1, 1, 1, 1, 1, 1]))).toEqual({ ok: false, reason: 'rollover' });
    expect(decoder.push(Buffer.from([0, 0, 0x1e]))).toEqual({ ok: false, reason: 'bad-length' });
  });

  it('decodes the recorded wedge barcode capture', () => {
    expect(decodeAll(loadReports('wedge-barcode'))).toBe('0101801234<enter>');
  });

  it('decodes the recorded numeric keypad capture', () => {
    expect(decodeAll(loadReports('numeric-keypad'))).toBe('1234<enter>*<backspace>');
  });

  it('typeReports produces exact boot reports and round-trips text', () => {
    expect(typeReports('1', { enter: false })).toEqual([Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0]), Buffer.alloc(8)]);
    expect(typeReports('1', { keypad: true })).toEqual([bootReport([0x59]), bootReport([]), bootReport([0x58]), bootReport([])]);
    expect(decodeAll(typeReports(';5208101234567890?'))).toBe(';5208101234567890?<enter>');
    expect(() => typeReports('æ')).toThrow(RangeError);
  });

  it('property: random reports never throw and only yield known keys', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 12 })), (reports) => {
        const decoder = new BootKeyboardDecoder();
        for (const report of reports) {
          const result = decoder.push(report);
          if (result.ok) for (const key of result.keys) expect(['char', 'enter', 'backspace', 'escape', 'tab']).toContain(key.kind);
          else expect(['bad-length', 'rollover']).toContain(result.reason);
        }
      }),
    );
  });
});
