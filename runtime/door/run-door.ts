// `kiosk door`: the headless door controller. Opens the site (store, ILS, services), the door's
// devices, the status server, and the door machine; stops cleanly with the lock off.
import { type DeviceStatus } from '../../hardware/device-status';
import { kioskSettings } from '../../policy/settings';
import { configWarnings, type SiteConfig } from '../config';
import { type Clock } from '../clock';
import { buildDoorDevices, type DoorDevices } from '../devices/door-devices';
import { type IlsTimings } from '../ils-connection';
import { type Logger } from '../log';
import { audioPlayer, ClosingAnnouncements } from '../services/closing-announcements';
import { startStatusServer, type StatusServer } from '../services/status-server';
import { openSite, type Site } from '../site';
import { startDoorController, type DoorController } from './door-controller';
import { PatronVerifier } from './patron-verifier';

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

export async function runDoor(config: SiteConfig, options: RunDoorOptions): Promise<RunningDoor> {
  const { log } = options;
  for (const warning of configWarnings(config)) log.warn('config.warning', { warning });
  // The door waits for the ILS's answer up to this timeout; only without one does the cache decide.
  const site = await openSite(config, { ...options, ilsTimings: { requestTimeoutMs: config.ilsTimeoutMs, ...options.ilsTimings } });
  let devices: DoorDevices | undefined;
  try {
    devices = await buildDoorDevices(config);
    await devices.open();
    const settings = kioskSettings(site.profile);
    const controllerBranch = config.branch in hoursOf(site) ? config.branch : undefined;
    const verifier = new PatronVerifier({
      ils: site.ilsConnection.ils,
      store: site.store,
      clock: site.clock,
      log,
      place: config.doorId,
      maxFailedPins: settings.bruteForce.maxFailedPinsPerCard,
    });
    const controller = startDoorController({
      profile: site.profile,
      branch: controllerBranch,
      doorId: config.doorId,
      devices,
      verifier,
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
    const deviceState = site.metrics.gauge('kiosk_device_connected', 'Device connected (1) or not (0)');
    const watch = (name: string, device: { status(): DeviceStatus; on(e: 'status', l: (s: DeviceStatus) => void): unknown }) => {
      const report = (s: DeviceStatus) => {
        deviceState.set(s.state === 'connected' ? 1 : 0, { device: name });
        log.info('device.status', { device: name, state: s.state, ...(s.detail ? { detail: s.detail } : {}) });
      };
      report(device.status());
      device.on('status', report);
    };
    watch('cardReader', devices.cardReader);
    if (devices.pinPad) watch('pinPad', devices.pinPad);
    watch('lock', devices.lock);
    if (devices.contact) watch('doorContact', devices.contact);
    const doorEvents = site.metrics.counter('kiosk_door_contact_events_total', 'Door contact events (opened, forced open, held open too long)');
    for (const event of ['opened', 'closed', 'forced-open', 'held-open-too-long'] as const) {
      devices.contact?.on(event, () => {
        doorEvents.inc({ event });
        const level = event === 'forced-open' || event === 'held-open-too-long' ? 'warn' : 'info';
        log[level](`door.${event}`, { door: config.doorId });
      });
    }
    const d = devices;
    const statusServer = await startStatusServer({
      metrics: site.metrics,
      port: config.httpPort,
      health: () => {
        const states = { cardReader: d.cardReader.status().state, pinPad: d.pinPad?.status().state ?? 'screen', lock: d.lock.status().state };
        const ils = site.ilsConnection.ils.link.state;
        const accessLog = controller.accessLogWritable() ? 'ok' : 'failing';
        const ok = ils === 'online' && accessLog === 'ok' && Object.values(states).every((s) => s === 'connected' || s === 'screen');
        return { status: ok ? 'ok' : 'degraded', ils, accessLog, devices: states };
      },
    });
    const stopAnnouncements = new ClosingAnnouncements({
      profile: site.profile,
      branch: controllerBranch,
      clock: site.clock,
      log,
      minutesBefore: settings.closingAnnouncementMinutes,
      play: audioPlayer(config.announcements.player, config.announcements.audioFile, log),
    }).start();
    log.info('door.ready', { door: config.doorId, library: config.library, branch: config.branch, httpPort: statusServer.port, ils: site.ilsConnection.ils.link.state });
    let stopped: Promise<void> | null = null;
    return {
      site,
      devices,
      controller,
      statusServer,
      stop() {
        stopped ??= (async () => {
          stopAnnouncements();
          controller.stop();
          await d.close();
          await statusServer.close();
          await site.close();
          log.info('door.stopped', { door: config.doorId });
        })();
        return stopped;
      },
    };
  } catch (error) {
    await devices?.close();
    await site.close();
    throw error;
  }
}

function hoursOf(site: Site): Record<string, unknown> {
  const hours = site.profile.door.hours;
  return 'value' in hours ? hours.value : {};
}
