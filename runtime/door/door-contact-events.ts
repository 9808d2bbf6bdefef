// The door's reed contact, for the fleet: kiosk_door_contact_events_total{event} and a log line for
// each (forced open and held open too long are warnings).
import { type Logger } from '../log';
import { type MetricsRegistry } from '../services/metrics';
import { type DoorDevices } from '../devices/door-devices';
import { DOOR_CONTACT_EVENTS } from '../services/metrics-catalog';

export function countDoorContactEvents(devices: DoorDevices, { metrics, log, doorId }: { metrics: MetricsRegistry; log: Logger; doorId: string }): void {
  const doorEvents = metrics.counter(...DOOR_CONTACT_EVENTS);
  for (const event of ['opened', 'closed', 'forced-open', 'held-open-too-long'] as const) {
    devices.contact?.on(event, () => {
      doorEvents.inc({ event });
      const level = event === 'forced-open' || event === 'held-open-too-long' ? 'warn' : 'info';
      log[level](`door.${event}`, { door: doorId });
    });
  }
}
