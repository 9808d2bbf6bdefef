// dcttech USB HID relay board driver: switch by feature report, confirm by reading back.
import { ConnectedDevice } from '../connected-device';
import { HidConnection } from '../hid/hid-connection';
import type { HidOpener, HidSelector } from '../hid/hid-device';
import type { ReconnectOptions } from '../serial/serial-link';
import { DCTTECH_PRODUCT_ID, DCTTECH_REPORT_LENGTH, DCTTECH_VENDOR_ID, decodeRelayState, encodeRelayCommand, relayIsOn } from './dcttech-codec';
import { LockError, type Relay, type RelayConfirmation, type RelayEvents } from './relay';

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

  constructor(options: HidRelayOptions = {}) {
    const relay = options.relay ?? 1;
    encodeRelayCommand(relay, false); // validates the relay number now, not at the door
    super(
      new HidConnection({
        selector: options.selector ?? { vendorId: DCTTECH_VENDOR_ID, productId: DCTTECH_PRODUCT_ID },
        open: options.open,
        reconnect: options.reconnect,
        now: options.now,
      }),
    );
    this.relay = relay;
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
