// The one typed contract between the kiosk runtime and its screen. Channel names, frame shapes and
// the event validator live in runtime/browser/contract.ts (so the browser-mode WebSocket bridge,
// which may not import electron/, uses the very same ones); this file names the concrete types.
import { type Contract, type JsonValue, type UiEventShape } from '../runtime/browser/contract';

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

// Lead: point this line at the real types, e.g. Contract<KioskView, KioskUiEvent> from state-machines/.
export type KioskContract = Contract<JsonValue, UiEventShape>;

/** What the runtime shows: plain JSON from the kiosk machine's view model. */
export type ShellView = KioskContract['view'];
/** What the screen sends: a button press, a digit, a language choice... */
export type ShellUiEvent = KioskContract['event'];
