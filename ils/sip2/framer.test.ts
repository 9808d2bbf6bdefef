import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, Sip2FrameTooLongError, Sip2Framer } from './framer';

const b = (s: string) => Buffer.from(s, 'latin1');
const s = (frames: Uint8Array[]) => frames.map((f) => Buffer.from(f).toString('latin1'));

describe('Sip2Framer', () => {
  it('splits at CR, CRLF and LF, across chunks, skipping empty lines', () => {
    const framer = new Sip2Framer();
    expect(s(framer.push(b('941\r98YY')))).toEqual(['941']);
    expect(s(framer.push(b('YY\r')))).toEqual(['98YYYY']);
    expect(s(framer.push(b('\n941\r\n\r\n')))).toEqual(['941']);
    expect(s(framer.push(b('24a\n25b\r')))).toEqual(['24a', '25b']);
  });

  it('refuses an endless line and starts afresh', () => {
    const framer = new Sip2Framer();
    expect(() => framer.push(new Uint8Array(MAX_MESSAGE_BYTES + 1).fill(0x41))).toThrow(Sip2FrameTooLongError);
    expect(s(framer.push(b('941\r')))).toEqual(['941']);
  });

  it('refuses an over-long message even when it arrives whole in one chunk', () => {
    const framer = new Sip2Framer();
    const long = new Uint8Array(MAX_MESSAGE_BYTES + 2).fill(0x41);
    long[long.length - 1] = 0x0d;
    expect(() => framer.push(long)).toThrow(Sip2FrameTooLongError);
    expect(s(framer.push(b('941\r')))).toEqual(['941']);
  });

  it('takes a message of exactly the limit', () => {
    const framer = new Sip2Framer();
    const whole = new Uint8Array(MAX_MESSAGE_BYTES + 1).fill(0x41);
    whole[whole.length - 1] = 0x0d;
    expect(framer.push(whole.subarray(0, 1000)).length).toBe(0);
    expect(framer.push(whole.subarray(1000)).map((f) => f.length)).toEqual([MAX_MESSAGE_BYTES]);
  });
});
