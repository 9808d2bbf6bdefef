// Keeps one HID device open: reports connected/disconnected and reopens it with back-off
// after an unplug, like SerialLink does for serial devices.
import { EventEmitter } from 'node:events';
import { type DeviceStatus, whenConnected } from '../device-status';
import { KeptOpen, type ReconnectOptions } from '../reconnect';
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
  private readonly kept: KeptOpen<HidDevice>;
  private stopListening: () => void = () => undefined;

  constructor(options: HidConnectionOptions) {
    super();
    this.name = describeSelector(options.selector);
    this.kept = new KeptOpen(
      options,
      {
        open: () => (options.open ?? openNodeHid)(options.selector),
        close: (device) => device.close(),
        attach: (device) => this.listen(device),
        detach: () => this.stopListening(),
      },
      (status) => this.emit('status', status),
    );
  }

  status(): DeviceStatus {
    return this.kept.status();
  }

  get isConnected(): boolean {
    return this.kept.handle !== null;
  }

  /** One attempt now, then retries in the background; never throws for a missing device. */
  open(): Promise<DeviceStatus> {
    return this.kept.open();
  }

  close(): Promise<void> {
    return this.kept.close();
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
    const device = this.kept.handle;
    if (!device) throw new HidError('not-connected', `${this.name} is not connected`);
    try {
      return await action(device);
    } catch (error) {
      this.kept.lost(device, error);
      throw new HidError('io-failed', `${this.name}: ${message(error)}`);
    }
  }

  private listen(device: HidDevice): void {
    const onData = (report: Buffer) => this.emit('data', report);
    const onError = (error: Error) => this.kept.lost(device, error);
    device.on('data', onData);
    device.on('error', onError);
    this.stopListening = () => {
      device.off('data', onData);
      device.off('error', onError);
    };
  }
}
