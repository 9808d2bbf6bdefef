// What a front end (the Electron main process, or the browser-mode WebSocket bridge) needs from a
// running kiosk runtime: a stream of plain-JSON views, a way to send UI events, and shutdown.
// The view and event types come from state-machines/ (the kiosk machine's view model).

export interface KioskHost<View, UiEvent> {
  /** Calls `listener` with the current view at once, then on every change. Returns unsubscribe. */
  subscribe(listener: (view: View) => void): () => void;
  /** A UI event from the screen; unknown or malformed events are dropped by the host. */
  send(event: UiEvent): void;
  /** Releases the lock to off, closes devices, the ILS link and the database. */
  shutdown(): Promise<void>;
}
