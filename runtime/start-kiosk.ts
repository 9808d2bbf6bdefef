// Placeholder created by the Electron/browser-mode work so `kiosk start` and electron/main.ts can
// import it. The lead replaces the body: load the config, start drivers, ILS, store and machines,
// and return them behind a KioskHost.
import { type Clock } from './clock';
import { type KioskHost } from './kiosk-host';
import { type Logger } from './log';

export interface StartKioskOptions {
  /** The site configuration file; undefined means the embedded default. */
  configFile?: string;
  /** The runtime's clock (`--clock ISO` makes one that starts at that instant). */
  clock?: Clock;
  log?: Logger;
}

export async function startKiosk(_options: StartKioskOptions = {}): Promise<KioskHost<unknown, { type: string }>> {
  throw new Error('startKiosk: not wired yet');
}
