// LCUS serial relay modules (CH340, 9600 8N1), PROTOCOLS.md section 7: four bytes
// A0 <relay> <00 off | 01 on> <sum of the first three, low byte>. The module never answers.

export const LCUS_START = 0xa0;

export function encodeLcus(relay: number, on: boolean): Buffer {
  if (!Number.isInteger(relay) || relay < 1 || relay > 0xff) throw new RangeError(`relay must be 1-255, got ${relay}`);
  const op = on ? 0x01 : 0x00;
  return Buffer.from([LCUS_START, relay, op, (LCUS_START + relay + op) & 0xff]);
}

export type LcusFrame = { ok: true; relay: number; on: boolean } | { ok: false; reason: 'bad-checksum' | 'bad-operation' | 'noise'; bytes: Buffer };

/** Module side: finds commands in a byte stream, resynchronising on A0 after noise. */
export class LcusDecoder {
  private buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): LcusFrame[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const frames: LcusFrame[] = [];
    for (;;) {
      const start = this.buffer.indexOf(LCUS_START);
      if (start === -1) {
        if (this.buffer.length > 0) frames.push({ ok: false, reason: 'noise', bytes: this.buffer });
        this.buffer = Buffer.alloc(0);
        break;
      }
      if (start > 0) {
        frames.push({ ok: false, reason: 'noise', bytes: Buffer.from(this.buffer.subarray(0, start)) });
        this.buffer = this.buffer.subarray(start);
      }
      if (this.buffer.length < 4) break;
      const [, relay = 0, op = 0, sum = 0] = this.buffer;
      if (((LCUS_START + relay + op) & 0xff) !== sum) {
        frames.push({ ok: false, reason: 'bad-checksum', bytes: Buffer.from(this.buffer.subarray(0, 1)) });
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      const bytes = Buffer.from(this.buffer.subarray(0, 4));
      this.buffer = this.buffer.subarray(4);
      frames.push(op <= 1 ? { ok: true, relay, on: op === 1 } : { ok: false, reason: 'bad-operation', bytes });
    }
    return frames;
  }
}
