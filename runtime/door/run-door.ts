// `kiosk door`: the headless door controller's composition root. Opens the site (store, ILS,
// services), the door's devices, the door machine, the status endpoint and the closing
// announcements; stops cleanly with the lock off. Steps in order: runtime/README.md.
import { kioskSettings } from '../../policy';
import { configWarnings, type SiteConfig } from '../config';
import { type Clock } from '../clock';
import { buildDoorDevices, type DoorDevices } from '../devices/door-devices';
import { type IlsTimings } from '../ils-connection';
import { type Logger } from '../log';
import { patronVerifierFor } from '../patrons/site-verifier';
import { type StatusServer } from '../services/status-server';
import { deviceStatusReporter, watchDevices } from '../setup/device-watch';
import { setupStatusEndpoint } from '../setup/status-endpoint';
import { openSite, type Site } from '../setup/open-site';
import { setupClosingAnnouncements } from './door-announcements';
import { countDoorContactEvents } from './door-contact-events';
import { startDoorController, type DoorController } from './door-controller';
import { doorHealth } from './door-health';

export interface RunningDoor {
  site: Site;
  devices: DoorDevices;
  controller: DoorController;
  statusServer: StatusServer;
  stop(): Promise<void>;
}

export interface RunDoorOptions {
  clock: Clock;
  log: Logger;
  ilsTimings?: IlsTimings;
}

function hoursOf(site: Site): Record<string, unknown> {
  const hours = site.profile.door.hours;
  return 'value' in hours ? hours.value : {};
}

function startController(config: SiteConfig, site: Site, devices: DoorDevices, log: Logger): DoorController {
  const settings = kioskSettings(site.profile);
  return startDoorController({
    profile: site.profile,
    branch: config.branch in hoursOf(site) ? config.branch : undefined,
    doorId: config.doorId,
    devices,
    verifier: patronVerifierFor(site, { place: config.doorId, log }),
    store: site.store,
    clock: site.clock,
    log,
    metrics: site.metrics,
    door: {
      ilsTimeoutMs: config.ilsTimeoutMs,
      maxRefusalDelayMs: site.store.pinAttempts.maxDelayMs,
      accompanyWindowMs: settings.accompaniedEntryWindowSeconds * 1000,
    },
  });
}

async function startDoor(config: SiteConfig, site: Site, devices: DoorDevices, log: Logger): Promise<RunningDoor> {
  const controller = startController(config, site, devices, log);
  watchDevices({ cardReader: devices.cardReader, pinPad: devices.pinPad, lock: devices.lock, doorContact: devices.contact }, deviceStatusReporter(site.metrics, log));
  countDoorContactEvents(devices, { metrics: site.metrics, log, doorId: config.doorId });
  const statusServer = await setupStatusEndpoint({ metrics: site.metrics, port: config.httpPort, health: doorHealth(devices, site, controller) });
  const stopAnnouncements = setupClosingAnnouncements(config, site, config.branch in hoursOf(site) ? config.branch : undefined, log);
  log.info('door.ready', { door: config.doorId, library: config.library, branch: config.branch, httpPort: statusServer.port, ils: site.ilsConnection.ils.link.state });
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      stopAnnouncements();
      controller.stop();
      await devices.close();
      await statusServer.close();
      await site.close();
      log.info('door.stopped', { door: config.doorId });
    })();
    return stopped;
  };
  return { site, devices, controller, statusServer, stop };
}

export async function runDoor(config: SiteConfig, options: RunDoorOptions): Promise<RunningDoor> {
  const { log } = options;
  for (const warning of configWarnings(config)) log.warn('config.warning', { warning });
  // The door waits for the ILS's answer up to this timeout; only without one does the cache decide.
  const site = await openSite(config, { ...options, ilsTimings: { requestTimeoutMs: config.ilsTimeoutMs, ...options.ilsTimings } });
  let devices: DoorDevices | undefined;
  try {
    devices = await buildDoorDevices(config);
    await devices.open();
    return await startDoor(config, site, devices, log);
  } catch (error) {
    await devices?.close();
    await site.close();
    throw error;
  }
}
