// The self-service kiosk: site (store, ILS, services) + devices (card reader, PIN pad, lock,
// RFID pad, printer) + the kiosk machine, behind a KioskHost that the Electron shell and the
// browser-mode bridge both use. Views are plain JSON (the machine's view model); in simulation
// mode they carry the tester panel too.
import { createActor } from 'xstate';
import { type DeviceStatus } from '../hardware/device-status';
import { type PrinterStatus } from '../hardware/printer/index';
import { type PlacedItem } from '../hardware/rfid/index';
import { kioskSettings } from '../policy/settings';
import { type ScreenEvent, type ScreenView } from './screen-contract';
import { accountRulesFor, checkoutRulesFor, doorRulesFor } from '../state-machines/profile-rules';
import { isKioskUiEvent, toView, viewInspector } from '../state-machines/index';
import { type DeviceName, type PlacedTag } from '../state-machines/ports';
import { createKiosk } from '../state-machines/wiring';
import { systemClock, type Clock } from './clock';
import { loadConfig, type SiteConfig } from './config';
import { buildDoorDevices } from './devices/door-devices';
import { installFailSafe } from './fail-safe';
import { buildKioskDevices } from './devices/kiosk-devices';
import { cardReadFrom, pinEventFrom } from './door/door-controller';
import { PatronVerifier } from './door/patron-verifier';
import { recordRuleFailures } from './rule-failures';
import { type KioskHost } from './kiosk-host';
import { loadAccount, renewAll, renewItem } from './kiosk/account';
import { verifyCachedForBorrowing } from './kiosk/offline-identification';
import { checkinItem, checkoutItem, type CirculationDeps } from './kiosk/circulation';
import { receiptFor, testReceipt } from './kiosk/receipts';
import { recoveryPorts } from './kiosk/recovery-ports';
import { type RecoveryReport } from '../store/index';
import { KioskSimulation } from './kiosk/simulation';
import { TechnicianAccess } from './kiosk/technician-access';
import { jsonLogger, type Logger } from './log';
import { startStatusServer } from './services/status-server';
import { isSimulationEvent } from './simulation-panel';
import { openSite } from './site';
import { VERSION } from './version';

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

/** The printer as the screen should see it: out of paper or offline is an error, not "connected". */
export function printerState(status: PrinterStatus): DeviceStatus {
  if (status.device.state !== 'connected') return status.device;
  if (status.paper === 'out') return { ...status.device, state: 'error', detail: 'paper out' };
  if (status.online === false) return { ...status.device, state: 'error', detail: 'offline' };
  return status.paper === 'near-end' ? { ...status.device, detail: 'paper near end' } : status.device;
}

/** The library's ISIL ('DK-775100') when the ILS set-up names one; offline, other libraries' tags are not lent. */
export function ownIsil(config: SiteConfig, simulatedInstitution?: string): string | undefined {
  const institution = config.ils.transport === 'simulated' ? simulatedInstitution : config.ils.institution;
  return institution !== undefined && /^[A-Z]{2}-[A-Za-z0-9:/-]{1,11}$/.test(institution) ? institution : undefined;
}

export function placedTag(item: PlacedItem): PlacedTag {
  return item.ok
    ? { uid: item.uid, itemId: item.tag.itemId, partsInSet: item.tag.partsInSet, partNumber: item.tag.partNumber }
    : { uid: item.uid, itemId: null, partsInSet: 1, partNumber: 1, error: item.error.message };
}

