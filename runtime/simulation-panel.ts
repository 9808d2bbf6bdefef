// Simulation mode: what the screen's tester panel shows and may ask for. Only a runtime whose
// devices are simulated accepts these events; a real site drops them (no card injection).
// Demo patrons are named by a key and a label, never by card number or PIN digits on screen.

export interface SimulationPanel {
  patrons: { key: string; label: string }[];
  items: { itemId: string; title: string; parts: number; onPad: boolean }[];
  paper: 'ok' | 'near-end' | 'out';
  ilsOnline: boolean;
}

export type SimulationEvent =
  /** Swipe a demo patron's card on the card reader. */
  | { type: 'SIM_SWIPE'; patron: string }
  /** Type the demo patron's PIN on the hardware PIN pad (then enter). */
  | { type: 'SIM_KEYPAD_PIN'; patron: string }
  /** Type keys on the hardware PIN pad: digits, # enter, * clear. */
  | { type: 'SIM_KEYPAD'; keys: string }
  /** Place all parts of an item (or only some: `parts`) on the RFID pad. */
  | { type: 'SIM_PLACE'; itemId: string; parts?: number }
  | { type: 'SIM_REMOVE'; itemId: string }
  | { type: 'SIM_CLEAR_PAD' }
  | { type: 'SIM_PAPER'; state: 'ok' | 'near-end' | 'out' }
  /** Stop or start the bundled simulated ILS (to see the kiosk offline). */
  | { type: 'SIM_ILS'; online: boolean };

export function isSimulationEvent(event: { type: string }): event is SimulationEvent {
  return event.type.startsWith('SIM_');
}
