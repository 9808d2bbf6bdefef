// A simulated FEIG reader on the simulator end of a serial pty pair: the driver under test
// talks to it through real bytes. Tags are placed and removed from tests or the UI.
import { type SerialBinding, SerialSimulator } from '../../serial';
import { ADVANCED_OVERHEAD, encodeFeigReply, STANDARD_OVERHEAD } from '../feig/frame';
import { FeigFrameParser } from '../feig/parser';
import { type AfiFailureMode, FeigSimulatorCore, type FeigSimulatorCoreOptions, type SimulatedTag } from './feig-simulator-core';

export interface SerialTiming {
  /** Line speed used for the delay (default 38400). */
  baudRate?: number;
  /** Bits per byte on the line: 11 for 8E1 (default). */
  bitsPerByte?: number;
  /** Extra time per command for the RF exchange with the tags (default 0). */
  commandMs?: number;
}

export interface FeigSimulatorOptions extends FeigSimulatorCoreOptions {
  /** The simulator end of the pty pair. */
  path: string;
  /** Delay each reply by the time its bytes (and the request's) take on a real line. */
  timing?: SerialTiming | boolean;
  binding?: SerialBinding;
}

export class FeigSimulator extends SerialSimulator {
  readonly core: FeigSimulatorCore;
  private readonly parser = new FeigFrameParser({ minPayload: 0 });
  private readonly timing: Required<SerialTiming> | null;
  private replies: Promise<void> = Promise.resolve();

  constructor(options: FeigSimulatorOptions) {
    const given = options.timing === true ? {} : options.timing || null;
    const timing = given && { baudRate: 38400, bitsPerByte: 11, commandMs: 0, ...given };
    super({ path: options.path, baudRate: timing?.baudRate ?? 38400, parity: 'even', binding: options.binding });
    this.timing = timing;
    this.core = new FeigSimulatorCore(options);
    this.link.on('data', (chunk) => this.onData(chunk));
    this.link.on('status', () => this.parser.reset());
  }

  placeTag(tag: SimulatedTag): void {
    this.core.placeTag(tag);
  }

  removeTag(uid: string): boolean {
    return this.core.removeTag(uid);
  }

  tags(): SimulatedTag[] {
    return this.core.tags();
  }

  failAfiWrites(times: number, mode?: AfiFailureMode): void {
    this.core.failAfiWrites(times, mode);
  }

  private onData(chunk: Buffer): void {
    for (const output of this.parser.push(chunk)) {
      if (!('frame' in output)) continue;
      const reply = encodeFeigReply(this.core.handle(output.frame));
      const requestLength = (output.frame.format === 'advanced' ? ADVANCED_OVERHEAD : STANDARD_OVERHEAD) + output.frame.payload.length;
      const delay = this.delayFor(requestLength + reply.length);
      // A simulator (demo and tests): a reply the reader never gets shows as its own timeout there.
      this.replies = this.replies
        .then(() => (delay > 0 ? new Promise<void>((resolve) => setTimeout(resolve, delay)) : undefined))
        .then(() => this.link.write(reply))
        .catch(() => undefined);
    }
  }

  private delayFor(bytesOnLine: number): number {
    if (!this.timing) return 0;
    return (bytesOnLine * this.timing.bitsPerByte * 1000) / this.timing.baudRate + this.timing.commandMs;
  }
}

/** Starts a simulated reader on `linkPath` (the registry entry for `kiosk simulate rfid`). */
export async function startRfidSimulator(linkPath: string, options: Omit<FeigSimulatorOptions, 'path'> = {}): Promise<FeigSimulator> {
  const simulator = new FeigSimulator({ ...options, path: linkPath });
  await simulator.start();
  return simulator;
}
