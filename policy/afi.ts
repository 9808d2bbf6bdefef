// The AFI byte of a library RFID tag: the security gate's theft bit in the Danish data model
// (PROTOCOLS.md section 3). It is defined here, in policy/, because every layer that speaks of it
// may import policy/ and nothing else they share: the RFID driver and simulator (hardware/), journal
// recovery (store/), the kiosk's checkout and return (runtime/), and the tests and soak tools.

/** On the shelf: the gate alarms. */
export const AFI_IN_LIBRARY = 0x07;
/** Lent out: the gate lets it pass. */
export const AFI_CHECKED_OUT = 0xc2;

/** The AFI every tag of an item carries when the ILS has it on loan (true) or not (false). */
export function afiFor(onLoan: boolean): number {
  return onLoan ? AFI_CHECKED_OUT : AFI_IN_LIBRARY;
}
