// The one typed contract between the kiosk runtime and its screen. Channel names, frame shapes and
// the event validator live in runtime/browser/contract.ts (so the browser-mode WebSocket bridge,
// which may not import electron/, uses the very same ones); this file names the concrete types.
import { type Contract } from '../runtime/browser/contract';
import { type ScreenEvent, type ScreenView } from '../runtime/screen-contract';
export type { SimulationEvent, SimulationPanel } from '../runtime/simulation-panel';

export {
  BRIDGE_PATH,
  checkUiEvent,
  EVENT_CHANNEL,
  MAX_EVENT_BYTES,
  READY_CHANNEL,
  SCREEN_TO_RUNTIME_CHANNELS,
  VIEW_CHANNEL,
  type BridgePath,
  type Checked,
  type EventChannel,
  type JsonValue,
  type ReadyChannel,
  type UiEventShape,
  type ViewChannel,
} from '../runtime/browser/contract';

export type { ScreenEvent, ScreenView } from '../runtime/screen-contract';

export type KioskContract = Contract<ScreenView, ScreenEvent>;

/** What the runtime shows: plain JSON from the kiosk machine's view model. */
export type ShellView = KioskContract['view'];
/** What the screen sends: a button press, a digit, a language choice... */
export type ShellUiEvent = KioskContract['event'];
