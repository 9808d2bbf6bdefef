// The seams between the machines and the world. The runtime injects an implementation of each
// port (real drivers, the SIP2 client, the store); unit tests inject in-memory fakes.
// Everything here is plain data: a snapshot of any machine can be sent to the renderer as JSON.

/** A card as the door and kiosk see it. `patronId` is what the ILS knows the patron by (for a
 * health card that is the CPR): sensitive, never logged or shown; use `masked` for display. */
export interface CardRead {
  kind: 'health-card' | 'library-card';
  patronId: string;
  masked: string;
  /** ISO birth date from the CPR on a health card's magnetic stripe. Absent for a bare 10-digit
   * number (a barcode, which may as well be a library card number): the ILS's birth date wins. */
  cprBirthDate?: string;
}

/** The facts about a patron that the library's rules decide on. */
export interface PatronFacts {
  /** Display name as the ILS gives it (first name only on screen). */
  name: string;
  /** ISO date (YYYY-MM-DD) when known from the CPR or the ILS. */
  birthDate: string | null;
  cardLost: boolean;
  excludedFromUnstaffed: boolean;
  /** Any ILS block on borrowing other than fees (charge privileges denied, too many overdue...). */
  borrowingBlocked: boolean;
  /** The library has blocked the card itself (not for fees or a lost card): keeps the patron out
   * at the door too. */
  blocked?: boolean;
  feesDkk: number;
}

export type VerifyResult =
  | { outcome: 'valid'; patron: PatronFacts; source: 'ils' | 'cache' }
  | { outcome: 'wrong-pin'; attemptsLeft: number }
  | { outcome: 'unknown-card' }
  | { outcome: 'card-locked'; until: string }
  /** Offline and the card is not in the credential cache (or the cached entry expired). */
  | { outcome: 'offline-unknown' }
  /** No answer from the ILS (the cache may decide), or, with `answered`, an answer that could not
   * be used (the ILS was reachable: refused, the cache is not asked). */
  | { outcome: 'unavailable'; detail: string; answered?: true };

export interface PinCredentials {
  card: CardRead;
  pin: string;
}

export interface DoorEntryLog {
  at: string;
  decision: 'allowed' | 'denied';
  reason: string;
  card: CardRead;
  /** A child let in with an adult: the adult's card (the adult's own entry is a row of its own). */
  accompaniedBy?: CardRead;
}

export interface Loan {
  itemId: string;
  title: string;
  dueDate: string;
  renewals?: number;
  reserved?: boolean;
  interlibrary?: boolean;
}

export interface HoldReady {
  itemId: string;
  title: string;
  pickupLocation: string;
  pickupBy?: string;
}

export interface PatronAccount {
  patron: PatronFacts;
  loans: Loan[];
  holdsReady: HoldReady[];
  feesDkk: number;
}

/** One tag on the RFID pad, decoded from its ISO 28560-3 user memory. */
export interface PlacedTag {
  uid: string;
  itemId: string | null;
  partsInSet: number;
  partNumber: number;
  /** Set when the tag could not be decoded (corrupt data, bad CRC...). */
  error?: string;
}

export type CheckoutOutcome =
  | { ok: true; itemId: string; title: string; dueDate: string; renewed: boolean }
  | { ok: false; itemId: string; title?: string; reason: CheckoutRefusal; message?: string };

export type CheckoutRefusal =
  | 'incomplete-set'
  | 'patron-blocked'
  | 'reserved-by-another'
  | 'on-loan-to-another'
  | 'unreadable-tag'
  | 'ils-refused'
  | 'afi-write-failed'
  | 'offline-limit-reached'
  | 'unavailable';

export type ReturnDestination = 'shelf' | 'hold-shelf' | 'other-branch' | 'sort-bin' | 'alert';

export type CheckinOutcome =
  | { ok: true; itemId: string; title: string; destination: ReturnDestination; sortBin?: string; branch?: string }
  | { ok: false; itemId: string; reason: 'unreadable-tag' | 'incomplete-set' | 'ils-refused' | 'afi-write-failed' | 'unavailable'; message?: string };

export type RenewOutcome =
  | { ok: true; itemId: string; dueDate: string }
  /** `reason` is a code ('reserved', 'limit-reached', 'ils-refused', 'unavailable'...); the ILS's
   * own words, when it gave any, are in `message`. */
  | { ok: false; itemId: string; reason: string; message?: string };

export interface ReceiptLine {
  itemId: string;
  title: string;
  dueDate?: string;
  destination?: ReturnDestination;
}

export type DeviceName = 'cardReader' | 'pinPad' | 'lock' | 'rfid' | 'printer' | 'ils';

export interface DeviceState {
  device: DeviceName;
  state: 'connected' | 'disconnected' | 'error';
  detail?: string;
}

/** What the receipt printer is asked to print; the runtime lays it out (ESC/POS). */
export interface ReceiptRequest {
  kind: 'checkout' | 'return';
  language: 'da' | 'en';
  lines: ReceiptLine[];
}

/** A transaction made offline, waiting for (or done with) replay; no patron identity. */
export interface OfflineQueueEntry {
  id: number;
  kind: 'checkout' | 'checkin' | 'renew';
  itemId: string;
  at: string;
  state: 'pending' | 'replayed' | 'refused';
  detail?: string;
}

/** Version and configuration as the runtime shows them in diagnostics (secrets masked). */
export interface DiagnosticsSummary {
  version: string;
  library: string;
  branch: string;
  settings: Record<string, string | number | boolean | null>;
}

export interface IlsRoundTrip {
  ok: boolean;
  ms: number;
  detail?: string;
}

/** How a technician identifies for diagnostics: a technician card, or a code typed on screen. */
export type TechnicianCredential = { card: CardRead } | { code: string };
