// `kiosk simulate <device> --link PATH`: one device simulator on a pty whose driver end is
// linked at PATH, for technicians testing a configuration. Commands on stdin; Ctrl-C stops.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SimulatorCommandError, simulators, type RunningSimulator } from '../../hardware/simulators';
import { socatAvailable, type LineSuffix } from '../../hardware/serial';
import { type CliIo, type Command, EXIT_OK, UsageError } from './command';

const USAGE = `kiosk simulate <${Object.keys(simulators).join('|')}> --link PATH [--suffix CR|CRLF|LF]`;

/** Feeds input lines to the simulator until `signal` aborts or a `quit` line. */
export async function runSimulator(sim: RunningSimulator, input: Readable, io: CliIo, signal: AbortSignal): Promise<void> {
  io.out(`${sim.name} simulator running; point the driver at ${sim.devicePath}`);
  io.out(['Commands:', ...sim.help.map((line) => `  ${line}`), '  help | quit (or Ctrl-C)'].join('\n'));
  const lines = createInterface({ input, terminal: false });
  const stopped = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const quit = new Promise<void>((resolve) => {
    lines.on('line', (line) => {
      const text = line.trim();
      if (text === '') return;
      if (text === 'quit' || text === 'exit') return resolve();
      if (text === 'help') return io.out(sim.help.join('\n'));
      sim.command(text).then(
        (reply) => io.out(reply),
        (error: unknown) => io.err(error instanceof SimulatorCommandError ? error.message : `failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
  });
  try {
    // stdin closing (e.g. run in the background) does not stop the simulator: only quit or a signal.
    await Promise.race([stopped, quit]);
  } finally {
    lines.close();
    await sim.stop();
    io.out(`${sim.name} simulator stopped`);
  }
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run one device simulator on a pty for testing a configuration',
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { link: { type: 'string' }, suffix: { type: 'string' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : 'bad options');
    }
    const [name, ...extra] = parsed.positionals;
    if (!name) throw new UsageError('which device? one of ' + Object.keys(simulators).join(', '));
    if (extra.length > 0) throw new UsageError(`unexpected '${extra[0]}'`);
    const entry = simulators[name];
    if (!entry) throw new UsageError(`no simulator for '${name}'; one of ${Object.keys(simulators).join(', ')}`);
    const link = parsed.values.link;
    if (!link) throw new UsageError('--link PATH is required: where the driver should find the device');
    const suffix = parsed.values.suffix;
    if (suffix !== undefined && !['CR', 'CRLF', 'LF'].includes(suffix)) throw new UsageError(`--suffix must be CR, CRLF or LF, got '${suffix}'`);
    if (!socatAvailable()) throw new UsageError('socat is not installed (apt-get install socat): it makes the pty pair');
    let sim: RunningSimulator;
    try {
      sim = await entry.start(link, { log: (line) => io.out(line), suffix: suffix as LineSuffix | undefined });
    } catch (error) {
      throw new UsageError(`cannot start the ${name} simulator at ${link}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await runSimulator(sim, process.stdin, io, controller.signal);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    return EXIT_OK;
  },
};
