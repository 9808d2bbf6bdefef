// The small HID surface drivers depend on, so they can be tested with recorded reports and
// run against simulators; node-hid's HIDAsync is adapted to it by openNodeHid().
import { EventEmitter } from 'node:events';
import type * as NodeHidModule from 'node-hid';

export interface HidDeviceEvents {
  /** An input report (for a boot keyboard: 8 bytes). */
  data: [Buffer];
  /** The device failed, typically because it was unplugged. */
  error: [Error];
}

export interface HidDevice {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'data', listener: (report: Buffer) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  /** data[0] is the report id (0 when the device has none). Resolves with bytes sent. */
  sendFeatureReport(data: Uint8Array | number[]): Promise<number>;
  getFeatureReport(reportId: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export type HidSelector = { path: string } | { vendorId: number; productId: number };

export type HidOpener = (selector: HidSelector) => Promise<HidDevice>;

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  serialNumber?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
  interface?: number | undefined;
}

export function describeSelector(selector: HidSelector): string {
  if ('path' in selector) return selector.path;
  return `${hex4(selector.vendorId)}:${hex4(selector.productId)}`;
}

export function hex4(id: number): string {
  return id.toString(16).toUpperCase().padStart(4, '0');
}

type NodeHid = typeof NodeHidModule;
let nodeHid: Promise<NodeHid> | null = null;
// Loaded on first use so unit tests and simulators never touch the native module.
function loadNodeHid(): Promise<NodeHid> {
  nodeHid ??= import('node-hid');
  return nodeHid;
}

type NodeHidAsync = Awaited<ReturnType<NodeHid['HIDAsync']['open']>>;

class NodeHidDevice extends EventEmitter<HidDeviceEvents> implements HidDevice {
  constructor(private readonly hid: NodeHidAsync) {
    super();
    hid.on('data', (data: Buffer) => this.emit('data', Buffer.from(data)));
    hid.on('error', (error: unknown) => this.emit('error', error instanceof Error ? error : new Error(String(error))));
  }

  sendFeatureReport(data: Uint8Array | number[]): Promise<number> {
    return this.hid.sendFeatureReport(Buffer.from(data));
  }

  async getFeatureReport(reportId: number, length: number): Promise<Buffer> {
    return Buffer.from(await this.hid.getFeatureReport(reportId, length));
  }

  close(): Promise<void> {
    this.removeAllListeners();
    return this.hid.close();
  }
}

/** Opens a real HID device with node-hid (hidraw on Linux). */
export const openNodeHid: HidOpener = async (selector) => {
  const { HIDAsync } = await loadNodeHid();
  const hid = 'path' in selector ? await HIDAsync.open(selector.path) : await HIDAsync.open(selector.vendorId, selector.productId);
  return new NodeHidDevice(hid);
};

export async function listHidDevices(): Promise<HidDeviceInfo[]> {
  const { devicesAsync } = await loadNodeHid();
  return devicesAsync();
}
