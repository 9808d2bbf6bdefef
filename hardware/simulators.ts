// Every device simulator that can run by itself on a pty pair: the driver end is linked at
// a path a kiosk configuration names, the simulator speaks the device's bytes on the other.
// Used by `kiosk simulate` and by the runtime's embedded default. To add a device: one entry.
import { maskCpr } from '../policy';
import { SerialCardReaderSimulator, simCardFrom, type HealthCardFormat } from './card-reader/card-reader-sim';
import { LcusRelaySimulator } from './lock/relay-sims';
import { SerialPinPadSimulator } from './pin-pad/pin-pad-sim';
import { rfidSimulatorEntry } from './rfid/simulator/rfid-sim-entry';
import { printerSimulatorEntry } from './printer/printer-sim-entry';
import { SimulatorCommandError, type SimulatorEntry, startOnPty } from './simulator-entry';

// Re-exported so existing importers of this module keep working.
export { SimulatorCommandError, type RunningSimulator, type SimulatorEntry, type SimulatorStartOptions } from './simulator-entry';

const FORMATS: readonly HealthCardFormat[] = ['track2', 'tracks1and2', 'barcode', 'track2-bare'];

const cardReader: SimulatorEntry = {
  summary: 'serial health-card / library-card reader (line + suffix)',
  async start(linkPath, options = {}) {
    const { sim, stop } = await startOnPty(linkPath, (path) => new SerialCardReaderSimulator({ path, suffix: options.suffix ?? 'CR' }));
    return {
      name: 'card-reader',
      devicePath: linkPath,
      help: [
        'swipe <CPR|card number> [track2|tracks1and2|barcode|track2-bare]  read a card (10 digits = health card)',
        'half                                                              a half read (card pulled too fast)',
        'noise                                                             line noise',
      ],
      async command(line) {
        const [verb, value, format] = line.trim().split(/\s+/);
        if (verb === 'swipe' && value) {
          if (format !== undefined && !FORMATS.includes(format as HealthCardFormat)) throw new SimulatorCommandError(`unknown format '${format}'`);
          const card = simCardFrom(value, (format as HealthCardFormat | undefined) ?? 'track2');
          await sim.swipe(card);
          return 'cpr' in card ? `swiped health card ${maskCpr(card.cpr)}` : `swiped library card (${card.cardNumber.length} characters)`;
        }
        if (verb === 'half') return sim.sendRaw(';12081000\r').then(() => 'sent a half read');
        if (verb === 'noise') return sim.sendRaw(Buffer.from([0x00, 0xff, 0x13, 0x0d])).then(() => 'sent noise');
        throw new SimulatorCommandError(`unknown command '${line.trim()}'`);
      },
      stop,
    };
  },
};

const pinPad: SimulatorEntry = {
  summary: 'serial PIN pad (ASCII digits, # enter, * clear)',
  async start(linkPath) {
    const { sim, stop } = await startOnPty(linkPath, (path) => new SerialPinPadSimulator({ path }));
    return {
      name: 'pin-pad',
      devicePath: linkPath,
      help: ['pin <digits>     type the digits, then enter', 'press <keys>     keys as typed: digits, # enter, * clear, < backspace', 'enter | clear'],
      async command(line) {
        const [verb, value = ''] = line.trim().split(/\s+/);
        try {
          if (verb === 'pin' && /^\d+$/.test(value)) await sim.press(`${value}#`);
          else if (verb === 'press' && value) await sim.press(value);
          else if (verb === 'enter') await sim.enter();
          else if (verb === 'clear') await sim.clear();
          else throw new SimulatorCommandError(`unknown command '${line.trim()}'`);
        } catch (error) {
          if (error instanceof RangeError) throw new SimulatorCommandError(error.message);
          throw error;
        }
        return 'keys sent';
      },
      stop,
    };
  },
};

const lock: SimulatorEntry = {
  summary: 'LCUS serial relay module driving the door lock (A0 01 01 A2 on / A0 01 00 A1 off)',
  async start(linkPath, options = {}) {
    const log = options.log ?? (() => undefined);
    const { sim, stop } = await startOnPty(linkPath, (path) => {
      const relay = new LcusRelaySimulator({ path });
      relay.on('switched', (s) => log(`${s.at.toISOString()} relay ${s.relay} ${s.on ? 'ON (door released)' : 'OFF (door locked)'}`));
      relay.on('rejected', (r) => log(`${r.at.toISOString()} ignored ${r.reason}: ${r.bytes.toString('hex')}`));
      return relay;
    });
    return {
      name: 'lock',
      devicePath: linkPath,
      help: [
        'state            relay state and switch history',
        'stuck on|off     make the module ignore commands (a broken board)',
        '(a pty has no modem-status lines: the door contact cannot be simulated here; see hardware/lock/README.md)',
      ],
      async command(line) {
        const [verb, value] = line.trim().split(/\s+/);
        if (verb === 'state') return `relay 1 ${sim.isOn() ? 'ON' : 'OFF'}; ${sim.history.length} switches`;
        if (verb === 'stuck' && (value === 'on' || value === 'off')) {
          sim.ignoreCommands = value === 'on';
          return `module ${sim.ignoreCommands ? 'ignores' : 'obeys'} commands`;
        }
        throw new SimulatorCommandError(`unknown command '${line.trim()}'`);
      },
      stop,
    };
  },
};

/** Device name -> simulator. 'rfid' and 'printer' are added by their drivers' owners. */
export const simulators: Record<string, SimulatorEntry> = {
  'card-reader': cardReader,
  'pin-pad': pinPad,
  lock,
  rfid: rfidSimulatorEntry,
  printer: printerSimulatorEntry,
};
