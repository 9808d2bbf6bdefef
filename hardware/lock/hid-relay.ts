// dcttech USB HID relay board driver: switch by feature report, confirm by reading back.
import { createRequire } from 'node:module';
import type * as NodeHid from 'node-hid';
import { ConnectedDevice } from '../connected-device';
import { HidConnection } from '../hid/hid-connection';
import type { HidOpener, HidSelector } from '../hid/hid-device';
import type { ReconnectOptions } from '../reconnect';
import { DCTTECH_PRODUCT_ID, DCTTECH_REPORT_LENGTH, DCTTECH_VENDOR_ID, decodeRelayState, encodeRelayCommand, relayIsOn } from './dcttech-codec';
import { LockError, type Relay, type RelayConfirmation, type RelayEvents, type RelayOffTarget } from './relay';

export interface HidRelayOptions {
  /** Default: the dcttech vendor/product id 16C0:05DF. */
  selector?: HidSelector;
  /** Relay number on the board, from 1 (default 1). */
  relay?: number;
  open?: HidOpener;
  reconnect?: ReconnectOptions | false;
  now?: () => number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class HidRelay extends ConnectedDevice<RelayEvents, HidConnection> implements Relay {
  readonly canReadBack = true;
  readonly relay: number;
  /** Board serial from the last read-back, for diagnostics. */
  boardSerial: string | null = null;

  private readonly selector: HidSelector;

  constructor(options: HidRelayOptions = {}) {
    const relay = options.relay ?? 1;
    encodeRelayCommand(relay, false); // validates the relay number now, not at the door
    const selector = options.selector ?? { vendorId: DCTTECH_VENDOR_ID, productId: DCTTECH_PRODUCT_ID };
    super(
      new HidConnection({
        selector,
        open: options.open,
        reconnect: options.reconnect,
        now: options.now,
      }),
    );
    this.relay = relay;
    this.selector = selector;
  }

  async set(on: boolean): Promise<RelayConfirmation> {
    if (!this.link.isConnected) throw new LockError('not-connected', `relay board ${this.link.name} is not connected`);
    try {
      await this.link.sendFeatureReport(encodeRelayCommand(this.relay, on));
    } catch (error) {
      throw new LockError('write-failed', `relay ${this.relay}: ${message(error)}`);
    }
    const actual = await this.readRelay();
    if (actual !== on) throw new LockError('not-confirmed', `relay ${this.relay} reads ${actual ? 'on' : 'off'} after switching ${on ? 'on' : 'off'}`);
    return 'read-back';
  }

  /**
   * Switches off through a second, blocking node-hid handle on the same board (hidraw allows
   * several): the async handle's calls never complete once the process is going down.
   */
  switchOffSync(): boolean {
    const target = this.offTarget();
    if (!this.link.isConnected) return false;
    try {
      const { HID } = createRequire(import.meta.url)('node-hid') as typeof NodeHid;
      const device = target.path ? new HID(target.path) : new HID(target.vendorId, target.productId);
      try {
        return device.sendFeatureReport(Buffer.from(target.report)) > 0;
      } finally {
        device.close();
      }
    } catch {
      // Crash path: false sends DoorLock.emergencyOff on to the watchdog thread; the fail-safe logs it.
      return false;
    }
  }

  offTarget(): RelayOffTarget & { kind: 'hid' } {
    const report = encodeRelayCommand(this.relay, false);
    if ('path' in this.selector) return { kind: 'hid', path: this.selector.path, vendorId: DCTTECH_VENDOR_ID, productId: DCTTECH_PRODUCT_ID, report };
    return { kind: 'hid', path: null, vendorId: this.selector.vendorId, productId: this.selector.productId, report };
  }

  /** Current state of this relay as the board reports it. */
  async readRelay(): Promise<boolean> {
    let report: Buffer;
    try {
      report = await this.link.getFeatureReport(0, DCTTECH_REPORT_LENGTH);
    } catch (error) {
      throw new LockError('not-confirmed', `relay ${this.relay}: cannot read back: ${message(error)}`);
    }
    const decoded = decodeRelayState(report);
    if (!decoded.ok) throw new LockError('not-confirmed', `relay ${this.relay}: read-back report too short (${report.length} bytes)`);
    this.boardSerial = decoded.state.serial;
    return relayIsOn(decoded.state.mask, this.relay);
  }
}
