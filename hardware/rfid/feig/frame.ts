// FEIG ISO host protocol frames. Standard: LEN ADR CMD PAYLOAD CRC_L CRC_H (LEN <= 255);
// advanced: 0x02 LEN_H LEN_L ADR CMD PAYLOAD CRC_L CRC_H. LEN counts the whole frame.
// A reply's payload starts with its STATUS byte.
import { feigCrc16 } from './crc';

export type FeigFrameFormat = 'standard' | 'advanced';

/** COM-ADR 0xFF reaches whichever reader is on the line (point-to-point serial). */
export const FEIG_BROADCAST_ADDRESS = 0xff;
export const ADVANCED_START = 0x02;
export const STANDARD_OVERHEAD = 5;
export const ADVANCED_OVERHEAD = 7;

export interface FeigFrame {
  readonly format: FeigFrameFormat;
  readonly address: number;
  readonly command: number;
  /** Bytes between CMD and the CRC (a reply's STATUS byte included). */
  readonly payload: Uint8Array;
}

export interface FeigReply {
  readonly format: FeigFrameFormat;
  readonly address: number;
  readonly command: number;
  readonly status: number;
  readonly data: Uint8Array;
}

export type FeigFrameErrorReason = 'bad-length' | 'bad-crc' | 'no-status' | 'too-long';

/** Bytes on the line that are not a valid frame (typed: callers branch on `reason`). */
export class FeigFrameError extends Error {
  override name = 'FeigFrameError';
  constructor(
    readonly reason: FeigFrameErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export function encodeFeigFrame(frame: FeigFrame): Uint8Array {
  const advanced = frame.format === 'advanced';
  const header = advanced ? 3 : 1;
  const length = (advanced ? ADVANCED_OVERHEAD : STANDARD_OVERHEAD) + frame.payload.length;
  if (length > (advanced ? 0xffff : 0xff)) {
    throw new FeigFrameError('too-long', `a ${frame.format} frame cannot carry ${frame.payload.length} payload bytes`);
  }
  const bytes = new Uint8Array(length);
  if (advanced) {
    bytes[0] = ADVANCED_START;
    bytes[1] = length >> 8;
    bytes[2] = length & 0xff;
  } else {
    bytes[0] = length;
  }
  bytes[header] = frame.address;
  bytes[header + 1] = frame.command;
  bytes.set(frame.payload, header + 2);
  const crc = feigCrc16(bytes.subarray(0, length - 2));
  bytes[length - 2] = crc & 0xff;
  bytes[length - 1] = crc >> 8;
  return bytes;
}

/** Encodes a reply (the simulator's side): STATUS goes first in the payload. */
export function encodeFeigReply(reply: FeigReply): Uint8Array {
  const payload = new Uint8Array(1 + reply.data.length);
  payload[0] = reply.status;
  payload.set(reply.data, 1);
  return encodeFeigFrame({ format: reply.format, address: reply.address, command: reply.command, payload });
}

/** Splits a frame's payload into STATUS and data. */
export function toReply(frame: FeigFrame): FeigReply {
  if (frame.payload.length === 0) throw new FeigFrameError('no-status', 'reply frame has no STATUS byte');
  return {
    format: frame.format,
    address: frame.address,
    command: frame.command,
    status: frame.payload[0]!,
    data: frame.payload.subarray(1),
  };
}
