// Simulation mode for the kiosk: the demo library's items as RFID tags (one tag per part of a
// set), the demo patrons' cards, and the tester panel's actions on the simulators. A tag keeps
// its AFI while it is off the pad, as a real book does.
import { simulatedTag, type FeigSimulator, type SimulatedTag } from '../../hardware/rfid/index';
import { type EscPosPrinterSimulator } from '../../hardware/printer/index';
import { type SerialCardReaderSimulator, simCardFrom } from '../../hardware/card-reader/index';
import { type SerialPinPadSimulator } from '../../hardware/pin-pad/index';
import { DEMO, type SimIls } from '../../ils';
import { AFI_CHECKED_OUT, AFI_IN_LIBRARY } from '../../policy';
import { type SimulationEvent, type SimulationPanel } from '../simulation-panel';

const PATRON_LABELS: Record<keyof typeof DEMO.patrons, string> = {
  adult: 'Adult (Anna, health card)',
  adultCard: 'Adult (Bo, library card)',
  child12: 'Child, 12 (Carl)',
  teen15: 'Teenager, 15 (Dorte)',
  lostCard: 'Lost card (Erik)',
  owes250: 'Owes 250 kr (Frida)',
  owes199: 'Owes 199 kr (Gustav)',
  excluded: 'Excluded from unstaffed hours (Hanne)',
  adultNoLoans: 'Adult, no loans (Ib)',
};

export interface SimulationDevices {
  ils: SimIls;
  rfid: FeigSimulator;
  printer?: EscPosPrinterSimulator;
  cardReader?: SerialCardReaderSimulator;
  pinPad?: SerialPinPadSimulator;
  /** Stops or restarts the simulated ILS's listener (the kiosk then goes offline / online). */
  setIlsOnline(online: boolean): Promise<void>;
}

/** A stable 8-byte UID per item part: E0 04 01 (NXP ICODE) + the item's index and part. */
export function uidFor(index: number, part: number): string {
  return `E00401${index.toString(16).padStart(6, '0')}${part.toString(16).padStart(4, '0')}`.toUpperCase();
}

export class KioskSimulation {
  private readonly tags = new Map<string, SimulatedTag[]>();
  private paper: SimulationPanel['paper'] = 'ok';
  private ilsOnline = true;

  constructor(private readonly devices: SimulationDevices) {
    let index = 0;
    for (const item of devices.ils.state.items.values()) {
      index += 1;
      const afi = item.onLoanTo === undefined ? AFI_IN_LIBRARY : AFI_CHECKED_OUT;
      const parts = Array.from({ length: item.partsInSet }, (_, p) =>
        simulatedTag(uidFor(index, p + 1), { usage: 'circulating', partsInSet: item.partsInSet, partNumber: p + 1, itemId: item.id, country: 'DK', isil: '775100' }, afi),
      );
      this.tags.set(item.id, parts);
    }
  }

  panel(): SimulationPanel {
    const onPad = new Set(this.devices.rfid.tags().map((t) => t.uid));
    return {
      patrons: Object.entries(PATRON_LABELS).map(([key, label]) => ({ key, label })),
      items: [...this.devices.ils.state.items.values()].map((item) => ({
        itemId: item.id,
        title: item.title,
        parts: item.partsInSet,
        onPad: (this.tags.get(item.id) ?? []).some((t) => onPad.has(t.uid)),
      })),
      paper: this.paper,
      ilsOnline: this.ilsOnline,
    };
  }

  /** Carries out a tester's action; returns a short note for the log, or throws on a bad one. */
  async handle(event: SimulationEvent): Promise<string> {
    switch (event.type) {
      case 'SIM_SWIPE': {
        const patron = this.patron(event.patron);
        if (!this.devices.cardReader) throw new Error('the card reader is not simulated');
        await this.devices.cardReader.swipe(simCardFrom(patron.id));
        return `swiped ${event.patron}`;
      }
      case 'SIM_KEYPAD_PIN': {
        const patron = this.patron(event.patron);
        if (!this.devices.pinPad) throw new Error('the PIN pad is not simulated');
        await this.devices.pinPad.press(`${patron.pin}#`);
        return `typed the PIN of ${event.patron}`;
      }
      case 'SIM_KEYPAD':
        if (!this.devices.pinPad) throw new Error('the PIN pad is not simulated');
        if (!/^[0-9#*<]{1,16}$/.test(event.keys)) throw new Error('keys are digits, # (enter), * (clear) and < (backspace)');
        await this.devices.pinPad.press(event.keys);
        return 'keys pressed';
      case 'SIM_PLACE': {
        const parts = this.itemTags(event.itemId);
        for (const tag of parts.slice(0, event.parts ?? parts.length)) this.devices.rfid.placeTag(tag);
        return `placed ${event.itemId}`;
      }
      case 'SIM_REMOVE':
        for (const tag of this.itemTags(event.itemId)) this.takeOff(tag.uid);
        return `removed ${event.itemId}`;
      case 'SIM_CLEAR_PAD':
        for (const tag of this.devices.rfid.tags()) this.takeOff(tag.uid);
        return 'cleared the pad';
      case 'SIM_PAPER':
        if (!this.devices.printer) throw new Error('the printer is not simulated');
        this.devices.printer.setPaper(event.state);
        this.paper = event.state;
        return `paper ${event.state}`;
      case 'SIM_ILS':
        await this.devices.setIlsOnline(event.online);
        this.ilsOnline = event.online;
        return `ILS ${event.online ? 'started' : 'stopped'}`;
    }
  }

  private patron(key: string): { id: string; pin: string } {
    const patron = (DEMO.patrons as Record<string, { id: string; pin: string }>)[key];
    if (!patron) throw new Error(`no demo patron '${key}'`);
    return patron;
  }

  private itemTags(itemId: string): SimulatedTag[] {
    const tags = this.tags.get(itemId);
    if (!tags) throw new Error(`no demo item '${itemId}'`);
    return tags;
  }

  /** Takes a tag off the pad, remembering its AFI (the kiosk may have changed it). */
  private takeOff(uid: string): void {
    const current = this.devices.rfid.tags().find((t) => t.uid === uid);
    if (!current) return;
    for (const [itemId, tags] of this.tags) {
      const i = tags.findIndex((t) => t.uid === uid);
      if (i >= 0) this.tags.set(itemId, tags.map((t, j) => (j === i ? { ...current } : t)));
    }
    this.devices.rfid.removeTag(uid);
  }
}
