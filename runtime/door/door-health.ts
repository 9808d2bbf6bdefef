// /health at the door: ok only with the ILS online, the access log writable and every device connected
// (a PIN typed on the screen counts as present).
import { type Health } from '../services/status-server';
import { healthOf } from '../setup/status-endpoint';
import { type DoorDevices } from '../devices/door-devices';
import { type Site } from '../setup/open-site';
import { type DoorController } from './door-controller';

export function doorHealth(devices: DoorDevices, site: Site, controller: DoorController): () => Health {
  return () => {
    const states = { cardReader: devices.cardReader.status().state, pinPad: devices.pinPad?.status().state ?? 'screen', lock: devices.lock.status().state };
    const accessLog = controller.accessLogWritable() ? 'ok' : 'failing';
    const ok = accessLog === 'ok' && Object.values(states).every((s) => s === 'connected' || s === 'screen');
    return healthOf(site.ilsConnection.ils.link.state, { accessLog, devices: states }, ok);
  };
}
