// The screens' names for the contract's types (imported as types only: the renderer runs no
// code from other layers).
import type { ScreenEvent, ScreenView as ShellView } from '../../electron/contract';
import type { ItemView, LoanView, ScreenView } from '../../state-machines';

/** Everything the runtime shows: the kiosk view plus, in simulation mode, the tester panel. */
export type View = ShellView;
/** One patron or technician screen. */
export type Screen = ScreenView;
export type ScreenOf<Name extends Screen['name']> = Extract<Screen, { name: Name }>;
export type Send = (event: ScreenEvent) => void;
export type SimulationPanel = NonNullable<View['simulation']>;
export type { ItemView, LoanView, ScreenEvent };
