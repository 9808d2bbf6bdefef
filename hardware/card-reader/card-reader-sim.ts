// Card reader simulators: build what a reader sends for a health card or a library card and
// send it as a serial reader (text + suffix on the simulator end of a pty) or as a USB
// keyboard wedge (boot keyboard reports behind the HidDevice interface).
import { typeReports } from '../hid/boot-keyboard';
import { KeyboardSimulator } from '../hid/keyboard-simulator';
import { encodeLine, type LineSuffix } from '../serial/line-framer';
import { SerialSimulator } from '../serial/serial-simulator';
import type { SerialBinding } from '../serial/binding';
import { encodeTrack1, encodeTrack2 } from './magstripe';

/** How the simulated reader delivers a health card. */
export type HealthCardFormat = 'track2' | 'tracks1and2' | 'barcode' | 'track2-bare';

export type SimCard =
  | { cpr: string; firstName?: string; lastName?: string; format?: HealthCardFormat }
  | { cardNumber: string };

/** The text a reader sends for `card` (no suffix). The CPR may be given with a dash. */
export function cardText(card: SimCard): string {
  if ('cardNumber' in card) return card.cardNumber;
  const cpr = card.cpr.replace('-', '');
  const format = card.format ?? 'track2';
  if (format === 'barcode') return cpr;
  const track2 = encodeTrack2({
    cardType: '1', nationality: '208', application: '1', issuer: '000', cpr,
    insuranceGroup: '1', doctorNumber: '012345', region: '084', municipality: '101', validFrom: '240101',
  });
  if (format === 'track2-bare') return track2;
  if (format === 'track2') return `;${track2}?`;
  const track1 = encodeTrack1({
    lastName: card.lastName ?? 'Jensen', firstName: card.firstName ?? 'Søren',
    address: 'Østergade 1', municipality: '101', postcode: '1100',
  });
  return `%${track1}?;${track2}?`;
}

/** Parses the technician's shorthand: 10 digits (or DDMMYY-SSSS) = health card, else card number. */
export function simCardFrom(text: string, format: HealthCardFormat = 'track2'): SimCard {
  const value = text.trim();
  return /^\d{6}-?\d{4}$/.test(value) ? { cpr: value, format } : { cardNumber: value };
}

export interface SerialCardReaderSimulatorOptions {
  /** The simulator end of the pty pair (or any port the driver reads from). */
  path: string;
  suffix?: LineSuffix;
  binding?: SerialBinding;
}

export class SerialCardReaderSimulator extends SerialSimulator {
  private readonly suffix: LineSuffix;

  constructor(options: SerialCardReaderSimulatorOptions) {
    super({ path: options.path, binding: options.binding });
    this.suffix = options.suffix ?? 'CR';
  }

  swipe(card: SimCard): Promise<void> {
    return this.link.write(encodeLine(cardText(card), this.suffix));
  }

  /** Sends bytes as they are: noise, half reads. */
  sendRaw(bytes: Uint8Array | string): Promise<void> {
    return this.link.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }
}

/** A USB keyboard-wedge reader as a HidDevice: swipe() types the card and presses Enter. */
export class HidWedgeSimulator extends KeyboardSimulator {
  swipe(card: SimCard): void {
    this.typeText(cardText(card));
  }

  typeText(text: string, enter = true): void {
    for (const report of typeReports(text, { enter })) this.emit('data', report);
  }
}
