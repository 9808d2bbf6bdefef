// The shape every device simulator entry has (`kiosk simulate <device>`), in its own module so
// the entries under rfid/ and printer/ need not import the registry (simulators.ts) that lists them;
// and how each one starts on a fresh pty pair (`startOnPty`).
import type { LineSuffix } from './serial/line-framer';
import { openPtyPair } from './serial/pty-pair';

export interface RunningSimulator {
  readonly name: string;
  /** Where the driver opens the device (the link path asked for). */
  readonly devicePath: string;
  /** One interactive command line (e.g. "swipe 0101801234"); resolves with a reply line. */
  command(line: string): Promise<string>;
  /** Lines describing the commands, for `help`. */
  readonly help: readonly string[];
  stop(): Promise<void>;
}

export interface SimulatorStartOptions {
  /** Where the simulator reports what it sees (e.g. relay switches). No CPR or PIN goes here. */
  log?: (line: string) => void;
  /** Line suffix for line-based devices (default CR). */
  suffix?: LineSuffix;
}

export interface SimulatorEntry {
  summary: string;
  start(linkPath: string, options?: SimulatorStartOptions): Promise<RunningSimulator>;
}

/** A simulator command line that is not understood; the message says why, for the operator. */
export class SimulatorCommandError extends Error {
  override name = 'SimulatorCommandError';
}

/**
 * Starts the simulator `create` makes on the simulator end of a fresh pty pair whose driver end
 * is at `linkPath`. The pair is closed again when the simulator cannot start; `stop` stops both.
 */
export async function startOnPty<T extends { start(): Promise<void>; stop(): Promise<void> }>(
  linkPath: string,
  create: (simulatorPath: string) => T,
): Promise<{ sim: T; stop(): Promise<void> }> {
  const pair = await openPtyPair({ deviceLink: linkPath });
  try {
    const sim = create(pair.simulatorPath);
    await sim.start();
    return {
      sim,
      async stop() {
        await sim.stop();
        await pair.close();
      },
    };
  } catch (error) {
    await pair.close();
    throw error;
  }
}
