// Ballerup Bibliotekerne, from 000_3aebcf4530bd5689.txt (English). The text has no section on
// unstaffed hours, so the door rules are mostly defaults or unspecified.
import { type z } from 'zod';
import { type LibraryProfile } from '../schema';
import { ACCESS_LOG_DEFAULT, citer, defaultClosingDays, defaultHours, KIOSK_DEFAULTS, text, unspecified } from './common';

export const BALLERUP_SEED = '000_3aebcf4530bd5689.txt';
const at = citer(BALLERUP_SEED);

const band = (fromDay: number, toDay: number | null, amountDkk: number) => ({ fromDay, toDay, amountDkk });

export const ballerup: z.input<typeof LibraryProfile> = {
  id: 'ballerup',
  name: 'Ballerup Bibliotekerne',
  seedFile: BALLERUP_SEED,
  door: {
    whoMayEnter: text(
      'registered members',
      [at(7, 'To be able to borrow our materials, you must be registered as a member.')],
      'the text has no section on unstaffed hours; membership is the only condition it sets',
    ),
    credential: text(
      { card: 'yellow health card (library card)', pinDigits: 4 },
      [at(10, 'Bring your yellow health card and picture-id.'), at(11, 'Choose a pin of four numbers.')],
      'the site decides what the door asks for; these are the credentials the text gives members',
    ),
    minAgeAlone: unspecified('no age rule for unstaffed hours in the text'),
    accompaniment: unspecified(),
    lettingOthersIn: unspecified(),
    hours: defaultHours('Ballerup has no unstaffed-hours section'),
    closingDays: defaultClosingDays('no closing days in the text'),
    leaving: unspecified(),
    alarmOutsideHours: unspecified(),
    cardLog: unspecified(),
    videoSurveillance: text({ maxDays: null }, [at(67, 'The library is video monitored.')]),
    exclusion: text({ fromUnstaffedHours: false, description: 'a user who does not respect others may be expelled' }, [
      at(65, 'If you do not respect this, you may be expelled.'),
    ]),
  },
  lending: {
    standardPeriod: text({ months: 1 }, [at(27, 'Usually, you will be able to borrow a material for 1 month')]),
    materialPeriods: unspecified('the text does not say which materials have 7 or 14 days: the ILS sets them'),
    shorterPeriods: text({ days: [7, 14] }, [at(27, 'some of the materials had to be handed in after 7 or 14 days')]),
    parentsMayBorrowOnChildCard: unspecified(),
    reservations: text({ maxActive: null, description: 'an item on loan can be reserved on the website' }, [
      at(30, 'If the material you want is already borrowed, you can reserve it on the website.'),
    ]),
    receipts: unspecified('RULES.md lists "return date on receipt", but the Ballerup text has no sentence on receipts'),
    interlibraryCost: unspecified(),
    interlibraryReturn: unspecified(),
  },
  renewal: {
    maxRenewals: text(
      3,
      [at(28, 'It is possible to renew the material 3 times.')],
      'line 29: some materials have lower limits; the ILS knows which',
    ),
    whenReserved: unspecified(
      'RULES.md says a reserved item cannot be renewed, but the Ballerup text has no such sentence: the ILS decides',
    ),
    afterDue: unspecified(),
    earliestDaysBeforeDue: unspecified(),
    periodStart: unspecified(),
    periodLength: unspecified(),
    interlibrary: text({ kind: 'personal-request-only' }, [
      at(28, 'Materials from other libraries can only be renewed by personal request, by telephone or e-mail.'),
    ]),
  },
  fees: {
    lateFees: text(
      [
        { group: 'children', minAge: 0, maxAge: 15, bands: [band(1, 7, 10), band(8, 30, 50), band(31, null, 100)] },
        { group: 'adults', minAge: 16, maxAge: null, bands: [band(1, 7, 20), band(8, 30, 120), band(31, null, 230)] },
      ],
      [
        at(44, 'Fees Children (0-15 years) Adults'),
        at(45, '1 - 7 days 10 kr. 20 kr.'),
        at(46, '8 - 30 days 50 kr. 120 kr.'),
        at(47, '31+ days 100 kr. 230 kr.'),
      ],
      'children are 0-15 years, so adults are 16 and over',
    ),
    grouping: text('per-loan-date-due-date-and-settled-day', [
      at(53, 'If your materials have different return dates.'),
      at(54, 'If your materials are not checked out on the same date, even though they have the same return date'),
      at(55, 'If the materials are not returned at the same day even though they have the same return date.'),
    ]),
    reminderDaysBeforeDue: text(3, [at(49, 'you will receive a notification three days prior to last return date')]),
    recallAfter: unspecified(),
    billAfter: text(
      { days: 35, comparison: 'more-than' },
      [at(59, 'If your materials are more than 5 weeks overdue, you will be charged with a fine to replace the lost materials')],
    ),
    collectionAfter: unspecified(),
  },
  borrowing: {
    debtThreshold: text({ amountDkk: 250, comparison: 'more-than', enforcement: 'shall' }, [
      at(42, 'If you owe the library more than 250 kr. – you will not be able to borrow any more'),
    ]),
    lostCard: text({ blockAtOnce: true, holderLiableUntilBlocked: true }, [
      at(12, 'you are liable for whatever is lent on the card'),
      at(12, 'If you lose your card, please notify us at once, so that we can block the card for further loans.'),
    ]),
    otherBlocks: unspecified('line 29: limits on the number of loans exist; the ILS applies them'),
  },
  retention: {
    accessLogMaxDays: ACCESS_LOG_DEFAULT,
    loanLink: unspecified(),
    loanHistoryAnonymised: unspecified(),
  },
  privacy: {
    neverDiscloseToOthers: unspecified(),
    rightsOfPatron: unspecified(),
    rememberToLogOut: unspecified(),
  },
  kiosk: KIOSK_DEFAULTS,
};
