// What is plugged in: serial ports and HID devices, and which configured device each one is.
import { realpathSync } from 'node:fs';
import { z } from 'zod';
import { type HidDeviceInfo, hex4, listHidDevices } from './hid/hid-device';
import type { SerialPortInfo } from './serial/binding';

/** A vendor/product id as JSON gives it: 5824, "16c0" or "0x16C0". */
const usbId = z.union([
  z.number().int().min(0).max(0xffff),
  z.string().regex(/^(0x)?[0-9a-f]{1,4}$/i, 'a 4-digit hex id such as "16c0"').transform((s) => parseInt(s.replace(/^0x/i, ''), 16)),
]);

const configuredDevice = z.looseObject({
  driver: z.string().optional(),
  path: z.string().optional(),
  vendorId: usbId.optional(),
  productId: usbId.optional(),
});

const configFile = z.looseObject({ devices: z.record(z.string(), configuredDevice).optional() });

export type ConfiguredDevice = z.infer<typeof configuredDevice>;

export class DeviceConfigError extends Error {
  override name = 'DeviceConfigError';
}

/** The `devices` section of a kiosk configuration, checked only as far as matching needs. */
export function configuredDevices(json: unknown): Record<string, ConfiguredDevice> {
  const parsed = configFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeviceConfigError(`configuration ${issue ? `${issue.path.join('.') || '(top level)'}: ${issue.message}` : 'is invalid'}`);
  }
  return parsed.data.devices ?? {};
}

export interface SerialPortEntry {
  kind: 'serial';
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
  /** Names of configured devices (e.g. "cardReader") this port is. */
  matches: string[];
}

export interface HidEntry {
  kind: 'hid';
  path?: string;
  vendorId: string;
  productId: string;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  usagePage?: number;
  usage?: number;
  matches: string[];
}

export interface DeviceInventory {
  serial: SerialPortEntry[];
  hid: HidEntry[];
  /** Configured devices nothing matched: not plugged in, or a wrong path or id. */
  missing: string[];
}

function resolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // No such path (yet): listed as configured; the device shows up as missing in the inventory.
    return path;
  }
}

const sameId = (configured: number | undefined, actual: string | number | undefined) =>
  configured !== undefined && actual !== undefined && configured === (typeof actual === 'number' ? actual : parseInt(actual, 16));

function matchesDevice(device: ConfiguredDevice, entry: { path?: string; vendorId?: string | number; productId?: string | number }): boolean {
  if (device.path && entry.path && (device.path === entry.path || resolved(device.path) === resolved(entry.path))) return true;
  return sameId(device.vendorId, entry.vendorId) && sameId(device.productId, entry.productId);
}

const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function buildInventory(ports: SerialPortInfo[], hids: HidDeviceInfo[], config: Record<string, ConfiguredDevice> = {}): DeviceInventory {
  const names = Object.keys(config);
  const matching = (entry: { path?: string; vendorId?: string | number; productId?: string | number }) => names.filter((name) => matchesDevice(config[name]!, entry));
  const serial = ports.map((port) =>
    defined<SerialPortEntry>({
      kind: 'serial',
      path: port.path,
      vendorId: port.vendorId?.toLowerCase(),
      productId: port.productId?.toLowerCase(),
      manufacturer: port.manufacturer,
      serialNumber: port.serialNumber,
      matches: matching(port),
    }),
  );
  const hid = hids.map((device) =>
    defined<HidEntry>({
      kind: 'hid',
      path: device.path,
      vendorId: hex4(device.vendorId).toLowerCase(),
      productId: hex4(device.productId).toLowerCase(),
      manufacturer: device.manufacturer,
      product: device.product,
      serialNumber: device.serialNumber,
      usagePage: device.usagePage,
      usage: device.usage,
      matches: matching(device),
    }),
  );
  const matched = new Set([...serial, ...hid].flatMap((entry) => entry.matches));
  return { serial, hid, missing: names.filter((name) => !matched.has(name)) };
}

/** Lists what is plugged in now (serialport's list() needs udevadm on Linux). */
export async function listPluggedDevices(): Promise<{ ports: SerialPortInfo[]; hids: HidDeviceInfo[]; problems: string[] }> {
  const problems: string[] = [];
  const ports = await import('serialport')
    .then(({ SerialPort }) => SerialPort.list())
    .catch((error: unknown) => {
      problems.push(`cannot list serial ports: ${error instanceof Error ? error.message : String(error)}`);
      return [] as SerialPortInfo[];
    });
  const hids = await listHidDevices().catch((error: unknown) => {
      problems.push(`cannot list HID devices: ${error instanceof Error ? error.message : String(error)}`);
      return [] as HidDeviceInfo[];
    });
  return { ports, hids, problems };
}
