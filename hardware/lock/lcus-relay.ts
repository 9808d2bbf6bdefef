// LCUS serial relay module driver. The module sends nothing back, so a switch is confirmed
// only as far as the port allows: the command was written and drained.
import { ConnectedDevice } from '../connected-device';
import type { SerialBinding } from '../serial/binding';
import type { ReconnectOptions } from '../reconnect';
import { SerialLink } from '../serial/serial-link';
import { encodeLcus } from './lcus-codec';
import { LockError, type Relay, type RelayConfirmation, type RelayEvents, type RelayOffTarget } from './relay';

export interface LcusRelayOptions {
  path: string;
  /** Channel on the module, from 1 (default 1). */
  relay?: number;
  baudRate?: number;
  binding?: SerialBinding;
  reconnect?: ReconnectOptions | false;
  now?: () => number;
}

export class LcusRelay extends ConnectedDevice<RelayEvents, SerialLink> implements Relay {
  readonly canReadBack = false;
  readonly relay: number;
  declare readonly link: SerialLink;

  constructor(options: LcusRelayOptions) {
    const relay = options.relay ?? 1;
    encodeLcus(relay, false); // validates the relay number now
    super(new SerialLink({ path: options.path, baudRate: options.baudRate ?? 9600, binding: options.binding, reconnect: options.reconnect, now: options.now }));
    this.relay = relay;
  }

  async set(on: boolean): Promise<RelayConfirmation> {
    if (!this.link.isConnected) throw new LockError('not-connected', `relay module ${this.link.path} is not connected`);
    try {
      await this.link.write(encodeLcus(this.relay, on));
    } catch (error) {
      throw new LockError('write-failed', `relay ${this.relay}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 'written';
  }

  /** The off command written at once on the port's fd (the kernel transmits it even if we exit). */
  switchOffSync(): boolean {
    return this.link.writeSync(encodeLcus(this.relay, false));
  }

  offTarget(): RelayOffTarget | null {
    const fd = this.link.fd;
    return fd === null ? null : { kind: 'fd', fd, bytes: encodeLcus(this.relay, false) };
  }
}
