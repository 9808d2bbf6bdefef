// Gladsaxe Bibliotekerne, from 003_fbebf93c8a2ebffe.txt (Danish). A short text: most rules are
// unspecified and come from the ILS.
import { type z } from 'zod';
import { type LibraryProfile } from '../schema';
import { ACCESS_LOG_DEFAULT, citer, defaultClosingDays, defaultHours, KIOSK_DEFAULTS, text, unspecified } from './common';

export const GLADSAXE_SEED = '003_fbebf93c8a2ebffe.txt';
const at = citer(GLADSAXE_SEED);

export const gladsaxe: z.input<typeof LibraryProfile> = {
  id: 'gladsaxe',
  name: 'Gladsaxe Bibliotekerne',
  seedFile: GLADSAXE_SEED,
  door: {
    whoMayEnter: text('members (the self-service libraries)', [
      at(11, 'Du kan med det samme reservere, låne og benytte vores digitgale tilbud og selvbetjente biblioteker.'),
    ]),
    credential: text(
      { card: 'health card used as library card', pinDigits: null },
      [
        at(7, 'Vi bruger sundhedskortet som lånerkort.'),
        at(24, 'Dit lånernummer (cpr-nummer) og din pinkode er din indgang'),
      ],
      'the number of PIN digits is not given',
    ),
    minAgeAlone: unspecified(),
    accompaniment: unspecified(),
    lettingOthersIn: unspecified(),
    hours: defaultHours('per branch, published elsewhere'),
    closingDays: defaultClosingDays('no closing days in the text'),
    leaving: unspecified(),
    alarmOutsideHours: unspecified(),
    cardLog: unspecified(),
    videoSurveillance: unspecified(),
    exclusion: unspecified(),
  },
  lending: {
    standardPeriod: text({ months: 1 }, [at(28, 'Lånetiden er normalt 1 måned, og det er gratis at låne.')]),
    materialPeriods: unspecified('which materials are shorter is not said: the ILS sets it'),
    shorterPeriods: text({ days: [] }, [at(28, 'Visse materialer har en kortere lånetid.')]),
    parentsMayBorrowOnChildCard: unspecified(),
    reservations: text({ maxActive: null, description: 'reserve on the website, by phone or in person; notice when ready' }, [
      at(43, 'Du kan reservere materiale via bibliotekets hjemmeside, telefonisk eller ved henvendelse på biblioteket.'),
      at(43, 'Du modtager besked fra biblioteket, når materialet er klar til afhentning.'),
    ]),
    receipts: text({ dueDateOnLoanReceipt: true, returnReceipt: true }, [
      at(28, 'Lånetiden fremgår af udlånskvitteringen.'),
      at(33, 'Når du afleverer materiale, får du en kvittering, som er dokumentation for, at dine materialer er afleveret.'),
    ]),
    interlibraryCost: unspecified('line 44: items can be fetched from other libraries; no cost is given'),
    interlibraryReturn: unspecified(),
  },
  renewal: {
    maxRenewals: unspecified(
      'line 50: "nogle biblioteker kan have begrænsninger på, hvor mange gange et materiale kan fornys": the ILS decides',
    ),
    whenReserved: text('refuse', [at(48, 'Du kan forny det materiale, du har lånt, hvis det ikke er reserveret af andre.')]),
    afterDue: unspecified(),
    earliestDaysBeforeDue: unspecified(),
    periodStart: unspecified(),
    periodLength: unspecified(),
    interlibrary: unspecified(),
  },
  fees: {
    lateFees: unspecified('line 39: the rates are on another page; the ILS computes the fee'),
    grouping: unspecified(),
    reminderDaysBeforeDue: unspecified('line 35: reminders on request, no number of days'),
    recallAfter: unspecified(),
    billAfter: unspecified(),
    collectionAfter: unspecified(),
  },
  borrowing: {
    debtThreshold: unspecified('no amount in the text: the ILS block decides'),
    lostCard: text(
      { blockAtOnce: true, holderLiableUntilBlocked: null },
      [at(20, 'Mister du kortet, skal du straks kontakte biblioteket for at få det spærret.')],
    ),
    otherBlocks: unspecified('line 29: each library may limit a user\'s loans; the ILS applies it'),
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
