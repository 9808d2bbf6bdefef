// The parts every front end of a site shares: the effective library profile, the store, the ILS
// link, metrics, logging and the background services. The door controller and the kiosk build
// their devices and machines on top of this.
import { applySiteOverrides, getProfile, type LibraryProfile, kioskSettings, retention } from '../../policy';
import { openStore, type Store } from '../../store/index';
import { type SiteConfig } from '../config';
import { type Clock } from '../clock';
import { connectIls, type IlsConnection, type IlsTimings } from '../ils-connection';
import { type Logger } from '../log';
import { measuredIls } from '../services/ils-metrics';
import { MetricsRegistry } from '../services/metrics';
import { startSiteServices, type SiteServices } from '../services/site-services';

export interface Site {
  config: SiteConfig;
  profile: LibraryProfile;
  clock: Clock;
  log: Logger;
  store: Store;
  ilsConnection: IlsConnection;
  metrics: MetricsRegistry;
  services: SiteServices;
  close(): Promise<void>;
}

export interface SiteOptions {
  clock: Clock;
  log: Logger;
  ilsTimings?: IlsTimings;
  /** Milliseconds between retention purges (at least hourly; the default). */
  purgeEveryMs?: number;
}

export function effectiveProfile(config: SiteConfig): LibraryProfile {
  const profile = getProfile(config.library);
  return config.site ? applySiteOverrides(profile, config.site) : profile;
}

export async function openSite(config: SiteConfig, options: SiteOptions): Promise<Site> {
  const { clock, log } = options;
  const profile = effectiveProfile(config);
  const settings = kioskSettings(profile);
  const kept = retention(profile);
  const store = openStore({
    dataDir: config.dataDir,
    ...(config.secretFile === undefined ? {} : { secretFile: config.secretFile }),
    clock,
    offline: settings.offline,
    pinAttempts: {
      cardMaxFailures: settings.bruteForce.maxFailedPinsPerCard,
      cardWindowMinutes: settings.bruteForce.windowMinutes,
      cardLockMinutes: settings.bruteForce.lockMinutes,
    },
    accessLog: {
      retentionDays: Math.min(config.accessLog.retentionDays, kept.accessLogDays),
      officerPublicKey: config.accessLog.officerPublicKey ?? null,
    },
    loanRecords: { keepAfterReturnDays: kept.loanHistoryDays ?? 30 },
    onWarning: (warning) => log.warn('store.warning', { warning }),
    onBackgroundError: (error) => log.error('store.background-error', { error }),
    onFilesDeleted: (files) => log.info('retention.files-deleted', { files }),
  });
  let ilsConnection: IlsConnection;
  try {
    ilsConnection = await connectIls(config, clock, options.ilsTimings, log);
  } catch (error) {
    store.close();
    throw error;
  }
  const metrics = new MetricsRegistry();
  ilsConnection = { ...ilsConnection, ils: measuredIls(ilsConnection.ils, metrics) };
  const services = startSiteServices({ store, ils: ilsConnection.ils, clock, log, metrics, purgeEveryMs: options.purgeEveryMs ?? 3_600_000 });
  // Log in and start the heartbeat, which brings the link back online after an outage. Not
  // awaited: an unreachable ILS must not hold up the door, which decides from its cache meanwhile.
  void ilsConnection.ils.login().catch((error: unknown) => log.warn('ils.login-failed', { error }));
  return {
    config,
    profile,
    clock,
    log,
    store,
    ilsConnection,
    metrics,
    services,
    async close() {
      services.stop();
      await ilsConnection.close().catch((error: unknown) => log.warn('ils.close-failed', { error }));
      store.close();
    },
  };
}
