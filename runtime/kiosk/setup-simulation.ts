// The tester's panel in simulation mode (simulated ILS and RFID reader): place items, swipe cards,
// take the ILS offline. null for a real site.
import { type Site } from '../setup/open-site';
import { type KioskHardware } from './kiosk-hardware';
import { KioskSimulation } from './simulation';

export function setupSimulation(site: Site, { door, devices }: KioskHardware): KioskSimulation | null {
  const sim = site.ilsConnection.sim;
  const rfid = devices.simulators.rfid;
  if (!sim || !rfid) return null;
  return new KioskSimulation({
    ils: sim.ils,
    rfid,
    ...(devices.simulators.printer ? { printer: devices.simulators.printer } : {}),
    ...(door.simulators.cardReader ? { cardReader: door.simulators.cardReader } : {}),
    ...(door.simulators.pinPad ? { pinPad: door.simulators.pinPad } : {}),
    setIlsOnline: (wanted) => sim.setOnline(wanted),
  });
}
