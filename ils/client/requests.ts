// The SIP2 requests the client (and the technician console) send, built from plain values.
import { type CheckinRequest, type CheckoutRequest, type FeePaidRequest, type HoldRequest, type RenewRequest } from '../ils-port';
import { BLANK_SIP2_DATE, formatSip2Date } from '../sip2/dates';
import { SUMMARY_LISTS, type SummaryRequest } from '../sip2/fixed';
import { type Sip2MessageOf } from '../sip2/messages';

export interface RequestContext {
  institution: string;
  terminalPassword?: string;
  language?: string;
  location?: string;
  timeZone: string;
  now: Date;
}

const date = (ctx: RequestContext, at: Date = ctx.now) => formatSip2Date(at, ctx.timeZone);
// An empty AD asks nothing (and some ILSs answer it with CQ=Y): it is never sent.
const pin = (value: string | undefined) => (value !== undefined && value !== '' ? { patronPassword: value } : {});

export const NO_LISTS: SummaryRequest = Object.fromEntries(SUMMARY_LISTS.map((l) => [l, false])) as SummaryRequest;

export function statusRequest(): Sip2MessageOf<'99'> {
  return { code: '99', statusCode: '0', maxPrintWidth: '040', protocolVersion: '2.00' };
}

export function patronInformationRequest(ctx: RequestContext, patronId: string, patronPin: string | undefined, summary: SummaryRequest = NO_LISTS): Sip2MessageOf<'63'> {
  return {
    code: '63',
    language: ctx.language ?? '009',
    transactionDate: date(ctx),
    summary,
    institutionId: ctx.institution,
    patronIdentifier: patronId,
    terminalPassword: ctx.terminalPassword ?? '',
    ...pin(patronPin),
  };
}

export function checkoutRequest(ctx: RequestContext, request: CheckoutRequest): Sip2MessageOf<'11'> {
  const { offline } = request;
  return {
    code: '11',
    scRenewalPolicy: false,
    noBlock: offline !== undefined,
    transactionDate: date(ctx, offline?.transactionDate),
    nbDueDate: offline?.dueDate ? date(ctx, offline.dueDate) : BLANK_SIP2_DATE,
    institutionId: ctx.institution,
    patronIdentifier: request.patronId,
    itemIdentifier: request.itemId,
    terminalPassword: ctx.terminalPassword ?? '',
    ...pin(request.pin),
    ...(request.feeAcknowledged ? { feeAcknowledged: 'Y' } : {}),
  };
}

export function checkinRequest(ctx: RequestContext, request: CheckinRequest): Sip2MessageOf<'09'> {
  const returned = request.offline?.returnDate;
  return {
    code: '09',
    noBlock: returned !== undefined,
    transactionDate: date(ctx, returned),
    returnDate: date(ctx, returned),
    currentLocation: request.location ?? ctx.location ?? '',
    institutionId: ctx.institution,
    itemIdentifier: request.itemId,
    terminalPassword: ctx.terminalPassword ?? '',
  };
}

export function renewRequest(ctx: RequestContext, request: RenewRequest): Sip2MessageOf<'29'> {
  return {
    code: '29',
    thirdPartyAllowed: false,
    noBlock: false,
    transactionDate: date(ctx),
    nbDueDate: BLANK_SIP2_DATE,
    institutionId: ctx.institution,
    patronIdentifier: request.patronId,
    ...pin(request.pin),
    itemIdentifier: request.itemId,
    terminalPassword: ctx.terminalPassword ?? '',
  };
}

export function renewAllRequest(ctx: RequestContext, patronId: string, patronPin?: string): Sip2MessageOf<'65'> {
  return {
    code: '65',
    transactionDate: date(ctx),
    institutionId: ctx.institution,
    patronIdentifier: patronId,
    ...pin(patronPin),
    terminalPassword: ctx.terminalPassword ?? '',
  };
}

export function itemInformationRequest(ctx: RequestContext, itemId: string): Sip2MessageOf<'17'> {
  return { code: '17', transactionDate: date(ctx), institutionId: ctx.institution, itemIdentifier: itemId, terminalPassword: ctx.terminalPassword ?? '' };
}

export function endSessionRequest(ctx: RequestContext, patronId: string, patronPin?: string): Sip2MessageOf<'35'> {
  return {
    code: '35',
    transactionDate: date(ctx),
    institutionId: ctx.institution,
    patronIdentifier: patronId,
    terminalPassword: ctx.terminalPassword ?? '',
    ...pin(patronPin),
  };
}

export function feePaidRequest(ctx: RequestContext, request: FeePaidRequest): Sip2MessageOf<'37'> {
  return {
    code: '37',
    transactionDate: date(ctx),
    feeType: request.feeType ?? '01',
    paymentType: request.paymentType ?? '00',
    currencyType: request.currency ?? 'DKK',
    feeAmount: request.amount.toFixed(2),
    institutionId: ctx.institution,
    patronIdentifier: request.patronId,
    terminalPassword: ctx.terminalPassword ?? '',
    ...pin(request.pin),
    ...(request.feeId !== undefined ? { feeIdentifier: request.feeId } : {}),
    ...(request.transactionId !== undefined ? { transactionId: request.transactionId } : {}),
  };
}

/** A hold placed (mode `+`) on the item for the patron, collected at the kiosk's location unless told otherwise. */
export function holdRequest(ctx: RequestContext, request: HoldRequest): Sip2MessageOf<'15'> {
  const pickup = request.pickupLocation ?? ctx.location;
  return {
    code: '15',
    holdMode: '+',
    transactionDate: date(ctx),
    ...(pickup !== undefined && pickup !== '' ? { pickupLocation: pickup } : {}),
    institutionId: ctx.institution,
    patronIdentifier: request.patronId,
    itemIdentifier: request.itemId,
    terminalPassword: ctx.terminalPassword ?? '',
  };
}
