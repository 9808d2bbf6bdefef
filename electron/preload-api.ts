// The whole of what the screens may do with the main process: listen to views, send UI events.
// Built over an injected ipcRenderer so it can be tested without Electron; preload.ts exposes it.
import { EVENT_CHANNEL, READY_CHANNEL, type ScreenEvent, type ScreenView, VIEW_CHANNEL } from './contract';

export interface IpcRendererLike {
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
}

export function createPreloadApi(ipc: IpcRendererLike) {
  return Object.freeze({
    /** Calls `listener` with every view from the runtime, the current one first. Returns unsubscribe. */
    onView(listener: (view: ScreenView) => void): () => void {
      // Never hand the IpcRendererEvent to the page: it reaches ipcRenderer itself.
      const relay = (_event: unknown, view: unknown) => listener(view as ScreenView);
      ipc.on(VIEW_CHANNEL, relay);
      ipc.send(READY_CHANNEL);
      return () => ipc.removeListener(VIEW_CHANNEL, relay);
    },
    /** Sends one UI event; the main process validates it and drops anything malformed. */
    send(event: ScreenEvent): void {
      ipc.send(EVENT_CHANNEL, event);
    },
  });
}
