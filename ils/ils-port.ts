// The ILS port: what the rest of the product asks of the library system, in the library's
// words. Implemented by the SIP2 client (raw TCP, TLS or the FBS envelope).
import { type PatronStatus } from './sip2/fixed';

export type IlsLinkState = 'unknown' | 'online' | 'offline';

/** Online/offline state of the ILS link, with hysteresis; the kiosk watches it. */
export interface IlsLinkWatcher {
  readonly state: IlsLinkState;
  /** Called on every change; returns an unsubscribe function. */
  subscribe(listener: (state: IlsLinkState, previous: IlsLinkState) => void): () => void;
}

export type SupportedMessages = Record<
  | 'patronStatus' | 'checkout' | 'checkin' | 'blockPatron' | 'scAcsStatus' | 'requestResend' | 'login'
  | 'patronInformation' | 'endPatronSession' | 'feePaid' | 'itemInformation' | 'itemStatusUpdate'
  | 'patronEnable' | 'hold' | 'renew' | 'renewAll',
  boolean
>;

export interface IlsStatus {
  online: boolean;
  checkinOk: boolean;
  checkoutOk: boolean;
  renewalPolicy: boolean;
  offlineOk: boolean;
  protocolVersion: string;
  institutionId?: string;
  libraryName?: string;
  dateTimeSync?: Date;
  supportedMessages?: SupportedMessages;
  screenMessages: string[];
  reason?: IlsReason;
}

/** A reason the ILS gave in machine-readable form (FBS: a bracketed code in AF, `[BEFORE_RENEW_PERIOD]`);
 * results carry it as `reason`, and their screenMessages keep the human text only. */
export interface IlsReason {
  /** The code as the ILS sent it. */
  code: string;
  /** The product's name for a code whose meaning is on record; absent for the others. */
  known?: KnownIlsReason;
}

export type KnownIlsReason = 'renewal-too-early';

/** The 14 patron status flags of SIP2 (charge privileges denied, card reported lost, ...). */
export type PatronStatusFlags = PatronStatus;

export interface Loan {
  itemId: string;
  dueDate?: Date;
  title?: string;
  author?: string;
  overdue: boolean;
}

export interface Hold {
  itemId?: string;
  bibliographicId?: string;
  title?: string;
  pickupLocation?: string;
  /** For a hold ready for pickup: the last day to collect it, when the ILS says. */
  pickupBy?: Date;
}

export interface Fine {
  /** The ILS's text for the fine (standard SIP2), or the FBS fields joined for display. */
  description: string;
  itemId?: string;
  fineId?: string;
  amount?: number;
  date?: Date;
  title?: string;
}

export interface FeeStatus {
  /** Total owed, in the ILS's currency (DKK for Danish libraries), when the ILS says. */
  total?: number;
  currency?: string;
  /** The ILS's own fee limit (CC), when sent. */
  limit?: number;
  fines: Fine[];
}

export interface PatronInformation {
  /** As the ILS knows the patron (an `LN:` prefix from FBS removed). */
  patronId: string;
  valid: boolean;
  /** Whether the PIN was right; undefined when no PIN was sent. */
  pinValid?: boolean;
  name?: string;
  /** `YYYY-MM-DD`, when the ILS sends a birth date. */
  birthDate?: string;
  category?: string;
  excludedFromUnstaffed: boolean;
  flags: PatronStatusFlags;
  fees: FeeStatus;
  loans: Loan[];
  holdsReady: Hold[];
  holdsPending: Hold[];
  /** Human text only; a machine-readable code the ILS sent is in `reason`. */
  screenMessages: string[];
  reason?: IlsReason;
}

export type PatronVerification =
  | { result: 'ok'; patron: PatronInformation }
  | { result: 'unknown-patron' | 'wrong-pin' };

export type PatronList = 'loans' | 'holds' | 'fines';

export interface CheckoutRequest {
  patronId: string;
  itemId: string;
  pin?: string;
  feeAcknowledged?: boolean;
  /** Offline replay: no block, with the original transaction time (and due date given then). */
  offline?: { transactionDate: Date; dueDate?: Date };
}

export interface CheckoutResult {
  ok: boolean;
  itemId: string;
  title?: string;
  dueDate?: Date;
  /** The item was already on loan to this patron and the ILS renewed it. */
  renewal: boolean;
  /** The ILS's word on the security bit: true = turn it off (AFI "checked out"); undefined = not said. */
  desensitize?: boolean;
  screenMessages: string[];
  reason?: IlsReason;
  mediaType?: string;
  transactionId?: string;
  /** The reply was lost; the outcome was read back from the ILS after reconnecting. */
  recovered: boolean;
}

export type CheckinAlertType =
  | 'unknown' | 'hold-here' | 'hold-other-branch' | 'interlibrary-loan' | 'send-to-other-branch' | 'other';

export interface CheckinRequest {
  itemId: string;
  /** Where the kiosk stands (AP); the client's configured location by default. */
  location?: string;
  /** Offline replay: no block, with the original return time. */
  offline?: { returnDate: Date };
}

