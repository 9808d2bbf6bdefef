// The sandboxed preload: exposes the contract (and nothing else) to the page as `window.kiosk`.
// The renderer's type of it is `typeof import('../../electron/preload').api` (renderer/bridge).
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';

export const api = createPreloadApi(ipcRenderer);

/** The global the page sees; renderer/bridge reads it. */
export const PRELOAD_GLOBAL = 'kiosk';

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
