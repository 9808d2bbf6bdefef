// `kiosk lock off [--config FILE]`: opens the configured lock relay, switches it off and exits,
// 0 when the switch-off was confirmed (written to the LCUS port, read back from a HID board) and 1
// when not. The door's systemd unit runs it as ExecStopPost, so a door that died any way at all
// (even SIGKILL) leaves the relay off before it is restarted.
import { parseArgs } from 'node:util';
import { DoorLock } from '../../hardware/lock/index';
import { relayFor } from '../devices/door-devices';
import { type Command, EXIT_OK, EXIT_REFUSED, UsageError } from './command';
import { configFrom } from './runtime-options';

export const lockCommand: Command = {
  name: 'lock',
  summary: 'switch the configured door lock relay off (for the service manager; exit 0 or 1)',
  usage: 'kiosk lock off [--config FILE]',
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { config: { type: 'string' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'off') throw new UsageError('the only action is `off`');
    const config = configFrom(parsed.values.config);
    const relay = relayFor(config.devices.lock);
    if (!relay) {
      io.out('kiosk lock off: the lock is simulated (it lives inside the door process): nothing to switch');
      return EXIT_OK;
    }
    const lock = new DoorLock({ relay });
    let confirmed = false;
    let reason = 'the relay is not connected';
    lock.on('locked', () => (confirmed = true));
    lock.on('fault', (error) => (reason = error.message));
    try {
      const status = await lock.open(); // open() switches the relay off before anything else
      if (status.state !== 'connected') reason = `the relay is ${status.state}${status.detail ? ` (${status.detail})` : ''}`;
    } finally {
      await relay.close().catch(() => undefined);
    }
    if (!confirmed) {
      io.err(`kiosk lock off: not switched off: ${reason}`);
      return EXIT_REFUSED;
    }
    io.out(`kiosk lock off: ${config.devices.lock.driver} switched off`);
    return EXIT_OK;
  },
};
