// The kiosk's devices: the door's (card reader, PIN pad, lock) and its own (RFID pad, printer), with
// the crash handlers that switch the lock off when the kiosk hosts it. What was opened is closed
// again when a later one fails.
import { buildDoorDevices, type DoorDevices } from '../devices/door-devices';
import { buildKioskDevices, type KioskDevices } from '../devices/kiosk-devices';
import { installFailSafe } from '../fail-safe';
import { type Logger } from '../log';
import { type SiteConfig } from '../config';
import { type Site } from '../setup/open-site';

export interface KioskHardware {
  door: DoorDevices;
  devices: KioskDevices;
  /** Opens the door's devices (lock off first), then the pad and the printer. */
  open(): Promise<void>;
  close(): Promise<void>;
}

export async function setupKioskHardware(config: SiteConfig, site: Site, options: { log: Logger; failSafe: boolean; realisticTiming: boolean }): Promise<KioskHardware> {
  const door = await buildDoorDevices(config).catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  const removeFailSafe = options.failSafe ? installFailSafe({ locks: () => [door.lock], log: options.log }) : () => undefined;
  const devices = await buildKioskDevices(config, { realisticTiming: options.realisticTiming }).catch(async (error: unknown) => {
    removeFailSafe();
    await door.close();
    await site.close();
    throw error;
  });
  return {
    door,
    devices,
    async open() {
      await door.open();
      await devices.open();
    },
    async close() {
      await devices.close();
      await door.close();
      removeFailSafe();
    },
  };
}