export interface CheckinResult {
  ok: boolean;
  itemId: string;
  title?: string;
  /** The ILS's word on the security bit: true = turn it on again (AFI "in the library"). */
  resensitize: boolean;
  alert: boolean;
  alertType?: CheckinAlertType;
  sortBin?: string;
  destination?: string;
  permanentLocation?: string;
  /** For a hold: who it is for. For staff and the hold-shelf slip only, never for the returner. */
  holdPatronId?: string;
  holdPatronName?: string;
  screenMessages: string[];
  reason?: IlsReason;
  recovered: boolean;
}

export interface RenewRequest {
  patronId: string;
  itemId: string;
  pin?: string;
}

export interface RenewResult {
  ok: boolean;
  itemId: string;
  title?: string;
  dueDate?: Date;
  screenMessages: string[];
  reason?: IlsReason;
}

export interface RenewAllResult {
  ok: boolean;
  renewed: { itemId: string; dueDate?: Date; title?: string }[];
  notRenewed: { itemId: string; reason?: string; dueDate?: Date; title?: string }[];
  screenMessages: string[];
  reason?: IlsReason;
}

export type CirculationStatus =
  | 'other' | 'on-order' | 'available' | 'charged' | 'charged-not-recallable' | 'in-process' | 'recalled'
  | 'on-hold-shelf' | 'waiting-to-be-reshelved' | 'in-transit' | 'claimed-returned' | 'lost' | 'missing';

/** The statuses under which the ILS has the item lent to a patron. SIP2 18 'recalled' (07) is a
 * loan too: charged, and asked back early for another patron's hold. */
const ON_LOAN: ReadonlySet<CirculationStatus> = new Set<CirculationStatus>(['charged', 'charged-not-recallable', 'recalled']);

/** Is the item on loan (to anyone)? The one answer every caller uses. */
export function isOnLoan(status: CirculationStatus): boolean {
  return ON_LOAN.has(status);
}

export interface ItemInformation {
  itemId: string;
  /** False when the ILS does not know the item. */
  found: boolean;
  circulationStatus: CirculationStatus;
  title?: string;
  dueDate?: Date;
  holdQueueLength?: number;
  owner?: string;
  permanentLocation?: string;
  currentLocation?: string;
  destination?: string;
  mediaType?: string;
  screenMessages: string[];
  reason?: IlsReason;
}

export interface FeePaidRequest {
  patronId: string;
  amount: number;
  currency?: string;
  /** SIP2 fee type (01 other/unknown ... 06 overdue), default 01. */
  feeType?: string;
  /** SIP2 payment type (00 cash, 01 VISA, 02 credit card), default 00. */
  paymentType?: string;
  feeId?: string;
  transactionId?: string;
  pin?: string;
}

export interface FeePaidResult {
  accepted: boolean;
  transactionId?: string;
  screenMessages: string[];
  reason?: IlsReason;
}

export interface HoldRequest {
  patronId: string;
  itemId: string;
  /** Where the patron collects it (BS); the client's configured location by default. */
  pickupLocation?: string;
}

export interface HoldResult {
  /** The ILS holds the item for the patron. */
  ok: boolean;
  /** The item is on the shelf (on the hold shelf now), not on loan or on its way. */
  available: boolean;
  itemId: string;
  /** The patron's place in the item's queue, when the ILS says. */
  queuePosition?: number;
  screenMessages: string[];
  reason?: IlsReason;
}

/** The ILS as the kiosk and the door see it. "No" answers are results; failures throw IlsError. */
export interface Ils {
  readonly link: IlsLinkWatcher;
  /** Connects and logs in (raw SIP2); FBS has no login, so there it checks the ILS answers. */
  login(): Promise<void>;
  status(): Promise<IlsStatus>;
  verifyPatron(patronId: string, pin: string): Promise<PatronVerification>;
  /**
   * Lists default to loans, holds and fines. Where the ILS lists loans without due dates
   * (standard SIP2), item information fills them in unless `dueDates` is false.
   */
  patronInformation(patronId: string, options?: { pin?: string; lists?: PatronList[]; dueDates?: boolean }): Promise<PatronInformation>;
  checkout(request: CheckoutRequest): Promise<CheckoutResult>;
  checkin(request: CheckinRequest): Promise<CheckinResult>;
  renew(request: RenewRequest): Promise<RenewResult>;
  renewAll(patronId: string, pin?: string): Promise<RenewAllResult>;
  itemInformation(itemId: string): Promise<ItemInformation>;
  endSession(patronId: string, pin?: string): Promise<boolean>;
  feeStatus(patronId: string, pin?: string): Promise<FeeStatus>;
  feePaid(request: FeePaidRequest): Promise<FeePaidResult>;
  /** Places a hold for the patron on the item (SIP2 15, mode +); never sent twice, like renewals. */
  placeHold(request: HoldRequest): Promise<HoldResult>;
  /** Stops the heartbeat and closes the connection. */
  close(): Promise<void>;
}
