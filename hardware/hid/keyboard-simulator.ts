// A simulated USB keyboard (keyboard-wedge card reader, numeric keypad) as a HidDevice: it
// types through input reports, has no feature reports to speak of, and can be unplugged.
import { EventEmitter } from 'node:events';
import type { HidDevice, HidDeviceEvents } from './hid-device';

export class KeyboardSimulator extends EventEmitter<HidDeviceEvents> implements HidDevice {
  closed = false;

  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }

  async sendFeatureReport(data: Uint8Array | number[]): Promise<number> {
    return data.length;
  }

  async getFeatureReport(_reportId: number, length: number): Promise<Buffer> {
    return Buffer.alloc(length);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
