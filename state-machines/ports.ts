// The seams between the machines and the world. The runtime injects an implementation of each
// port (real drivers, the SIP2 client, the store); unit tests inject in-memory fakes.
// Everything here is plain data: a snapshot of any machine can be sent to the renderer as JSON.
import type { PatronFacts as PolicyPatronFacts } from '../policy/index';

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

/** The facts about a patron that the library's rules decide on (policy's `PatronFacts`, where each
 * field is defined), as the machines carry them: name, birth date (ISO or null), loan block and
 * fees always filled in. */
export type PatronFacts = PolicyPatronFacts & Required<Pick<PolicyPatronFacts, 'name' | 'birthDate' | 'borrowingBlocked' | 'feesDkk'>>;

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
  /** `offline`: lent from the kiosk's own knowledge while the ILS was away; the due date is set
   * (and `dueDate` is '') when the queue is replayed. `title` may be '' when the kiosk never heard it. */
  | { ok: true; itemId: string; title: string; dueDate: string; renewed: boolean; offline?: true }
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
  | 'unavailable'
  /** The item left the pad before its tags could be set: not borrowed. */
  | 'item-lifted'
  /** Offline: the kiosk has never heard of the item from the ILS, so it cannot vouch for the loan. */
  | 'unknown-item-offline'
  /** Offline: the tag says reference, acquisition, equipment... not for loan. */
  | 'not-for-loan'
  /** Offline: the tag belongs to another library. */
  | 'other-library'
  /** The tags said "not borrowed" but the ILS could not be told yet: it may still show the loan
   * until the kiosk has taken it back (retried on its own; staff can see it). */
  | 'undo-pending'
  /** The tags could not be put back: the loan stays on the card until the item is on the pad again. */
  | 'needs-staff';

export type ReturnDestination = 'shelf' | 'hold-shelf' | 'other-branch' | 'sort-bin' | 'alert';

export type CheckinOutcome =
  | { ok: true; itemId: string; title: string; destination: ReturnDestination; sortBin?: string; branch?: string }
  | { ok: false; itemId: string; reason: CheckinRefusal; message?: string };

export type CheckinRefusal =
  | 'unreadable-tag'
  | 'incomplete-set'
  | 'ils-refused'
  /** The tags could not be set to "in library": the return was not made, the item stays on loan. */
  | 'afi-write-failed'
  /** No answer from the ILS: not returned, the tags say "on loan" again. */
  | 'unavailable'
  /** The item left the pad before its tags were set: not returned. */
  | 'item-lifted'
  /** The ILS has no loan of it: its tags now say "in library"; it can stay. */
  | 'not-on-loan';

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
