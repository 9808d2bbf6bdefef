// Builds the door's devices from the configuration: card reader, PIN pad and lock. A simulated
// device is the real serial driver talking to the device's simulator over a socat pty pair, so
// the embedded default runs the product's normal code path.
import { HidCardReader, SerialCardReader, SerialCardReaderSimulator, type CardReader } from '../../hardware/card-reader/index';
import { HidPinPad, SerialPinPad, SerialPinPadSimulator, type PinPad } from '../../hardware/pin-pad/index';
import { DoorContact, DoorLock, HidRelay, LcusRelay, LcusRelaySimulator, ModemLineContact, ReleaseWatchdog, type Relay } from '../../hardware/lock/index';
import { type SiteConfig } from '../config';
import { SimulatedBench } from './simulated-bench';

export interface DoorSimulators {
  cardReader?: SerialCardReaderSimulator;
  pinPad?: SerialPinPadSimulator;
  lock?: LcusRelaySimulator;
}

export interface DoorDevices {
  cardReader: CardReader;
  /** null when the PIN is typed on the kiosk's screen. */
  pinPad: PinPad | null;
  lock: DoorLock;
  /** The door's reed contact, when the site wired one to the relay's serial port. */
  contact: DoorContact | null;
  releaseMs: number;
  simulators: DoorSimulators;
  /** Opens every device; the lock switches off first. */
  open(): Promise<void>;
  /** Locks the door and closes every device and simulator. */
  close(): Promise<void>;
}

export async function buildDoorDevices(config: SiteConfig): Promise<DoorDevices> {
  const bench = new SimulatedBench();
  const simulators: DoorSimulators = {};
  try {
    const cardReader = await buildCardReader(config.devices.cardReader, bench, simulators);
    const pinPad = await buildPinPad(config.devices.pinPad, bench, simulators);
    const { lock, releaseMs, contact } = await buildLock(config.devices.lock, bench, simulators);
    return {
      cardReader,
      pinPad,
      lock,
      contact,
      releaseMs,
      simulators,
      async open() {
        await lock.open();
        await contact?.open();
        await cardReader.open();
        await pinPad?.open();
      },
      async close() {
        await contact?.close().catch(() => undefined);
        await lock.close().catch(() => undefined);
        await cardReader.close().catch(() => undefined);
        await pinPad?.close().catch(() => undefined);
        await bench.close();
      },
    };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

type Devices = SiteConfig['devices'];

async function buildCardReader(c: Devices['cardReader'], bench: SimulatedBench, sims: DoorSimulators): Promise<CardReader> {
  switch (c.driver) {
    case 'serial':
      return new SerialCardReader({ path: c.path, baudRate: c.baudRate, suffix: c.suffix });
    case 'hid':
      return new HidCardReader({ selector: c.path ? { path: c.path } : { vendorId: c.vendorId, productId: c.productId } });
    case 'simulated': {
      const pair = await bench.pair('card-reader');
      const sim = new SerialCardReaderSimulator({ path: pair.simulatorPath, suffix: 'CR' });
      await sim.start();
      bench.onClose(() => sim.stop());
      sims.cardReader = sim;
      return new SerialCardReader({ path: pair.devicePath, suffix: 'CR' });
    }
  }
}

async function buildPinPad(c: Devices['pinPad'], bench: SimulatedBench, sims: DoorSimulators): Promise<PinPad | null> {
  switch (c.driver) {
    case 'screen':
      return null;
    case 'serial':
      return new SerialPinPad({ path: c.path, baudRate: c.baudRate });
    case 'hid':
      return new HidPinPad({ selector: c.path ? { path: c.path } : { vendorId: c.vendorId, productId: c.productId } });
    case 'simulated': {
      const pair = await bench.pair('pin-pad');
      const sim = new SerialPinPadSimulator({ path: pair.simulatorPath });
      await sim.start();
      bench.onClose(() => sim.stop());
      sims.pinPad = sim;
      return new SerialPinPad({ path: pair.devicePath });
    }
  }
}

type BuiltLock = { lock: DoorLock; releaseMs: number; contact: DoorContact | null };

/** The relay a real lock configuration names (null for the simulated lock), e.g. for `kiosk lock off`. */
export function relayFor(c: Devices['lock']): Relay | null {
  switch (c.driver) {
    case 'serial-relay':
      return new LcusRelay({ path: c.path, relay: c.relay });
    case 'hid-relay':
      return new HidRelay({ selector: c.path ? { path: c.path } : { vendorId: c.vendorId, productId: c.productId }, relay: c.relay });
    case 'simulated':
      return null;
  }
}

/** Every door lock has a watchdog thread: a release ends on time even if the main thread hangs. */
const guardedLock = (relay: Relay) => new DoorLock({ relay, watchdog: new ReleaseWatchdog() });

async function buildLock(c: Devices['lock'], bench: SimulatedBench, sims: DoorSimulators): Promise<BuiltLock> {
  switch (c.driver) {
    case 'serial-relay': {
      const relay = new LcusRelay({ path: c.path, relay: c.relay });
      const lock = guardedLock(relay);
      // The reed switch shares the relay's port (modem-status lines); opening within the release
      // (plus a grace for the patron to push the door) is authorised, otherwise forced.
      const contact = c.doorContact
        ? new DoorContact({
            source: new ModemLineContact({ link: relay.link, line: c.doorContact.line }),
            isAuthorized: () => lock.wasReleasedWithin(3000),
            heldOpenMs: c.doorContact.heldOpenSeconds * 1000,
          })
        : null;
      return { lock, releaseMs: c.releaseMs, contact };
    }
    case 'hid-relay':
      return { lock: guardedLock(relayFor(c)!), releaseMs: c.releaseMs, contact: null };
    case 'simulated': {
      const pair = await bench.pair('lock');
      const sim = new LcusRelaySimulator({ path: pair.simulatorPath });
      await sim.start();
      bench.onClose(() => sim.stop());
      sims.lock = sim;
      return { lock: guardedLock(new LcusRelay({ path: pair.devicePath })), releaseMs: c.releaseMs, contact: null };
    }
  }
}