export async function startKiosk(options: StartKioskOptions = {}): Promise<KioskHost<ScreenView, ScreenEvent>> {
  const config = options.config ?? loadConfig(options.configFile);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? jsonLogger({ now: () => clock.now() });
  const site = await openSite(config, { clock, log });
  const { ils } = site.ilsConnection;
  const door = await buildDoorDevices(config).catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  const removeFailSafe = options.failSafe ? installFailSafe({ locks: () => [door.lock], log }) : () => undefined;
  const devices = await buildKioskDevices(config, { realisticTiming: options.realisticTiming ?? false }).catch(async (error: unknown) => {
    removeFailSafe();
    await door.close();
    await site.close();
    throw error;
  });
  const settings = kioskSettings(site.profile);
  const circulationProblems = site.metrics.counter('kiosk_circulation_problems_total', 'Checkouts and returns that failed at the kiosk, by what happened');
  const verifier = new PatronVerifier({ ils, store: site.store, clock, log, place: 'kiosk', maxFailedPins: settings.bruteForce.maxFailedPinsPerCard });
  const circulation: CirculationDeps = {
    ils,
    store: site.store,
    clock,
    log,
    branch: config.branch,
    maxItemsOffline: settings.offline.maxItemsOffline,
    writeAfi: (uid, afi) => devices.pad.writeAfi(uid, afi),
    ownIsil: ownIsil(config, site.ilsConnection.sim?.ils.state.institution),
    tagOnPad: (uid) => {
      const placed = devices.pad.items().find((item) => item.uid === uid);
      if (!placed) return null;
      return placed.ok ? { usage: placed.tag.usage, owner: placed.tag.country && placed.tag.isil ? `${placed.tag.country}-${placed.tag.isil}` : '' } : { usage: 'unknown', owner: '' };
    },
    recovery: recoveryPorts(ils, devices.pad),
    problem: (kind, what) => circulationProblems.inc({ kind, what }),
  };
  const libraryName = site.ilsConnection.sim?.ils.state.libraryName ?? config.branch;
  const hours = site.profile.door.hours;
  const branch = 'value' in hours && config.branch in hours.value ? config.branch : undefined;
  const onPolicyError = recordRuleFailures(log, 'kiosk');
  const doorHours = doorRulesFor(site.profile, { now: () => clock.now(), branch, onPolicyError }).hours;
  const technician = new TechnicianAccess({
    store: site.store,
    clock,
    log,
    door: config.doorId,
    codeHash: config.technicianCodeHash,
    unstaffed: (at) => doorHours(at).open,
    release: (ms) => door.lock.release(ms),
  });
  const online = () => ils.link.state !== 'offline';

  const machine = createKiosk(
    { checkout: checkoutRulesFor(site.profile, { online, onPolicyError }), account: accountRulesFor(site.profile, { now: () => clock.now(), onPolicyError }) },
    {
      verifyPin: (input) => verifier.verifyPin(input),
      // Offline the kiosk asks the cache whether the patron may borrow (the door asks about entry).
      verifyCached: (input) => verifyCachedForBorrowing({ store: site.store, clock, place: 'kiosk', profile: site.profile }, input),
      checkoutItem: (input) => checkoutItem(circulation, input),
      checkinItem: (input) => checkinItem(circulation, input),
      printReceipt: (request) => devices.printer.print(receiptFor(request, { libraryName, printedAt: clock.now() })),
      endSession: async ({ card }) => {
        await ils.endSession(card.patronId).catch((error: unknown) => log.warn('ils.end-session-failed', { error }));
      },
      loadAccount: (input) => loadAccount({ ils, log }, input),
      renewItem: (input) => renewItem({ ils, log }, input),
      renewAll: (input) => renewAll({ ils, log }, input),
      // A patron's card on the start screen is not a technician attempt: it starts borrowing.
      checkTechnician: async (credential) => ('code' in credential ? technician.checkCode(credential.code) : false),
      testPrint: () => devices.printer.print(testReceipt(libraryName, clock.now())),
      pulseLock: ({ ms }) => technician.pulseLock(ms),
      ilsRoundTrip: async () => {
        const start = performance.now();
        try {
          const status = await ils.status();
          return { ok: status.online, ms: Math.round(performance.now() - start) };
        } catch (error) {
          return { ok: false, ms: Math.round(performance.now() - start), detail: (error as Error).message };
        }
      },
      loadOfflineQueue: async () =>
        site.store.offlineQueue.list({ limit: 50 }).map((tx) => ({
          id: tx.id,
          kind: tx.kind === 'renewal' ? 'renew' : tx.kind,
          itemId: tx.itemId,
          at: tx.occurredAt.toISOString(),
          state: tx.status === 'done' ? 'replayed' : tx.status === 'refused' ? 'refused' : 'pending',
          ...(tx.ilsMessage ? { detail: tx.ilsMessage } : {}),
        })),
    },
  );

  const simulated = site.ilsConnection.sim && devices.simulators.rfid;
  const simulation = simulated
    ? new KioskSimulation({
        ils: site.ilsConnection.sim!.ils,
        rfid: devices.simulators.rfid!,
        ...(devices.simulators.printer ? { printer: devices.simulators.printer } : {}),
        ...(door.simulators.cardReader ? { cardReader: door.simulators.cardReader } : {}),
        ...(door.simulators.pinPad ? { pinPad: door.simulators.pinPad } : {}),
        setIlsOnline: (wanted) => site.ilsConnection.sim!.setOnline(wanted),
      })
    : null;

  const listeners = new Set<(view: ScreenView) => void>();
  let current: ScreenView | null = null;
  let pending = false;
  const publish = () => {
    // Many snapshots arrive per event: send one view per tick.
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      const view: ScreenView = { ...toView(actor.getSnapshot()), ...(simulation ? { simulation: simulation.panel() } : {}) };
      current = view;
      for (const listener of listeners) listener(view);
    });
  };
  const actor = createActor(machine, {
    input: {
      session: {
        inactivity: { warnAfterMs: config.session.warnAfterSeconds * 1000, countdownSeconds: config.session.countdownSeconds },
        goodbyeMs: config.session.goodbyeSeconds * 1000,
      },
      diagnostics: {
        summary: {
          version: VERSION,
          library: config.library,
          branch: config.branch,
          settings: {
            ils: config.ils.transport,
            cardReader: config.devices.cardReader.driver,
            pinPad: config.devices.pinPad.driver,
            lock: config.devices.lock.driver,
            rfid: config.devices.rfid.driver,
            printer: config.devices.printer.driver,
            accessLogRetentionDays: config.accessLog.retentionDays,
            officerKey: config.accessLog.officerPublicKey ? 'configured' : 'missing',
            ilsPassword: 'ils' in config && 'password' in config.ils ? '********' : null,
          },
        },
      },
      online: online(),
    },
    inspect: viewInspector(publish),
  });
  actor.start();

  const deviceStatus = (device: DeviceName) => (status: DeviceStatus) =>
    actor.send({ type: 'DEVICE_STATUS', status: { device, state: status.state, ...(status.detail ? { detail: status.detail } : {}) } });
  door.cardReader.on('card', (card) => actor.send({ type: 'CARD_READ', card: cardReadFrom(card) }));
  door.cardReader.on('status', deviceStatus('cardReader'));
  door.pinPad?.on('key', (key) => actor.send(pinEventFrom(key)));
  door.pinPad?.on('status', deviceStatus('pinPad'));
  door.lock.on('status', deviceStatus('lock'));
  devices.pad.on('item-placed', (item) => {
    actor.send({ type: 'ITEM_PLACED', tag: placedTag(item) });
    publish();
  });
  devices.pad.on('item-removed', ({ uid }) => {
    actor.send({ type: 'ITEM_REMOVED', uid });
    publish();
  });
  devices.pad.on('status', deviceStatus('rfid'));
  devices.printer.on('status', (s) => deviceStatus('printer')(printerState(s)));
  const ilsDevice = (state: string) =>
    actor.send({ type: 'DEVICE_STATUS', status: { device: 'ils', state: state === 'online' ? 'connected' : 'disconnected', detail: state } });
  const unsubscribeLink = ils.link.subscribe((state) => {
    actor.send({ type: state === 'offline' ? 'ILS_OFFLINE' : 'ILS_ONLINE' });
    ilsDevice(state);
    publish();
  });
  ilsDevice(ils.link.state);
  door.cardReader.on('rejected', (r) => log.info('card-reader.rejected', { reason: r.reason }));

  await door.open();
  await devices.open();
  for (const [device, status] of [
    ['printer', printerState(devices.printer.status())],
    ['cardReader', door.cardReader.status()],
    ['lock', door.lock.status()],
    ['rfid', devices.pad.status()],
    ...(door.pinPad ? [['pinPad', door.pinPad.status()] as const] : []),
  ] as const) {
    deviceStatus(device)(status);
  }
  const recovery = await site.store.recoverJournal(circulation.recovery);
  const reportRecovery = (report: RecoveryReport) => {
    if (report.resolved.length || report.unresolved.length) log.info('journal.recovered', { resolved: report.resolved.length, unresolved: report.unresolved.length });
    for (const entry of report.unresolved) log.warn('journal.unresolved', entry);
    for (const entry of report.resolved) if (entry.actions.includes('needs-staff')) log.error('journal.needs-staff', entry);
  };
  reportRecovery(recovery);
  // When the ILS is back, what it could not settle before (an undo, a lost reply) is settled now.
  const unsubscribeRecovery = ils.link.subscribe((state) => {
    if (state !== 'online') return;
    site.store.recoverJournal(circulation.recovery).then(reportRecovery, (error: unknown) => log.error('journal.recovery-failed', { error }));
  });
  const paper = site.metrics.gauge('kiosk_printer_paper', 'Receipt printer paper state (1 for the current state)');
  const showPaper = () => {
    const state = devices.printer.status().paper;
    for (const p of ['ok', 'near-end', 'out', 'unknown']) paper.set(p === state ? 1 : 0, { state: p });
  };
  showPaper();
  devices.printer.on('status', showPaper);
  // Another process on this box (the door) may already serve the port: monitoring is then theirs.
  const statusServer = await startStatusServer({
    metrics: site.metrics,
    port: config.httpPort,
    health: () => {
      const states = actor.getSnapshot().context.devices;
      const ok = ils.link.state === 'online' && states.every((d) => d.state === 'connected');
      return { status: ok ? 'ok' : 'degraded', ils: ils.link.state, devices: states };
    },
  }).catch((error: unknown) => {
    log.warn('status-server.unavailable', { port: config.httpPort, error });
    return null;
  });
  log.info('kiosk.ready', { library: config.library, branch: config.branch, simulation: simulation !== null });

  let stopped: Promise<void> | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (current) listener(current);
      else publish();
      return () => listeners.delete(listener);
    },
    send(event) {
      if (isKioskUiEvent(event)) {
        actor.send(event);
        return;
      }
      if (simulation && isSimulationEvent(event)) {
        simulation.handle(event).then(
          async (note) => {
            log.info('simulation', { note });
            // The printer is polled every few seconds; a tester wants to see the change at once.
            if (event.type === 'SIM_PAPER') await devices.printer.checkStatus().catch(() => undefined);
            publish();
          },
          (error: unknown) => log.warn('simulation.failed', { error }),
        );
        return;
      }
      log.warn('screen.event-dropped', { type: typeof event.type === 'string' ? event.type.slice(0, 40) : 'unknown' });
    },
    shutdown() {
      stopped ??= (async () => {
        unsubscribeLink();
        unsubscribeRecovery();
        await statusServer?.close();
        actor.stop();
        await devices.close();
        await door.close();
        removeFailSafe();
        await site.close();
        log.info('kiosk.stopped', {});
      })();
      return stopped;
    },
  };
}
