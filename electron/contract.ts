// The screen contract as the Electron shell and the screens see it. Everything here is defined once,
// in runtime/screen-contract.ts (the browser-mode bridge, which may not import electron/, uses the
// very same); this file only passes it on: to the main process and preload as values, and to the
// renderer, which may import electron/ with `import type` only, as types.
export {
  checkUiEvent,
  EVENT_CHANNEL,
  READY_CHANNEL,
  SCREEN_TO_RUNTIME_CHANNELS,
  VIEW_CHANNEL,
  type BridgePath,
  type EventChannel,
  type ScreenEvent,
  type ScreenView,
  type ViewChannel,
} from '../runtime/screen-contract';
