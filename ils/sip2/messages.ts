// Every SIP2 2.00 message this product speaks, and the types inferred from them.
import {
  CHECKIN, CHECKOUT, END_PATRON_SESSION, FEE_PAID, HOLD, ITEM_INFORMATION, ITEM_STATUS_UPDATE, LOGIN, PATRON_INFORMATION,
  PATRON_STATUS, RENEW, RENEW_ALL, REQUEST_ACS_RESEND, REQUEST_SC_RESEND, SC_STATUS,
} from './request-specs';
import {
  ACS_STATUS, CHECKIN_RESPONSE, CHECKOUT_RESPONSE, END_SESSION_RESPONSE, FEE_PAID_RESPONSE, HOLD_RESPONSE, ITEM_INFORMATION_RESPONSE,
  ITEM_STATUS_UPDATE_RESPONSE, LOGIN_RESPONSE, PATRON_INFORMATION_RESPONSE, PATRON_STATUS_RESPONSE, RENEW_ALL_RESPONSE, RENEW_RESPONSE,
} from './response-specs';
import { type MessageOf } from './spec';

export const MESSAGE_SPECS = [
  LOGIN, LOGIN_RESPONSE, SC_STATUS, ACS_STATUS, PATRON_STATUS, PATRON_STATUS_RESPONSE,
  PATRON_INFORMATION, PATRON_INFORMATION_RESPONSE, CHECKOUT, CHECKOUT_RESPONSE, CHECKIN, CHECKIN_RESPONSE,
  RENEW, RENEW_RESPONSE, RENEW_ALL, RENEW_ALL_RESPONSE, END_PATRON_SESSION, END_SESSION_RESPONSE,
  FEE_PAID, FEE_PAID_RESPONSE, ITEM_INFORMATION, ITEM_INFORMATION_RESPONSE, ITEM_STATUS_UPDATE,
  ITEM_STATUS_UPDATE_RESPONSE, HOLD, HOLD_RESPONSE, REQUEST_ACS_RESEND, REQUEST_SC_RESEND,
] as const;

/** Any message this codec reads or writes, discriminated by `code`. */
export type Sip2Message = MessageOf<(typeof MESSAGE_SPECS)[number]>;
export type Sip2Code = Sip2Message['code'];
export type Sip2MessageOf<C extends Sip2Code> = Extract<Sip2Message, { code: C }>;

/** The response code the ACS answers each request with. */
export const RESPONSE_CODE = {
  '93': '94', '99': '98', '23': '24', '63': '64', '11': '12', '09': '10', '29': '30',
  '65': '66', '35': '36', '37': '38', '17': '18', '19': '20', '15': '16',
} as const;
export type Sip2RequestCode = keyof typeof RESPONSE_CODE;
export type Sip2Request = Sip2MessageOf<Sip2RequestCode>;
export type Sip2ResponseTo<C extends Sip2RequestCode> = Sip2MessageOf<(typeof RESPONSE_CODE)[C]>;

export type Login = Sip2MessageOf<'93'>;
export type LoginResponse = Sip2MessageOf<'94'>;
export type ScStatus = Sip2MessageOf<'99'>;
export type AcsStatus = Sip2MessageOf<'98'>;
export type PatronStatusRequest = Sip2MessageOf<'23'>;
export type PatronStatusResponse = Sip2MessageOf<'24'>;
export type PatronInformationRequest = Sip2MessageOf<'63'>;
export type PatronInformationResponse = Sip2MessageOf<'64'>;
export type CheckoutRequest = Sip2MessageOf<'11'>;
export type CheckoutResponse = Sip2MessageOf<'12'>;
export type CheckinRequest = Sip2MessageOf<'09'>;
export type CheckinResponse = Sip2MessageOf<'10'>;
export type RenewRequest = Sip2MessageOf<'29'>;
export type RenewResponse = Sip2MessageOf<'30'>;
export type RenewAllRequest = Sip2MessageOf<'65'>;
export type RenewAllResponse = Sip2MessageOf<'66'>;
export type EndPatronSessionRequest = Sip2MessageOf<'35'>;
export type EndSessionResponse = Sip2MessageOf<'36'>;
export type FeePaidRequest = Sip2MessageOf<'37'>;
export type FeePaidResponse = Sip2MessageOf<'38'>;
export type ItemInformationRequest = Sip2MessageOf<'17'>;
export type ItemInformationResponse = Sip2MessageOf<'18'>;
export type ItemStatusUpdateRequest = Sip2MessageOf<'19'>;
export type ItemStatusUpdateResponse = Sip2MessageOf<'20'>;
export type HoldRequest = Sip2MessageOf<'15'>;
export type HoldResponse = Sip2MessageOf<'16'>;
