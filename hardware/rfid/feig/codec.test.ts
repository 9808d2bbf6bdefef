import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feigCrc16 } from './crc';
import { encodeFeigFrame, encodeFeigReply, FeigFrameError, type FeigFrame, toReply } from './frame';
import { FeigFrameParser, type FeigParserOutput } from './parser';
import { feigStatusName } from './status';
import {
  encodeInventoryData,
  encodeReadBlocksData,
  inventoryRequest,
  lockAfiRequest,
  parseInventoryData,
  parseReadBlocksData,
  parseSystemInfoData,
  readBlocksRequest,
  rfResetRequest,
  writeAfiRequest,
  writeBlocksRequest,
} from './commands';
import { FeigReplyError } from './errors';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').match(/../g)!.join(' ');
const bytes = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const UID = 'E004010012345678';

const frames = (out: FeigParserOutput[]) => out.flatMap((o) => ('frame' in o ? [o.frame] : []));
const errors = (out: FeigParserOutput[]) => out.flatMap((o) => ('error' in o ? [o.error.reason] : []));

describe('FEIG CRC16 and frames', () => {
  it('matches the PROTOCOLS.md inventory examples', () => {
    expect(feigCrc16(bytes('07 FF B0 01 00'))).toBe(0x561c);
    const request = { address: 0xff, ...inventoryRequest() };
    expect(hex(encodeFeigFrame({ format: 'standard', ...request }))).toBe('07 ff b0 01 00 1c 56');
    expect(hex(encodeFeigFrame({ format: 'advanced', ...request }))).toBe('02 00 09 ff b0 01 00 18 43');
  });

  it('builds the request of every command the kiosk sends', () => {
    const standard = (request: { command: number; payload: Uint8Array }) => hex(encodeFeigFrame({ format: 'standard', address: 0xff, ...request }).subarray(0, -2));
    expect(standard(rfResetRequest())).toBe('05 ff 69');
    expect(standard(inventoryRequest(true))).toBe('07 ff b0 01 80');
    expect(standard(readBlocksRequest(UID, 0, 8))).toBe('11 ff b0 23 01 e0 04 01 00 12 34 56 78 00 08');
    expect(standard(writeAfiRequest(UID, 0xc2))).toBe('10 ff b0 27 01 e0 04 01 00 12 34 56 78 c2');
    expect(standard(lockAfiRequest(UID))).toBe('0f ff b0 28 01 e0 04 01 00 12 34 56 78');
    expect(hex(writeBlocksRequest(UID, 2, 4, bytes('01020304 05060708')).payload)).toBe(
      '24 01 e0 04 01 00 12 34 56 78 02 02 04 01 02 03 04 05 06 07 08',
    );
  });

  it('refuses a payload that does not fit a standard frame', () => {
    expect(() => encodeFeigFrame({ format: 'standard', address: 0xff, command: 0xb0, payload: new Uint8Array(251) })).toThrow(FeigFrameError);
    expect(encodeFeigFrame({ format: 'advanced', address: 0xff, command: 0xb0, payload: new Uint8Array(251) }).length).toBe(258);
  });

  it('names status codes', () => {
    expect(feigStatusName(0x00)).toBe('0x00 OK');
    expect(feigStatusName(0x01)).toBe('0x01 no transponder');
    expect(feigStatusName(0x94)).toBe('0x94 more data');
    expect(feigStatusName(0x83)).toBe('0x83 RF communication error');
    expect(feigStatusName(0x42)).toBe('0x42 unknown status');
  });
});

describe('reply data layouts', () => {
  it('parses a recorded inventory reply with two tags', () => {
    const reply = bytes('1a 00 b0 00 02 03 00 e0 04 01 00 12 34 56 78 03 00 e0 04 01 00 87 65 43 21');
    const frame = encodeFeigFrame({ format: 'standard', address: 0x00, command: 0xb0, payload: reply.subarray(3) });
    const parsed = toReply(frames(new FeigFrameParser({ minPayload: 1 }).push(frame))[0]!);
    expect(parsed.status).toBe(0);
    expect(parseInventoryData(parsed.data)).toEqual([
      { transponderType: 3, dsfid: 0, uid: 'E004010012345678' },
      { transponderType: 3, dsfid: 0, uid: 'E004010087654321' },
    ]);
  });

  it('round-trips inventory and block data and rejects malformed data', () => {
    const records = [{ transponderType: 3, dsfid: 0, uid: UID }];
    expect(parseInventoryData(encodeInventoryData(records))).toEqual(records);
    const memory = Uint8Array.from({ length: 32 }, (_, i) => i);
    const read = parseReadBlocksData(encodeReadBlocksData(4, memory));
    expect(read.blockSize).toBe(4);
    expect(hex(read.data)).toBe(hex(memory));
    expect(hex(encodeReadBlocksData(4, memory.subarray(0, 8)))).toBe('02 04 00 00 01 02 03 00 04 05 06 07');
    expect(() => parseInventoryData(bytes('02 03 00'))).toThrow(FeigReplyError);
    expect(() => parseReadBlocksData(bytes('02 04 00 01'))).toThrow(FeigReplyError);
    expect(() => parseSystemInfoData(bytes('00'))).toThrow(FeigReplyError);
    expect(parseSystemInfoData(bytes('00 e0 04 01 00 12 34 56 78 c2 1b 03 01')).afi).toBe(0xc2);
  });
});

