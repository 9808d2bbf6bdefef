// The concrete types of the screen contract: what the screen shows and what it may send.
// electron/contract.ts re-exports them for the preload and the renderer.
import { type KioskUiEvent, type KioskView } from '../state-machines/index';
import { type SimulationEvent, type SimulationPanel } from './simulation-panel';

/** What the screen shows: the kiosk machine's view model, plus the tester panel in simulation mode. */
export type ScreenView = KioskView & { simulation?: SimulationPanel };
/** What the screen may send: a patron's button presses, and in simulation mode the tester panel's. */
export type ScreenEvent = KioskUiEvent | SimulationEvent;
