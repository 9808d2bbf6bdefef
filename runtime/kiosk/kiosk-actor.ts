// The kiosk machine, started: the profile's rules, the services, and the input that says how the
// session times out and what diagnostics shows (version, library, drivers; secrets masked).
import { createActor } from 'xstate';
import { accountRulesFor, checkoutRulesFor, type PolicyErrorHook, createKiosk, type KioskServices, viewInspector } from '../../state-machines';
import { type Clock } from '../clock';
import { type SiteConfig } from '../config';
import { type Site } from '../setup/open-site';
import { VERSION } from '../version';

/** What diagnostics shows of the configuration: the drivers, never a password. */
function diagnosticsSummary(config: SiteConfig) {
  return {
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
  };
}

export interface KioskActorOptions {
  config: SiteConfig;
  site: Site;
  clock: Clock;
  services: KioskServices;
  onPolicyError: PolicyErrorHook;
  /** Called on every snapshot (the screen publisher throttles). */
  onSnapshot: () => void;
}

export function startKioskActor({ config, site, clock, services, onPolicyError, onSnapshot }: KioskActorOptions) {
  const online = () => site.ilsConnection.ils.link.state !== 'offline';
  const rules = {
    checkout: checkoutRulesFor(site.profile, { online, onPolicyError }),
    account: accountRulesFor(site.profile, { now: () => clock.now(), onPolicyError }),
  };
  const actor = createActor(createKiosk(rules, services), {
    input: {
      session: {
        inactivity: { warnAfterMs: config.session.warnAfterSeconds * 1000, countdownSeconds: config.session.countdownSeconds },
        goodbyeMs: config.session.goodbyeSeconds * 1000,
      },
      diagnostics: { summary: diagnosticsSummary(config) },
      online: online(),
    },
    inspect: viewInspector(onSnapshot),
  });
  actor.start();
  return actor;
}

export type KioskActor = ReturnType<typeof startKioskActor>;
