// The responses an ACS (the ILS) sends, declared once (PROTOCOLS.md section 1).
import { AA, AB, AF, AG, AO } from './fields';
import * as f from './fixed';
import { many, message, one } from './spec';

const CIRCULATION_RESPONSE_FIELDS = {
  institutionId: AO,
  patronIdentifier: AA,
  itemIdentifier: AB,
  titleIdentifier: one('AJ'),
  dueDate: one('AH'),
  feeType: one('BT'),
  securityInhibit: one('CI'),
  currencyType: one('BH'),
  feeAmount: one('BV'),
  mediaType: one('CK'),
  itemProperties: one('CH'),
  transactionId: one('BK'),
  screenMessage: AF,
  printLine: AG,
};
const CIRCULATION_RESPONSE_FIXED = {
  ok: f.oneZero,
  renewalOk: f.yesNo,
  magneticMedia: f.yesNoUnknown,
  desensitize: f.yesNoUnknown,
  transactionDate: f.date18,
};

export const LOGIN_RESPONSE = message('94', 'login response', { ok: f.oneZero }, {});

export const ACS_STATUS = message(
  '98',
  'ACS status',
  {
    onlineStatus: f.yesNo,
    checkinOk: f.yesNo,
    checkoutOk: f.yesNo,
    acsRenewalPolicy: f.yesNo,
    statusUpdateOk: f.yesNo,
    offlineOk: f.yesNo,
    timeoutPeriod: f.count(3),
    retriesAllowed: f.count(3),
    dateTimeSync: f.date18,
    protocolVersion: f.protocolVersion,
  },
  { institutionId: AO, libraryName: one('AM'), supportedMessages: one('BX'), terminalLocation: one('AN'), screenMessage: AF, printLine: AG },
);

export const PATRON_STATUS_RESPONSE = message(
  '24',
  'patron status response',
  { patronStatus: f.patronStatus, language: f.language, transactionDate: f.date18 },
  {
    institutionId: AO,
    patronIdentifier: AA,
    personalName: one('AE'),
    validPatron: one('BL'),
    validPatronPassword: one('CQ'),
    currencyType: one('BH'),
    feeAmount: one('BV'),
    screenMessage: AF,
    printLine: AG,
  },
);

export const PATRON_INFORMATION_RESPONSE = message(
  '64',
  'patron information response',
  {
    patronStatus: f.patronStatus,
    language: f.language,
    transactionDate: f.date18,
    holdItemsCount: f.count(4),
    overdueItemsCount: f.count(4),
    chargedItemsCount: f.count(4),
    fineItemsCount: f.count(4),
    recallItemsCount: f.count(4),
    unavailableHoldsCount: f.count(4),
  },
  {
    institutionId: AO,
    patronIdentifier: AA,
    personalName: one('AE'),
    holdItemsLimit: one('BZ'),
    overdueItemsLimit: one('CA'),
    chargedItemsLimit: one('CB'),
    validPatron: one('BL'),
    validPatronPassword: one('CQ'),
    currencyType: one('BH'),
    feeAmount: one('BV'),
    feeLimit: one('CC'),
    holdItems: many('AS'),
    overdueItems: many('AT'),
    chargedItems: many('AU'),
    fineItems: many('AV'),
    recallItems: many('BU'),
    unavailableHoldItems: many('CD'),
    homeAddress: one('BD'),
    emailAddress: one('BE'),
    homePhoneNumber: one('BF'),
    /** Extension (Koha, FBS): birth date, YYYYMMDD. */
    birthDate: one('PB'),
    /** Extension (Koha): patron category. */
    patronCategory: one('PC'),
    /** Extension (this product's simulated ILS): `Y` = excluded from unstaffed hours. */
    excludedFromUnstaffed: one('XU'),
    screenMessage: AF,
    printLine: AG,
  },
);

export const CHECKOUT_RESPONSE = message('12', 'checkout response', CIRCULATION_RESPONSE_FIXED, CIRCULATION_RESPONSE_FIELDS);

export const CHECKIN_RESPONSE = message(
  '10',
  'checkin response',
  { ok: f.oneZero, resensitize: f.yesNo, magneticMedia: f.yesNoUnknown, alert: f.yesNo, transactionDate: f.date18 },
  {
    institutionId: AO,
    itemIdentifier: AB,
    permanentLocation: one('AQ'),
    titleIdentifier: one('AJ'),
    sortBin: one('CL'),
    patronIdentifier: AA,
    mediaType: one('CK'),
    itemProperties: one('CH'),
    collectionCode: one('CR'),
    callNumber: one('CS'),
    destinationLocation: one('CT'),
    alertType: one('CV'),
    holdPatronId: one('CY'),
    holdPatronName: one('DA'),
    screenMessage: AF,
    printLine: AG,
  },
);

export const RENEW_RESPONSE = message('30', 'renew response', CIRCULATION_RESPONSE_FIXED, CIRCULATION_RESPONSE_FIELDS);

export const HOLD_RESPONSE = message(
  '16',
  'hold response',
  { ok: f.oneZero, available: f.yesNo, transactionDate: f.date18 },
  {
    expirationDate: one('BW'),
    queuePosition: one('BR'),
    pickupLocation: one('BS'),
    institutionId: AO,
    patronIdentifier: AA,
    itemIdentifier: AB,
    titleIdentifier: one('AJ'),
    screenMessage: AF,
    printLine: AG,
  },
);

export const RENEW_ALL_RESPONSE = message(
  '66',
  'renew all response',
  { ok: f.oneZero, renewedCount: f.count(4), unrenewedCount: f.count(4), transactionDate: f.date18 },
  { institutionId: AO, renewedItems: many('BM'), unrenewedItems: many('BN'), screenMessage: AF, printLine: AG },
);

export const END_SESSION_RESPONSE = message('36', 'end session response', { endSession: f.yesNo, transactionDate: f.date18 }, {
  institutionId: AO,
  patronIdentifier: AA,
  screenMessage: AF,
  printLine: AG,
});

export const FEE_PAID_RESPONSE = message('38', 'fee paid response', { paymentAccepted: f.yesNo, transactionDate: f.date18 }, {
  institutionId: AO,
  patronIdentifier: AA,
  transactionId: one('BK'),
  screenMessage: AF,
  printLine: AG,
});

export const ITEM_INFORMATION_RESPONSE = message(
  '18',
  'item information response',
  { circulationStatus: f.twoDigits, securityMarker: f.twoDigits, feeType: f.twoDigits, transactionDate: f.date18 },
  {
    holdQueueLength: one('CF'),
    dueDate: one('AH'),
    recallDate: one('CJ'),
    holdPickupDate: one('CM'),
    itemIdentifier: AB,
    titleIdentifier: one('AJ'),
    owner: one('BG'),
    currencyType: one('BH'),
    feeAmount: one('BV'),
    mediaType: one('CK'),
    permanentLocation: one('AQ'),
    currentLocation: one('AP'),
    itemProperties: one('CH'),
    destinationLocation: one('CT'),
    callNumber: one('CS'),
    screenMessage: AF,
    printLine: AG,
  },
);

export const ITEM_STATUS_UPDATE_RESPONSE = message(
  '20',
  'item status update response',
  { itemPropertiesOk: f.oneZero, transactionDate: f.date18 },
  { itemIdentifier: AB, titleIdentifier: one('AJ'), itemProperties: one('CH'), screenMessage: AF, printLine: AG },
);
