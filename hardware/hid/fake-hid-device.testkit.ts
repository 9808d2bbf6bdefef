// An in-memory HidDevice for tests: plays input reports, records feature reports, and can
// be "unplugged" (emits error like node-hid does).
import { EventEmitter } from 'node:events';
import type { HidDevice, HidDeviceEvents, HidOpener, HidSelector } from './hid-device';

export class FakeHidDevice extends EventEmitter<HidDeviceEvents> implements HidDevice {
  readonly featureReportsSent: Buffer[] = [];
  /** Answers getFeatureReport; default: zeros of the asked length. */
  featureReport: (reportId: number, length: number) => Buffer = (_id, length) => Buffer.alloc(length);
  closed = false;
  unplugged = false;

  /** The device sends one input report. */
  report(bytes: Uint8Array | number[]): void {
    this.emit('data', Buffer.from(bytes));
  }

  /** Plays recorded input reports in order. */
  play(reports: ReadonlyArray<Uint8Array | number[]>): void {
    for (const report of reports) this.report(report);
  }

  unplug(): void {
    this.unplugged = true;
    this.emit('error', new Error('could not read from HID device'));
  }

  async sendFeatureReport(data: Uint8Array | number[]): Promise<number> {
    if (this.closed || this.unplugged) throw new Error('could not send feature report to device');
    this.featureReportsSent.push(Buffer.from(data));
    return data.length;
  }

  async getFeatureReport(reportId: number, length: number): Promise<Buffer> {
    if (this.closed || this.unplugged) throw new Error('could not get feature report from device');
    return this.featureReport(reportId, length);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** An opener for HidConnection tests: hands out `next()` devices while "plugged". */
export class FakeHidOpener {
  plugged = true;
  readonly opened: HidDevice[] = [];
  readonly selectors: HidSelector[] = [];

  constructor(private readonly next: () => HidDevice = () => new FakeHidDevice()) {}

  readonly open: HidOpener = async (selector) => {
    this.selectors.push(selector);
    if (!this.plugged) throw new Error('cannot open device with vendor id 0x16c0 and product id 0x5df');
    const device = this.next();
    this.opened.push(device);
    return device;
  };
}
