// `kiosk door [--config FILE] [--clock ISO]`: the headless door controller (systemd-friendly:
// JSON lines on stdout, clean exit on SIGTERM with the lock off; a crash or any other terminating
// signal switches the lock off before a non-zero exit, see runtime/fail-safe.ts).
import { parseArgs } from 'node:util';
import { untilSignal } from '../screen-launcher';
import { type RunningDoor, runDoor } from '../door/run-door';
import { installFailSafe } from '../fail-safe';
import { startSimConsole } from '../door/sim-console';
import { jsonLogger } from '../log';
import { type Command, EXIT_BAD_INPUT, EXIT_OK, UsageError } from './command';
import { configFrom, parseClock } from './runtime-options';

export const doorCommand: Command = {
  name: 'door',
  summary: 'run the headless door controller (card + PIN -> library rules -> lock)',
  usage: 'kiosk door [--config FILE] [--clock ISO-TIME] [--log-level debug|info|warn|error]',
  async run(argv, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: { config: { type: 'string' }, clock: { type: 'string' }, 'log-level': { type: 'string' } },
        strict: true,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const level = values['log-level'] ?? 'info';
    if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new UsageError(`--log-level ${level} is not one of debug, info, warn, error`);
    const config = configFrom(values.config);
    const clock = parseClock(values.clock);
    const log = jsonLogger({ level: level as 'info', write: (line) => io.out(line), now: () => clock.now() });
    let door: RunningDoor | undefined;
    const removeFailSafe = installFailSafe({ locks: () => (door ? [door.devices.lock] : []), log });
    try {
      door = await runDoor(config, { clock, log });
    } catch (error) {
      removeFailSafe();
      io.err(`kiosk door: could not start: ${(error as Error).message}`);
      return EXIT_BAD_INPUT;
    }
    const sims = door.devices.simulators;
    const closeConsole = sims.cardReader || sims.pinPad ? startSimConsole(sims, process.stdin, log) : () => undefined;
    const signal = await untilSignal();
    log.info('door.stopping', { signal });
    closeConsole();
    await door.stop();
    removeFailSafe();
    return EXIT_OK;
  },
};
