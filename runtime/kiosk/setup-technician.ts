// Technician access at this kiosk: the configured code, the lock it may pulse, and the door's hours
// (no pulse while the library is unstaffed).
import { doorRulesFor, type PolicyErrorHook } from '../../state-machines';
import { type Clock } from '../clock';
import { type SiteConfig } from '../config';
import { type Logger } from '../log';
import { type Site } from '../setup/open-site';
import { type KioskHardware } from './kiosk-hardware';
import { TechnicianAccess } from './technician-access';

/** The profile's hours for this branch, or its default hours when it lists none for it. */
export function hoursBranch(config: SiteConfig, site: Site): string | undefined {
  const hours = site.profile.door.hours;
  return 'value' in hours && config.branch in hours.value ? config.branch : undefined;
}

export function setupTechnicianAccess(
  config: SiteConfig,
  site: Site,
  hardware: KioskHardware,
  { clock, log, onPolicyError }: { clock: Clock; log: Logger; onPolicyError: PolicyErrorHook },
): TechnicianAccess {
  const doorHours = doorRulesFor(site.profile, { now: () => clock.now(), branch: hoursBranch(config, site), onPolicyError }).hours;
  return new TechnicianAccess({
    store: site.store,
    clock,
    log,
    door: config.doorId,
    codeHash: config.technicianCodeHash,
    unstaffed: (at) => doorHours(at).open,
    release: (ms) => hardware.door.lock.release(ms),
  });
}
