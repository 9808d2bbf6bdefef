// The requests an SC (the kiosk) sends, declared once (PROTOCOLS.md section 1).
// Fixed fields in wire order; variable fields in the order we write them.
import { AA, AB, AC, AD, AO } from './fields';
import * as f from './fixed';
import { message, one } from './spec';

export const LOGIN = message('93', 'login', { uidAlgorithm: f.algorithm, pwdAlgorithm: f.algorithm }, {
  loginUserId: one('CN'),
  loginPassword: one('CO'),
  locationCode: one('CP'),
});
export const SC_STATUS = message(
  '99',
  'SC status',
  { statusCode: f.statusCode, maxPrintWidth: f.printWidth, protocolVersion: f.protocolVersion },
  {},
);
export const PATRON_STATUS = message('23', 'patron status', { language: f.language, transactionDate: f.date18 }, {
  institutionId: AO,
  patronIdentifier: AA,
  terminalPassword: AC,
  patronPassword: AD,
});
export const PATRON_INFORMATION = message(
  '63',
  'patron information',
  { language: f.language, transactionDate: f.date18, summary: f.summary },
  { institutionId: AO, patronIdentifier: AA, terminalPassword: AC, patronPassword: AD, startItem: one('BP'), endItem: one('BQ') },
);
export const CHECKOUT = message(
  '11',
  'checkout',
  { scRenewalPolicy: f.yesNo, noBlock: f.yesNo, transactionDate: f.date18, nbDueDate: f.date18 },
  {
    institutionId: AO,
    patronIdentifier: AA,
    itemIdentifier: AB,
    terminalPassword: AC,
    itemProperties: one('CH'),
    patronPassword: AD,
    feeAcknowledged: one('BO'),
    cancel: one('BI'),
  },
);

export const CHECKIN = message(
  '09',
  'checkin',
  { noBlock: f.yesNo, transactionDate: f.date18, returnDate: f.date18 },
  { currentLocation: one('AP'), institutionId: AO, itemIdentifier: AB, terminalPassword: AC, itemProperties: one('CH'), cancel: one('BI') },
);
export const RENEW = message(
  '29',
  'renew',
  { thirdPartyAllowed: f.yesNo, noBlock: f.yesNo, transactionDate: f.date18, nbDueDate: f.date18 },
  {
    institutionId: AO,
    patronIdentifier: AA,
    patronPassword: AD,
    itemIdentifier: AB,
    titleIdentifier: one('AJ'),
    terminalPassword: AC,
    itemProperties: one('CH'),
    feeAcknowledged: one('BO'),
  },
);
export const RENEW_ALL = message('65', 'renew all', { transactionDate: f.date18 }, {
  institutionId: AO,
  patronIdentifier: AA,
  patronPassword: AD,
  terminalPassword: AC,
  feeAcknowledged: one('BO'),
});
/** Hold (15): place, cancel or change a patron's hold on an item or title. */
export const HOLD = message('15', 'hold', { holdMode: f.holdMode, transactionDate: f.date18 }, {
  expirationDate: one('BW'),
  pickupLocation: one('BS'),
  holdType: one('BY'),
  institutionId: AO,
  patronIdentifier: AA,
  patronPassword: AD,
  itemIdentifier: AB,
  titleIdentifier: one('AJ'),
  terminalPassword: AC,
  feeAcknowledged: one('BO'),
});
export const END_PATRON_SESSION = message('35', 'end patron session', { transactionDate: f.date18 }, {
  institutionId: AO,
  patronIdentifier: AA,
  terminalPassword: AC,
  patronPassword: AD,
});
export const FEE_PAID = message(
  '37',
  'fee paid',
  { transactionDate: f.date18, feeType: f.twoDigits, paymentType: f.twoDigits, currencyType: f.currency },
  {
    feeAmount: one('BV'),
    institutionId: AO,
    patronIdentifier: AA,
    terminalPassword: AC,
    patronPassword: AD,
    feeIdentifier: one('CG'),
    transactionId: one('BK'),
  },
);
export const ITEM_INFORMATION = message('17', 'item information', { transactionDate: f.date18 }, {
  institutionId: AO,
  itemIdentifier: AB,
  terminalPassword: AC,
});
export const ITEM_STATUS_UPDATE = message('19', 'item status update', { transactionDate: f.date18 }, {
  institutionId: AO,
  itemIdentifier: AB,
  terminalPassword: AC,
  itemProperties: one('CH'),
});
export const REQUEST_ACS_RESEND = message('97', 'request ACS resend', {}, {});
export const REQUEST_SC_RESEND = message('96', 'request SC resend', {}, {});
