// The self-service kiosk's composition root: site (store, ILS, services) + devices (card reader, PIN
// pad, lock, RFID pad, printer) + the kiosk machine, behind a KioskHost that the Electron shell and
// the browser-mode bridge both use. Each step is a named function in a file named for what it sets
// up (runtime/README.md lists them in order).
import { systemClock, type Clock } from './clock';
import { loadConfig, type SiteConfig } from './config';
import { type KioskHost } from './front-end-port';
import { forwardDeviceEvents, forwardDeviceStatus, forwardIlsLink } from './kiosk/device-events';
import { startKioskActor } from './kiosk/kiosk-actor';
import { setupKioskHardware } from './kiosk/kiosk-hardware';
import { kioskScreenHost } from './kiosk/kiosk-screen-host';
import { kioskServices } from './kiosk/kiosk-services';
import { watchPrinterPaper } from './kiosk/printer-paper';
import { screenViews } from './kiosk/screen-views';
import { setupCirculation } from './kiosk/setup-circulation';
import { setupJournalRecovery } from './kiosk/setup-recovery';
import { setupSimulation } from './kiosk/setup-simulation';
import { setupTechnicianAccess } from './kiosk/setup-technician';
import { jsonLogger, type Logger } from './log';
import { patronVerifierFor } from './patrons/site-verifier';
import { recordRuleFailures } from './rule-failures';
import { type ScreenEvent, type ScreenView } from './screen-contract';
import { healthOf, setupOptionalStatusEndpoint } from './setup/status-endpoint';
import { openSite } from './setup/open-site';

export interface StartKioskOptions {
  /** The site configuration file; undefined means the embedded default. */
  configFile?: string;
  /** Or the configuration itself (tests, benchmarks). */
  config?: SiteConfig;
  /** The runtime's clock (`--clock ISO` makes one that starts at that instant). */
  clock?: Clock;
  log?: Logger;
  /** The simulated RFID reader answers at real serial speed (benchmarks). */
  realisticTiming?: boolean;
  /** Crash and signal handlers that switch the lock off before the process dies (runtime/fail-safe.ts):
   * for the kiosk's own process (`kiosk start`, Electron), not for tests that host it in theirs. */
  failSafe?: boolean;
}

export async function startKiosk(options: StartKioskOptions = {}): Promise<KioskHost<ScreenView, ScreenEvent>> {
  const config = options.config ?? loadConfig(options.configFile);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? jsonLogger({ now: () => clock.now() });
  const site = await openSite(config, { clock, log });
  const { ils } = site.ilsConnection;
  const hardware = await setupKioskHardware(config, site, { log, failSafe: options.failSafe ?? false, realisticTiming: options.realisticTiming ?? false });
  const onPolicyError = recordRuleFailures(log, 'kiosk');
  const circulation = setupCirculation(config, site, hardware.devices, { clock, log });
  const verifier = patronVerifierFor(site, { place: 'kiosk', log });
  const technician = setupTechnicianAccess(config, site, hardware, { clock, log, onPolicyError });
  const libraryName = site.ilsConnection.sim?.ils.state.libraryName ?? config.branch;
  const services = kioskServices({ site, clock, log, hardware, circulation, verifier, technician, libraryName });
  const simulation = setupSimulation(site, hardware);
  const views = screenViews(simulation);
  const actor = startKioskActor({ config, site, clock, services, onPolicyError, onSnapshot: views.publish });
  views.attach(actor);
  forwardDeviceEvents(hardware, actor, { log, publish: views.publish });
  const unsubscribeLink = forwardIlsLink(ils, actor, views.publish);
  await hardware.open();
  forwardDeviceStatus(hardware, actor);
  const stopRecovery = await setupJournalRecovery(circulation);
  watchPrinterPaper(hardware.devices.printer, site.metrics);
  const statusServer = await setupOptionalStatusEndpoint({
    metrics: site.metrics,
    port: config.httpPort,
    log,
    health: () => {
      const devices = actor.getSnapshot().context.devices;
      return healthOf(ils.link.state, { devices }, devices.every((d) => d.state === 'connected'));
    },
  });
  log.info('kiosk.ready', { library: config.library, branch: config.branch, simulation: simulation !== null });
  const stopFirst = [unsubscribeLink, stopRecovery, () => statusServer?.close()];
  return kioskScreenHost({ actor, views, simulation, hardware, log, stopFirst, closeSite: () => site.close() });
}
