// What checkout and return need at this kiosk: the ILS, the store, the pad (writes, and what lies on
// it), the library's ISIL, journal recovery's ports and the problems metric.
import { type PlacedItem } from '../../hardware/rfid/index';
import { kioskSettings } from '../../policy';
import { type Clock } from '../clock';
import { type SiteConfig } from '../config';
import { type KioskDevices } from '../devices/kiosk-devices';
import { type Logger } from '../log';
import { type Site } from '../setup/open-site';
import { type CirculationDeps, type TagOnPad } from './circulation';
import { circulationLock } from './circulation-deps';
import { recoveryPorts } from './recovery-ports';
import { CIRCULATION_PROBLEMS } from '../services/metrics-catalog';

/** The library's ISIL ('DK-775100') when the ILS set-up names one; offline, other libraries' tags are not lent. */
export function ownIsil(config: SiteConfig, simulatedInstitution?: string): string | undefined {
  const institution = config.ils.transport === 'simulated' ? simulatedInstitution : config.ils.institution;
  return institution !== undefined && /^[A-Z]{2}-[A-Za-z0-9:/-]{1,11}$/.test(institution) ? institution : undefined;
}

/** A tag as circulation sees it on the pad: what it is used for and whose it is. */
export function tagOnPad(placed: PlacedItem | undefined): TagOnPad | null {
  if (!placed) return null;
  if (!placed.ok) return { usage: 'unknown', owner: '' };
  return { usage: placed.tag.usage, owner: placed.tag.country && placed.tag.isil ? `${placed.tag.country}-${placed.tag.isil}` : '' };
}

export function setupCirculation(config: SiteConfig, site: Site, devices: KioskDevices, { clock, log }: { clock: Clock; log: Logger }): CirculationDeps {
  const { ils } = site.ilsConnection;
  const problems = site.metrics.counter(...CIRCULATION_PROBLEMS);
  return {
    ils,
    store: site.store,
    clock,
    log,
    branch: config.branch,
    maxItemsOffline: kioskSettings(site.profile).offline.maxItemsOffline,
    writeAfi: (uid, afi) => devices.pad.writeAfi(uid, afi),
    ownIsil: ownIsil(config, site.ilsConnection.sim?.ils.state.institution),
    tagOnPad: (uid) => tagOnPad(devices.pad.items().find((item) => item.uid === uid)),
    recovery: recoveryPorts(ils, devices.pad),
    problem: (kind, what) => problems.inc({ kind, what }),
    lock: circulationLock(),
  };
}
