// What the card reader and the PIN pad give, as the door and kiosk machines take it. The card is
// converted here once: a health card's magnetic stripe carries the birth date the card parser
// read from the CPR, and it travels on as an ISO date; nothing downstream parses the CPR again.
import { type Card } from '../../hardware/card-reader/index';
import { type PinKey } from '../../hardware/pin-pad/index';
import { formatDate } from '../../policy';
import type { CardRead, PinEvent } from '../../state-machines';

export function cardReadFrom(card: Card): CardRead {
  const json = card.toJSON() as { cpr?: string; cardNumber?: string };
  if (card.kind === 'library-card') return { kind: 'library-card', patronId: card.cardNumber, masked: String(json.cardNumber ?? '****') };
  const read: CardRead = { kind: 'health-card', patronId: card.cpr, masked: String(json.cpr ?? '******-****') };
  // Only the magnetic stripe proves a health card; a bare 10-digit barcode may be a library card.
  return card.source === 'track2' ? { ...read, cprBirthDate: formatDate(card.birthDate) } : read;
}

export function pinEventFrom(key: PinKey): PinEvent {
  switch (key.type) {
    case 'digit':
      return { type: 'PIN_DIGIT', digit: key.digit };
    case 'enter':
      return { type: 'PIN_ENTER' };
    case 'clear':
      return { type: 'PIN_CLEAR' };
    case 'backspace':
      return { type: 'PIN_BACKSPACE' };
  }
}