describe('FeigFrameParser', () => {
  const reply = encodeFeigReply({ format: 'standard', address: 0, command: 0x69, status: 0, data: new Uint8Array(0) });
  const advancedReply = encodeFeigReply({ format: 'advanced', address: 0, command: 0xb0, status: 0x94, data: bytes('01 03 00 e0 04 01 00 12 34 56 78') });

  it('reassembles frames split byte by byte and finds several in one chunk', () => {
    const parser = new FeigFrameParser({ minPayload: 1 });
    const out: FeigParserOutput[] = [];
    for (const byte of Buffer.concat([reply, advancedReply])) out.push(...parser.push(Uint8Array.of(byte)));
    expect(frames(out).map((f) => [f.format, f.command, f.payload[0]])).toEqual([
      ['standard', 0x69, 0x00],
      ['advanced', 0xb0, 0x94],
    ]);
    expect(frames(new FeigFrameParser({ minPayload: 1 }).push(Buffer.concat([advancedReply, reply, reply])))).toHaveLength(3);
    expect(parser.pending).toBe(0);
  });

  it('resyncs after garbage and reports one error per garbage run', () => {
    const parser = new FeigFrameParser({ minPayload: 1 });
    const out = parser.push(Buffer.concat([bytes('00 01 ff'), reply, bytes('03'), advancedReply]));
    expect(frames(out)).toHaveLength(2);
    expect(errors(out)).toEqual(['bad-length', 'bad-length']);
  });

  it('reports a bad CRC as a typed error and keeps going', () => {
    const damaged = Uint8Array.from(reply);
    damaged[damaged.length - 1] = damaged[damaged.length - 1]! ^ 0xff;
    const parser = new FeigFrameParser({ minPayload: 1 });
    const out = parser.push(Buffer.concat([damaged, reply]));
    expect(errors(out)).toEqual(['bad-crc']);
    expect(frames(out)).toHaveLength(1);
  });

  it('does not wait on a stray byte that looks like a long length field', () => {
    const parser = new FeigFrameParser({ minPayload: 1 });
    const out = parser.push(Buffer.concat([bytes('69'), reply]));
    expect(errors(out)).toEqual(['bad-length']);
    expect(frames(out).map((f) => f.command)).toEqual([0x69]);
    expect(parser.pending).toBe(0);
  });

  it('never throws on random bytes, whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }), (chunks) => {
        const parser = new FeigFrameParser({ minPayload: 1, maxLength: 512 });
        for (const chunk of chunks) {
          for (const output of parser.push(chunk)) {
            if ('error' in output) expect(output.error).toBeInstanceOf(FeigFrameError);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every valid frame however the stream is cut', () => {
    const frameArb = fc.record({
      format: fc.constantFrom('standard' as const, 'advanced' as const),
      address: fc.integer({ min: 0, max: 255 }),
      command: fc.integer({ min: 0, max: 255 }),
      payload: fc.uint8Array({ minLength: 1, maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 30 })), (sent: FeigFrame[], cuts) => {
        const stream = Buffer.concat(sent.map(encodeFeigFrame));
        const parser = new FeigFrameParser({ minPayload: 1 });
        const got: FeigFrame[] = [];
        let at = 0;
        for (const cut of [...cuts, stream.length]) {
          got.push(...frames(parser.push(stream.subarray(at, at + cut))));
          at += cut;
          if (at >= stream.length) break;
        }
        if (at < stream.length) got.push(...frames(parser.push(stream.subarray(at))));
        expect(got.map((f) => [f.format, f.address, f.command, hex(f.payload)])).toEqual(sent.map((f) => [f.format, f.address, f.command, hex(f.payload)]));
      }),
    );
  });
});
