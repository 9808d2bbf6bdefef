// ACS answers -> the port's types. Fixed fields say yes/no; variable fields fill in.
import {
  type CheckinAlertType,
  type CheckinResult,
  type CheckoutResult,
  type CirculationStatus,
  type FeePaidResult,
  type HoldResult,
  type IlsStatus,
  type ItemInformation,
  type PatronInformation,
  type RenewAllResult,
  type RenewResult,
  type SupportedMessages,
} from '../ils-port';
import { parseSip2Date } from '../sip2/dates';
import {
  type AcsStatus,
  type CheckinResponse,
  type CheckoutResponse,
  type FeePaidResponse,
  type HoldResponse,
  type ItemInformationResponse,
  type PatronInformationResponse,
  type RenewAllResponse,
  type RenewResponse,
} from '../sip2/messages';
import { parseAmount, readFine, readLoan, readNotRenewed, readPendingHold, readReadyHold, readRenewed } from './item-lists';
import { readScreenMessages } from './screen-messages';

export interface ReplyOptions {
  timeZone: string;
  /** Patron categories (PC) the library uses to exclude patrons from unstaffed hours. */
  excludedCategories: string[];
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;
const present = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/** FBS prefixes patron ids with their kind (`LN:`, any letter case); the rest of the product wants the id. */
export function plainPatronId(id: string): string {
  return id.replace(/^[A-Za-z]{2,3}:/, '');
}

const SUPPORTED: (keyof SupportedMessages)[] = [
  'patronStatus', 'checkout', 'checkin', 'blockPatron', 'scAcsStatus', 'requestResend', 'login',
  'patronInformation', 'endPatronSession', 'feePaid', 'itemInformation', 'itemStatusUpdate',
  'patronEnable', 'hold', 'renew', 'renewAll',
];

export function readSupportedMessages(bx: string | undefined): SupportedMessages | undefined {
  if (!bx || !/^[YN]{16}/.test(bx)) return undefined;
  return Object.fromEntries(SUPPORTED.map((name, i) => [name, bx[i] === 'Y'])) as SupportedMessages;
}

export function toIlsStatus(reply: AcsStatus, options: ReplyOptions): IlsStatus {
  const dateTimeSync = parseSip2Date(reply.dateTimeSync, options.timeZone);
  const supportedMessages = readSupportedMessages(reply.supportedMessages);
  return {
    online: reply.onlineStatus,
    checkinOk: reply.checkinOk,
    checkoutOk: reply.checkoutOk,
    renewalPolicy: reply.acsRenewalPolicy,
    offlineOk: reply.offlineOk,
    protocolVersion: reply.protocolVersion,
    ...(present(reply.institutionId) ? { institutionId: reply.institutionId } : {}),
    ...(present(reply.libraryName) ? { libraryName: reply.libraryName } : {}),
    ...(dateTimeSync ? { dateTimeSync } : {}),
    ...(supportedMessages ? { supportedMessages } : {}),
    ...readScreenMessages(reply.screenMessage),
  };
}

/** Birth date from PB (Koha, FBS), BC (Polaris) or PD (SirsiDynix), as YYYY-MM-DD. */
function birthDateOf(reply: PatronInformationResponse): string | undefined {
  const candidates = [reply.birthDate, ...(reply.extra ?? []).filter((f) => f.code === 'BC' || f.code === 'PD').map((f) => f.value)];
  for (const value of candidates) {
    const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value ?? '');
    if (m && parseSip2Date(`${m[1]}${m[2]}${m[3]}`)) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return undefined;
}

export function toPatronInformation(reply: PatronInformationResponse, pinSent: boolean, options: ReplyOptions): PatronInformation {
  const { timeZone } = options;
  const name = present(reply.personalName);
  const birthDate = birthDateOf(reply);
  const category = present(reply.patronCategory);
  const total = parseAmount(reply.feeAmount);
  const limit = parseAmount(reply.feeLimit);
  const overdue = new Set((reply.overdueItems ?? []).map((v) => v.split('%')[0]));
  const loans = (reply.chargedItems ?? []).map((v) => readLoan(v, false, timeZone)).filter(defined);
  for (const loan of loans) loan.overdue = overdue.has(loan.itemId);
  const charged = new Set(loans.map((l) => l.itemId));
  // Overdue items the ACS listed without listing them as charged are loans too.
  for (const value of reply.overdueItems ?? []) {
    const loan = readLoan(value, true, timeZone);
    if (loan && !charged.has(loan.itemId)) loans.push(loan);
  }
  return {
    patronId: plainPatronId(reply.patronIdentifier ?? ''),
    valid: reply.validPatron === 'Y' || (reply.validPatron === undefined && name !== undefined),
    ...(pinSent ? { pinValid: reply.validPatronPassword === 'Y' } : {}),
    ...(name ? { name } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(category ? { category } : {}),
    excludedFromUnstaffed: reply.excludedFromUnstaffed === 'Y' || (category !== undefined && options.excludedCategories.includes(category)),
    flags: reply.patronStatus,
    fees: {
      ...(total !== undefined ? { total } : {}),
      ...(present(reply.currencyType) ? { currency: reply.currencyType } : {}),
      ...(limit !== undefined ? { limit } : {}),
      fines: (reply.fineItems ?? []).map((v) => readFine(v, timeZone)).filter(defined),
    },
    loans,
    holdsReady: (reply.holdItems ?? []).map((v) => readReadyHold(v, timeZone)).filter(defined),
    holdsPending: (reply.unavailableHoldItems ?? []).map((v) => readPendingHold(v)).filter(defined),
    ...readScreenMessages(reply.screenMessage),
  };
}

/** FBS puts the title first in CH (`title%author%...`) and a record number in AJ. */
function titleOf(reply: { titleIdentifier?: string; itemProperties?: string }): string | undefined {
  const properties = reply.itemProperties ?? '';
  if (properties.includes('%')) return present(properties.split('%')[0]);
  return present(reply.titleIdentifier);
}

/** What a checkout (12) and a renewal (30) answer alike: the item, its title, and the due date when it went through. */
function loanedItem(reply: CheckoutResponse | RenewResponse, itemId: string, options: ReplyOptions) {
  const dueDate = reply.dueDate ? parseSip2Date(reply.dueDate, options.timeZone) : undefined;
  const title = titleOf(reply);
  return {
    ok: reply.ok,
    itemId: present(reply.itemIdentifier) ?? itemId,
    ...(title ? { title } : {}),
    ...(dueDate && reply.ok ? { dueDate } : {}),
  };
}

export function toCheckoutResult(reply: CheckoutResponse, itemId: string, options: ReplyOptions): CheckoutResult {
  return {
    ...loanedItem(reply, itemId, options),
    renewal: reply.ok && reply.renewalOk,
    ...(reply.desensitize !== 'U' ? { desensitize: reply.desensitize === 'Y' } : {}),
    ...readScreenMessages(reply.screenMessage),
    ...(present(reply.mediaType) ? { mediaType: reply.mediaType } : {}),
    ...(present(reply.transactionId) ? { transactionId: reply.transactionId } : {}),
    recovered: false,
  };
}

export function toRenewResult(reply: RenewResponse, itemId: string, options: ReplyOptions): RenewResult {
  return {
    ...loanedItem(reply, itemId, options),
    ...readScreenMessages(reply.screenMessage),
  };
}

const ALERT_TYPES: Record<string, CheckinAlertType> = {
  '00': 'unknown',
  '01': 'hold-here',
  '02': 'hold-other-branch',
  '03': 'interlibrary-loan',
  '04': 'send-to-other-branch',
  '99': 'other',
};

export function toCheckinResult(reply: CheckinResponse, itemId: string): CheckinResult {
  const title = titleOf(reply);
  const alertType = reply.alertType === undefined ? undefined : (ALERT_TYPES[reply.alertType] ?? 'other');
  return {
    ok: reply.ok,
    itemId: present(reply.itemIdentifier) ?? itemId,
    ...(title ? { title } : {}),
    resensitize: reply.resensitize,
    alert: reply.alert,
    ...(alertType ? { alertType } : {}),
    ...(present(reply.sortBin) ? { sortBin: reply.sortBin } : {}),
    ...(present(reply.destinationLocation) ? { destination: reply.destinationLocation } : {}),
    ...(present(reply.permanentLocation) ? { permanentLocation: reply.permanentLocation } : {}),
    ...(present(reply.holdPatronId) ? { holdPatronId: plainPatronId(reply.holdPatronId ?? '') } : {}),
    ...(present(reply.holdPatronName) ? { holdPatronName: reply.holdPatronName } : {}),
    ...readScreenMessages(reply.screenMessage),
    recovered: false,
  };
}

export function toRenewAllResult(reply: RenewAllResponse, options: ReplyOptions): RenewAllResult {
  return {
    ok: reply.ok,
    renewed: (reply.renewedItems ?? []).filter((v) => v !== '').map((v) => readRenewed(v, options.timeZone)),
    notRenewed: (reply.unrenewedItems ?? []).filter((v) => v !== '').map((v) => readNotRenewed(v, options.timeZone)),
    ...readScreenMessages(reply.screenMessage),
  };
}

const CIRCULATION: Record<string, CirculationStatus> = {
  '01': 'other', '02': 'on-order', '03': 'available', '04': 'charged', '05': 'charged-not-recallable',
  '06': 'in-process', '07': 'recalled', '08': 'on-hold-shelf', '09': 'waiting-to-be-reshelved',
  '10': 'in-transit', '11': 'claimed-returned', '12': 'lost', '13': 'missing',
};

export function toItemInformation(reply: ItemInformationResponse, itemId: string, options: ReplyOptions): ItemInformation {
  const circulationStatus = CIRCULATION[reply.circulationStatus] ?? 'other';
  const title = titleOf(reply);
  const dueDate = reply.dueDate ? parseSip2Date(reply.dueDate, options.timeZone) : undefined;
  const queue = reply.holdQueueLength === undefined ? undefined : Number.parseInt(reply.holdQueueLength, 10);
  return {
    itemId: present(reply.itemIdentifier) ?? itemId,
    // An ACS that does not know an item answers "other" with no title.
    found: !(circulationStatus === 'other' && title === undefined),
    circulationStatus,
    ...(title ? { title } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(queue !== undefined && Number.isFinite(queue) ? { holdQueueLength: queue } : {}),
    ...(present(reply.owner) ? { owner: reply.owner } : {}),
    ...(present(reply.permanentLocation) ? { permanentLocation: reply.permanentLocation } : {}),
    ...(present(reply.currentLocation) ? { currentLocation: reply.currentLocation } : {}),
    ...(present(reply.destinationLocation) ? { destination: reply.destinationLocation } : {}),
    ...(present(reply.mediaType) ? { mediaType: reply.mediaType } : {}),
    ...readScreenMessages(reply.screenMessage),
  };
}

export function toFeePaidResult(reply: FeePaidResponse): FeePaidResult {
  return {
    accepted: reply.paymentAccepted,
    ...(present(reply.transactionId) ? { transactionId: reply.transactionId } : {}),
    ...readScreenMessages(reply.screenMessage),
  };
}

export function toHoldResult(reply: HoldResponse, itemId: string): HoldResult {
  const position = reply.queuePosition === undefined ? undefined : Number(reply.queuePosition.trim());
  return {
    ok: reply.ok,
    available: reply.available,
    itemId: present(reply.itemIdentifier) ?? itemId,
    // Number('') is 0: a blank BR says nothing.
    ...(position !== undefined && Number.isInteger(position) && position > 0 ? { queuePosition: position } : {}),
    ...readScreenMessages(reply.screenMessage),
  };
}
