// The screens' view of the runtime, derived from the Electron preload so the two can't drift.
// Browser mode's WebSocket client implements the same type.
import type { BridgePath, EventChannel, ShellUiEvent, ShellView, ViewChannel } from '../../electron/contract';
import type { api as preloadApi } from '../../electron/preload';

/**
 * `{ onView(listener) -> unsubscribe, send(event) }`: exactly what electron/preload.ts exposes
 * (`typeof import('../../electron/preload').api`, spelled as a type-only import for the linter).
 */
export type KioskApi = typeof preloadApi;

export type KioskView = ShellView;
export type KioskUiEvent = ShellUiEvent;

// The renderer may not import the contract's values (layering), so it restates them here; the
// literal types make the compiler fail if either side changes alone.
export const VIEW_CHANNEL: ViewChannel = 'kiosk:view';
export const EVENT_CHANNEL: EventChannel = 'kiosk:event';
export const BRIDGE_PATH: BridgePath = '/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    kiosk?: KioskApi;
  }
}
