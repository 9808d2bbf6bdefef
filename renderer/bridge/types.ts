// The screens' view of the runtime, derived from the Electron preload so the two can't drift.
// Browser mode's WebSocket client implements the same type.
import type { BridgePath, EventChannel, ViewChannel } from '../../electron/contract';
import type { api as preloadApi } from '../../electron/preload';

/**
 * `{ onView(listener) -> unsubscribe, send(event) }`: exactly what electron/preload.ts exposes
 * (`typeof import('../../electron/preload').api`, spelled as a type-only import for the linter).
 */
export type KioskApi = typeof preloadApi;

// The renderer may not import the contract's values (layering), so the names it sends and listens
// on are restated here, typed with the contract's literal types: the compiler fails if the one
// definition (runtime/screen-contract.ts) changes and these do not.
export const VIEW_CHANNEL: ViewChannel = 'kiosk:view';
export const EVENT_CHANNEL: EventChannel = 'kiosk:event';
export const BRIDGE_PATH: BridgePath = '/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    kiosk?: KioskApi;
  }
}
