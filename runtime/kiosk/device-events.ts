// The kiosk's devices as machine events: cards, PIN keys, tags placed and lifted, every device's
// status (the printer's paper and the ILS link included).
import { type DeviceStatus } from '../../hardware/device-status';
import { type PrinterStatus } from '../../hardware/printer/index';
import { type PlacedItem } from '../../hardware/rfid/index';
import type { Ils } from '../../ils';
import type { DeviceName, PlacedTag } from '../../state-machines';
import { cardReadFrom, pinEventFrom } from '../patrons/card-and-pin';
import { type Logger } from '../log';
import { watchDevices } from '../setup/device-watch';
import { type KioskActor } from './kiosk-actor';
import { type KioskHardware } from './kiosk-hardware';

/** The printer as the screen should see it: out of paper or offline is an error, not "connected". */
export function printerState(status: PrinterStatus): DeviceStatus {
  if (status.device.state !== 'connected') return status.device;
  if (status.paper === 'out') return { ...status.device, state: 'error', detail: 'paper out' };
  if (status.online === false) return { ...status.device, state: 'error', detail: 'offline' };
  return status.paper === 'near-end' ? { ...status.device, detail: 'paper near end' } : status.device;
}

export function placedTag(item: PlacedItem): PlacedTag {
  return item.ok
    ? { uid: item.uid, itemId: item.tag.itemId, partsInSet: item.tag.partsInSet, partNumber: item.tag.partNumber }
    : { uid: item.uid, itemId: null, partsInSet: 1, partNumber: 1, error: item.error.message };
}

function deviceStatusEvent(actor: KioskActor, device: DeviceName, status: Pick<DeviceStatus, 'state' | 'detail'>): void {
  actor.send({ type: 'DEVICE_STATUS', status: { device, state: status.state, ...(status.detail ? { detail: status.detail } : {}) } });
}

/** Cards, keys and tags to the machine; `publish` after pad events (they change the view at once). */
export function forwardDeviceEvents({ door, devices }: KioskHardware, actor: KioskActor, { log, publish }: { log: Logger; publish: () => void }): void {
  door.cardReader.on('card', (card) => actor.send({ type: 'CARD_READ', card: cardReadFrom(card) }));
  door.cardReader.on('rejected', (r) => log.info('card-reader.rejected', { reason: r.reason }));
  door.pinPad?.on('key', (key) => actor.send(pinEventFrom(key)));
  devices.pad.on('item-placed', (item) => {
    actor.send({ type: 'ITEM_PLACED', tag: placedTag(item) });
    publish();
  });
  devices.pad.on('item-removed', ({ uid }) => {
    actor.send({ type: 'ITEM_REMOVED', uid });
    publish();
  });
}

/** Every device's status to the machine, now (after the devices opened) and on every change. */
export function forwardDeviceStatus({ door, devices }: KioskHardware, actor: KioskActor): void {
  const toMachine = (name: string, status: DeviceStatus) => deviceStatusEvent(actor, name as DeviceName, status);
  toMachine('printer', printerState(devices.printer.status()));
  devices.printer.on('status', (status) => toMachine('printer', printerState(status)));
  watchDevices({ cardReader: door.cardReader, lock: door.lock, rfid: devices.pad, pinPad: door.pinPad }, toMachine);
}

/** The ILS link as a device on the screen, and online/offline to the machine. Returns unsubscribe. */
export function forwardIlsLink(ils: Ils, actor: KioskActor, publish: () => void): () => void {
  const show = (state: string) => deviceStatusEvent(actor, 'ils', { state: state === 'online' ? 'connected' : 'disconnected', detail: state });
  const unsubscribe = ils.link.subscribe((state) => {
    actor.send({ type: state === 'offline' ? 'ILS_OFFLINE' : 'ILS_ONLINE' });
    show(state);
    publish();
  });
  show(ils.link.state);
  return unsubscribe;
}
