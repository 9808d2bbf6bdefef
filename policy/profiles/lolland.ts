// LollandBibliotekerne (Nakskov, Maribo, Rødbyhavn), from 004_b686f1cede17f4fc.txt (English).
import { type z } from 'zod';
import { type LibraryProfile } from '../schema';
import { ACCESS_LOG_DEFAULT, citer, defaultClosingDays, everyDay, KIOSK_DEFAULTS, text, unspecified } from './common';

export const LOLLAND_SEED = '004_b686f1cede17f4fc.txt';
const at = citer(LOLLAND_SEED);

const openLibraries = at(
  11,
  'The three libraries - Nakskov, Maribo and Rødbyhavn Library - are open to use 7 days a week from 7 am to 10 pm.',
);
const periods = at(
  33,
  'The loan period for books and music is 30 days, unless they are noted as "kviklån", in which case you may borrow them for 15 days.',
);
const periodsShort = at(33, 'The loan period for magasines, movies and video games is 14 days.');
const renewalLine = at(34, 'Most materials kan be renewed twice.');

export const lolland: z.input<typeof LibraryProfile> = {
  id: 'lolland',
  name: 'LollandBibliotekerne',
  seedFile: LOLLAND_SEED,
  door: {
    whoMayEnter: text('active users', [
      at(11, 'To gain access to the libraries during unstaffed hours, you need to be an active user of the library.'),
    ]),
    credential: text({ card: 'yellow health card or library card', pinDigits: 4 }, [
      at(15, 'The yellow health card usually functions as your library card.'),
      at(26, 'To use the self-service machines at the library, a 4-digit pin code is required.'),
    ]),
    minAgeAlone: unspecified(),
    accompaniment: unspecified(),
    lettingOthersIn: unspecified(),
    hours: text(
      { nakskov: everyDay('07:00', '22:00'), maribo: everyDay('07:00', '22:00'), roedbyhavn: everyDay('07:00', '22:00') },
      [openLibraries],
    ),
    closingDays: defaultClosingDays('the text says "7 days a week" and names no holidays'),
    leaving: unspecified('the text gives no leaving rule; see the alarm'),
    alarmOutsideHours: text({ from: '22:00', to: '07:00', causerPays: true }, [
      at(103, "The library's alarm turns on between 22 pm and 7 am."),
      at(103, 'the person(s) causing the alarm to go off will be held responsible for the related costs.'),
    ]),
    cardLog: unspecified(),
    videoSurveillance: unspecified(),
    exclusion: text({ fromUnstaffedHours: false, description: 'disorderly users or users who do not follow staff directions may be banned' }, [
      at(80, "Library users that fail to act in an orderly and respectful manner in the library's space or fail to follow the directions of the library staff, may be banned."),
    ]),
  },
  lending: {
    standardPeriod: unspecified('the text gives periods per material type only'),
    materialPeriods: text(
      {
        book: { days: 30 },
        music: { days: 30 },
        'quick-loan': { days: 15 },
        magazine: { days: 14 },
        film: { days: 14 },
        'video-game': { days: 14 },
      },
      [periods, periodsShort],
    ),
    shorterPeriods: unspecified(),
    parentsMayBorrowOnChildCard: unspecified(),
    reservations: text({ maxActive: 50, description: 'most materials can be reserved, free of charge, at most 50 at once' }, [
      at(50, 'You can at most have 50 active reservations/requests at once!'),
    ]),
    receipts: text({ dueDateOnLoanReceipt: true, returnReceipt: true }, [
      at(32, 'The return date for every borrowed material appears on the receipt printed when borrowing materials.'),
      at(35, 'When you return your materials, you can get a receipt documenting the return.'),
    ]),
    interlibraryCost: text('free within Denmark; requests from abroad cost the user', [
      at(51, 'This is free of charge for the library user.'),
      at(51, 'If materials are requested from abroad, the library user must pay any connected costs.'),
    ]),
    interlibraryReturn: unspecified(),
  },
  renewal: {
    maxRenewals: text(2, [renewalLine], '"most materials": the ILS knows the exceptions'),
    whenReserved: text('refuse', [at(34, 'You can renew the loan period, if the material is not reserved to another library user.')]),
    afterDue: text('allowed-with-late-fee', [
      at(38, 'If materiales are returned late, you will get a late fee. This is also the case, if materials are renewed after the return date.'),
    ]),
    earliestDaysBeforeDue: text(10, [at(34, 'Renewal can at the earliest take place 10 days before the return date.')]),
    periodStart: unspecified(),
    periodLength: unspecified(),
    interlibrary: unspecified(),
  },
  fees: {
    lateFees: unspecified('line 62 points to a separate rate list: the ILS computes the fee'),
    grouping: text('per-loan-date-due-date-and-settled-day', [
      at(61, 'The fee rates apply to materials with the same borrow and return date.'),
    ]),
    reminderDaysBeforeDue: unspecified('line 39: reminders are offered, no number of days'),
    recallAfter: text({ days: 14, comparison: 'at-least' }, [
      at(56, 'After 14 days past the return date has passed, you will receive a recall-message.'),
    ]),
    billAfter: text({ days: 35, comparison: 'at-least' }, [at(57, '5 weeks past the return date, you will receive a bill.')]),
    collectionAfter: text({ days: 49, comparison: 'at-least' }, [
      at(58, 'The bill will be sent for collection, when the loan period is expired by 7 weeks.'),
    ]),
  },
  borrowing: {
    debtThreshold: text({ amountDkk: 200, comparison: 'at-least', enforcement: 'shall' }, [
      at(79, 'Library users that owe 200 kr. or more in fees are banned from borrowing, until the debt is paid.'),
    ]),
    lostCard: text({ blockAtOnce: true, holderLiableUntilBlocked: true }, [
      at(20, 'If you lose your yellow health card/library card, please immediatly block your card'),
      at(21, 'You are personally responsible for any books/materials burrowed using your yellow health card/library card, before the card is blocked.'),
    ]),
    otherBlocks: text(
      ['repeated non-return or return of damaged items', 'disorderly behaviour or not following staff directions'],
      [
        at(78, 'Library users that repeatedly do not return borrowed materials or return materials in damaged condition, can be banned from borrowing materials.'),
        at(80, 'may be banned'),
      ],
    ),
  },
  retention: {
    accessLogMaxDays: ACCESS_LOG_DEFAULT,
    loanLink: text({ deletedAtReturn: true, staffMayTraceDays: null }, [
      at(37, 'Information about borrowed materials is deleted, when the material is returned.'),
    ]),
    loanHistoryAnonymised: unspecified(),
  },
  privacy: {
    neverDiscloseToOthers: unspecified(),
    rightsOfPatron: unspecified('line 45 only says the processing complies with GDPR'),
    rememberToLogOut: unspecified(),
  },
  kiosk: KIOSK_DEFAULTS,
};
