// Relay simulators that speak the boards' bytes: an LCUS module on the simulator end of a
// pty, and a dcttech USB relay board behind the HidDevice interface. Both record every
// switch with a timestamp so tests can assert when the door was open.
import { EventEmitter } from 'node:events';
import type { HidDevice, HidDeviceEvents } from '../hid/hid-device';
import type { SerialBinding } from '../serial/binding';
import { SerialSimulator } from '../serial/serial-simulator';
import { DCTTECH_CMD, encodeRelayState } from './dcttech-codec';
import { LcusDecoder, type LcusFrame } from './lcus-codec';

export interface RelaySwitch {
  relay: number;
  on: boolean;
  at: Date;
}

export interface RelaySimEvents {
  switched: [RelaySwitch];
  rejected: [{ reason: string; bytes: Buffer; at: Date }];
}

export class LcusRelaySimulator extends SerialSimulator<RelaySimEvents> {
  readonly history: RelaySwitch[] = [];
  /** When true the module ignores commands (a broken board). */
  ignoreCommands = false;
  private readonly decoder = new LcusDecoder();
  private readonly states = new Map<number, boolean>();

  constructor(options: { path: string; binding?: SerialBinding; now?: () => number }) {
    super({ path: options.path, binding: options.binding });
    const now = options.now ?? Date.now;
    this.link.on('data', (chunk) => {
      for (const frame of this.decoder.push(chunk)) this.apply(frame, new Date(now()));
    });
  }

  isOn(relay = 1): boolean {
    return this.states.get(relay) ?? false;
  }

  private apply(frame: LcusFrame, at: Date): void {
    if (!frame.ok) {
      this.emit('rejected', { reason: frame.reason, bytes: frame.bytes, at });
      return;
    }
    if (this.ignoreCommands) return;
    this.states.set(frame.relay, frame.on);
    const change = { relay: frame.relay, on: frame.on, at };
    this.history.push(change);
    this.emit('switched', change);
  }
}

export interface HidRelaySimulatorOptions {
  /** Board serial reported in feature report 0 (5 characters). */
  serial?: string;
  relays?: 1 | 2 | 4 | 8;
  /** Relays on when the simulated board "powers up" (e.g. left on by a crash). */
  initialMask?: number;
  now?: () => number;
}

export class HidRelaySimulator extends EventEmitter<HidDeviceEvents & RelaySimEvents> implements HidDevice {
  readonly history: RelaySwitch[] = [];
  readonly featureReportsReceived: Buffer[] = [];
  /** A stuck relay: commands are accepted but the state does not change. */
  stuck = false;
  closed = false;
  private mask: number;
  private readonly serial: string;
  private readonly relays: number;
  private readonly now: () => number;
  private unplugged = false;

  constructor(options: HidRelaySimulatorOptions = {}) {
    super();
    this.serial = options.serial ?? 'SIM01';
    this.relays = options.relays ?? 1;
    this.mask = options.initialMask ?? 0;
    this.now = options.now ?? Date.now;
  }

  isOn(relay = 1): boolean {
    return ((this.mask >> (relay - 1)) & 1) === 1;
  }

  get stateMask(): number {
    return this.mask;
  }

  unplug(): void {
    this.unplugged = true;
    this.emit('error', new Error('could not read from HID device'));
  }

  async sendFeatureReport(data: Uint8Array | number[]): Promise<number> {
    if (this.unplugged || this.closed) throw new Error('could not send feature report to device');
    const report = Buffer.from(data);
    this.featureReportsReceived.push(report);
    const at = new Date(this.now());
    const [, cmd = 0, relay = 0] = report;
    if (report.length < 3) {
      this.emit('rejected', { reason: 'short-report', bytes: report, at });
      return report.length;
    }
    const all = (1 << this.relays) - 1;
    let next = this.mask;
    if (cmd === DCTTECH_CMD.on && relay >= 1 && relay <= this.relays) next |= 1 << (relay - 1);
    else if (cmd === DCTTECH_CMD.off && relay >= 1 && relay <= this.relays) next &= ~(1 << (relay - 1));
    else if (cmd === DCTTECH_CMD.allOn) next = all;
    else if (cmd === DCTTECH_CMD.allOff) next = 0;
    else this.emit('rejected', { reason: 'unknown-command', bytes: report, at });
    if (!this.stuck) this.record(next, at);
    return report.length;
  }

  async getFeatureReport(reportId: number, length: number): Promise<Buffer> {
    if (this.unplugged || this.closed) throw new Error('could not get feature report from device');
    const report = encodeRelayState(this.serial, this.mask);
    report[0] = reportId;
    return report.subarray(0, Math.min(length, report.length));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** The simulated board is plugged back in (state kept, like a board that stayed powered). */
  replug(): void {
    this.unplugged = false;
    this.closed = false;
  }

  private record(next: number, at: Date): void {
    for (let relay = 1; relay <= this.relays; relay += 1) {
      const bit = 1 << (relay - 1);
      if ((next & bit) === (this.mask & bit)) continue;
      const change = { relay, on: (next & bit) !== 0, at };
      this.history.push(change);
      this.emit('switched', change);
    }
    this.mask = next;
  }
}
