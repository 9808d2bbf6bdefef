import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { InterByteTimeoutFramer } from './inter-byte-timeout';

describe('InterByteTimeoutFramer', () => {
  afterEach(() => vi.useRealTimers());

  it('emits a frame after the line is quiet for the interval', () => {
    vi.useFakeTimers();
    const frames: Buffer[] = [];
    const framer = new InterByteTimeoutFramer({ intervalMs: 30, onFrame: (f) => frames.push(f) });
    framer.push(Buffer.from([0x02, 0x00]));
    vi.advanceTimersByTime(29);
    framer.push(Buffer.from([0x0b]));
    vi.advanceTimersByTime(29);
    expect(frames).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(frames).toEqual([Buffer.from([0x02, 0x00, 0x0b])]);
    framer.push(Buffer.from([0x12]));
    vi.advanceTimersByTime(30);
    expect(frames).toEqual([Buffer.from([0x02, 0x00, 0x0b]), Buffer.from([0x12])]);
  });

  it('splits at maxLength and reset drops the rest', () => {
    vi.useFakeTimers();
    const frames: Buffer[] = [];
    const framer = new InterByteTimeoutFramer({ intervalMs: 10, maxLength: 3, onFrame: (f) => frames.push(f) });
    framer.push(Buffer.from('abcdefg'));
    expect(frames).toEqual([Buffer.from('abc'), Buffer.from('def')]);
    framer.reset();
    vi.advanceTimersByTime(100);
    expect(frames).toHaveLength(2);
  });

  it('rejects a non-positive interval', () => {
    expect(() => new InterByteTimeoutFramer({ intervalMs: 0, onFrame: () => undefined })).toThrow(RangeError);
  });

  it('property: the frames concatenate back to the input', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 50 })), fc.integer({ min: 1, max: 20 }), (chunks, maxLength) => {
        const frames: Buffer[] = [];
        const framer = new InterByteTimeoutFramer({ intervalMs: 5, maxLength, onFrame: (f) => frames.push(f), timers: { setTimeout: () => 0, clearTimeout: () => undefined } });
        for (const chunk of chunks) framer.push(chunk);
        framer.flush();
        expect(Buffer.concat(frames)).toEqual(Buffer.concat(chunks));
        for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(maxLength);
      }),
    );
  });
});
