// The one typed contract between the kiosk runtime and its screen. Channel names, frame shapes and
// the event validator live in runtime/browser/contract.ts (so the browser-mode WebSocket bridge,
// which may not import electron/, uses the very same ones); this file names the concrete types.
import { type Contract } from '../runtime/browser/contract';
import { type SimulationEvent, type SimulationPanel } from '../runtime/simulation-panel';
import { type KioskUiEvent, type KioskView } from '../state-machines/index';

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

/** What the screen shows: the kiosk machine's view model, plus the tester panel in simulation mode. */
export type ScreenView = KioskView & { simulation?: SimulationPanel };
/** What the screen may send: a patron's button presses, and in simulation mode the tester panel's. */
export type ScreenEvent = KioskUiEvent | SimulationEvent;

export type KioskContract = Contract<ScreenView, ScreenEvent>;

/** What the runtime shows: plain JSON from the kiosk machine's view model. */
export type ShellView = KioskContract['view'];
/** What the screen sends: a button press, a digit, a language choice... */
export type ShellUiEvent = KioskContract['event'];
