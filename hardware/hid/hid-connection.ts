// Keeps one HID device open: reports connected/disconnected and reopens it with back-off
// after an unplug, like SerialLink does for serial devices.
import { EventEmitter } from 'node:events';
import { type DeviceStatus, deviceStatus, statusChanged, whenConnected } from '../device-status';
import { Reconnect, type ReconnectOptions } from '../reconnect';
import { describeSelector, type HidDevice, type HidOpener, type HidSelector, openNodeHid } from './hid-device';

export type HidErrorCode = 'not-connected' | 'io-failed' | 'timeout';

export class HidError extends Error {
  override name = 'HidError';
  constructor(
    readonly code: HidErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface HidConnectionOptions {
  selector: HidSelector;
  /** Defaults to node-hid. Tests and simulators pass their own. */
  open?: HidOpener;
  reconnect?: ReconnectOptions | false;
  now?: () => number;
}

export interface HidConnectionEvents {
  data: [Buffer];
  status: [DeviceStatus];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class HidConnection extends EventEmitter<HidConnectionEvents> {
  readonly name: string;
  private readonly options: HidConnectionOptions;
  private readonly now: () => number;
  private device: HidDevice | null = null;
  private readonly reconnect: Reconnect;
  private current: DeviceStatus;
  private detach: (() => void) | null = null;

  constructor(options: HidConnectionOptions) {
    super();
    this.options = options;
    this.name = describeSelector(options.selector);
    this.now = options.now ?? Date.now;
    this.current = deviceStatus('disconnected', new Date(this.now()), 'not opened');
    this.reconnect = new Reconnect(options, () => this.attempt());
  }

  status(): DeviceStatus {
    return this.current;
  }

  get isConnected(): boolean {
    return this.device !== null;
  }

  /** One attempt now, then retries in the background; never throws for a missing device. */
  async open(): Promise<DeviceStatus> {
    if (!this.reconnect.start()) return this.current;
    await this.attempt();
    return this.current;
  }

  async close(): Promise<void> {
    this.reconnect.stop();
    const device = this.device;
    this.drop();
    // Closing on purpose: a device that fails to close is gone either way; the status says closed.
    await device?.close().catch(() => undefined);
    this.setStatus('disconnected', 'closed');
  }

  whenConnected(timeoutMs = 5000): Promise<void> {
    return whenConnected(this, timeoutMs, () => new HidError('timeout', `${this.name} did not connect within ${timeoutMs} ms`));
  }

  sendFeatureReport(data: Uint8Array | number[]): Promise<number> {
    return this.use((device) => device.sendFeatureReport(data));
  }

  getFeatureReport(reportId: number, length: number): Promise<Buffer> {
    return this.use((device) => device.getFeatureReport(reportId, length));
  }

  private async use<T>(action: (device: HidDevice) => Promise<T>): Promise<T> {
    const device = this.device;
    if (!device) throw new HidError('not-connected', `${this.name} is not connected`);
    try {
      return await action(device);
    } catch (error) {
      this.lost(device, error);
      throw new HidError('io-failed', `${this.name}: ${message(error)}`);
    }
  }

  private async attempt(): Promise<void> {
    if (!this.reconnect.isWanted || this.device) return;
    let device: HidDevice;
    try {
      device = await (this.options.open ?? openNodeHid)(this.options.selector);
    } catch (error) {
      this.setStatus('disconnected', `cannot open: ${message(error)}`);
      this.reconnect.retry();
      return;
    }
    if (!this.reconnect.isWanted) {
      // Opened after close() was asked for: nobody wants this device, whatever its close says.
      await device.close().catch(() => undefined);
      return;
    }
    const onData = (report: Buffer) => this.emit('data', report);
    const onError = (error: Error) => this.lost(device, error);
    device.on('data', onData);
    device.on('error', onError);
    this.detach = () => {
      device.off('data', onData);
      device.off('error', onError);
    };
    this.device = device;
    this.reconnect.connected();
    this.setStatus('connected');
  }

  private lost(device: HidDevice, error: unknown): void {
    if (this.device !== device) return;
    this.drop();
    // The device is already lost (recorded in the status below); its close can only fail the same way.
    void device.close().catch(() => undefined);
    this.setStatus('disconnected', `lost: ${message(error)}`);
    this.reconnect.retry();
  }

  private drop(): void {
    this.detach?.();
    this.detach = null;
    this.device = null;
  }

  private setStatus(state: DeviceStatus['state'], detail?: string): void {
    if (!statusChanged(this.current, state, detail)) return;
    const since = this.current.state === state ? this.current.since : new Date(this.now());
    this.current = deviceStatus(state, since, detail);
    this.emit('status', this.current);
  }
}
