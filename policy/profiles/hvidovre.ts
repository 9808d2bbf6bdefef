// HvidovreBibliotekerne, from 002_c71d59b98ba7c517.txt (Danish).
import { type z } from 'zod';
import { type LibraryProfile } from '../schema';
import { citer, defaultHours, KIOSK_DEFAULTS, text, unspecified } from './common';

export const HVIDOVRE_SEED = '002_c71d59b98ba7c517.txt';
const at = citer(HVIDOVRE_SEED);

const access = at(43, 'Der er adgang for alle indmeldte brugere over 15 år med sundhedskort.');
const underFifteen = at(47, 'Børn og unge under 15 år skal følges med en person over 18 år, der har adgang.');
const renewThreeTimes = at(102, 'Du kan forny et materiale 3 gange, så længe materialet ikke er reserveret af en anden.');
const oneMonthInAll = at(102, 'hvis du fx fornyer 3 gange lige efter hinanden vil lånetiden i alt kun være en måned.');
const cardLogLines = [
  at(51, 'De anvendte sundhedskort logges.'),
  at(51, 'Loggen er kun tilgængelig ved begrundet mistanke om hærværk, tyveri eller andre strafferetlige forhold'),
  at(53, 'Data gemmes ikke længere end 30 dage, medmindre de indgår i en efterforskning.'),
];
const rights = [
  at(166, 'Du kan til enhver tid få oplyst, hvilke data vi gemmer om dig.'),
  at(168, 'Du kan få rettet eventuelle forkerte data.'),
  at(170, 'medmindre du har lånte materialer hjemme eller økonomiske udeståender.'),
];

export const hvidovre: z.input<typeof LibraryProfile> = {
  id: 'hvidovre',
  name: 'HvidovreBibliotekerne',
  seedFile: HVIDOVRE_SEED,
  door: {
    whoMayEnter: text('registered users over 15 with a health card', [access]),
    credential: text({ card: 'health card scanned at the entrance', pinDigits: 4 }, [
      at(43, 'Scan sundhedskortet i kortlæseren ved indgangen for at komme ind og indtast din firecifrede pinkode.'),
    ]),
    minAgeAlone: text(15, [access, underFifteen], '"over 15" and "under 15" together: a 15-year-old may enter alone'),
    accompaniment: text(
      { companionMinAge: 18, companionMustHaveAccess: true },
      [underFifteen, at(24, 'hvis du er fyldt 18 år')],
      '"over 18" read as having turned 18, the age the text uses for adults',
    ),
    lettingOthersIn: text({ allowed: false, appliesFromAge: 15, helperForDisabled: true }, [
      at(49, 'Det er ikke tilladt at lukke andre personer over 15 år med ind på biblioteket. Dog kan handicappede medbringe hjælper/ledsager.'),
    ]),
    hours: defaultHours('per branch, published elsewhere: line 198 "Se bibliotekernes åbningstider og faste lukkedage."'),
    closingDays: text(
      { publicHolidays: true, dates: [], note: 'special occasions are announced on the website: add them to the site configuration' },
      [at(59, 'Ved helligdage og særlige lejligheder kan der være begrænset adgang eller lukket.')],
    ),
    leaving: text('leave after the loudspeaker closing announcement', [
      at(57, 'Biblioteket skal forlades efter højtalerbesked om lukketid.'),
    ]),
    alarmOutsideHours: unspecified(),
    cardLog: text(
      { logged: true, openedOnlyOn: 'justified suspicion of vandalism, theft or other crime', maxDays: 30 },
      cardLogLines,
    ),
    videoSurveillance: text({ maxDays: 30 }, [
      at(36, 'Både Hovedbiblioteket og Avedøre Bibliotek er udstyret med kameraovervågning.'),
      at(36, 'De gemmes ikke længere end 30 dage, medmindre de indgår i en efterforskning.'),
    ]),
    exclusion: text(
      { fromUnstaffedHours: true, description: 'problem behaviour in unstaffed hours can exclude a user from the unstaffed hours at Hovedbiblioteket' },
      [at(154, 'Brugere med problematisk adfærd i den selvbetjente åbningstid, kan udelukkes fra at bruge den selvbetjente åbningstid på Hovedbiblioteket.')],
    ),
  },
  lending: {
    standardPeriod: unspecified('line 94 only points to another page: "Se vores regler om lånetid, gebyr og erstatninger"'),
    materialPeriods: unspecified(),
    shorterPeriods: unspecified(),
    parentsMayBorrowOnChildCard: text(true, [at(67, 'Forældre kan låne til deres barn på barnets lånerkort.')]),
    reservations: text({ maxActive: null, description: 'items on loan can be reserved; the library sends notice' }, [
      at(112, 'Materialer, som er udlånt, kan reserveres'),
      at(114, 'Biblioteket sender besked, når materialet kan afhentes.'),
    ]),
    receipts: unspecified('RULES.md lists receipts for Hvidovre ("same"), but the text only says phone and web renewals give none (line 106)'),
    interlibraryCost: unspecified(),
    interlibraryReturn: unspecified(),
  },
  renewal: {
    maxRenewals: text(3, [renewThreeTimes]),
    whenReserved: text('refuse', [renewThreeTimes, at(98, 'Hvis materialet ikke er bestilt af andre kan alle lån som hovedregel fornys')]),
    afterDue: text(
      'allowed-with-late-fee',
      [
        at(104, 'Du kan forny materialer selv efter lånetiden er overskredet, så længe det pågældende materiale ikke er reserveret.'),
        at(136, 'der afleveres eller fornys for sent på forskellige datoer, udløser gebyr hver gang.'),
      ],
    ),
    earliestDaysBeforeDue: unspecified(),
    periodStart: text('renewal-day', [oneMonthInAll], 'three renewals in a row still give one month in all, so each runs from the renewal day'),
    periodLength: text({ months: 1 }, [oneMonthInAll], 'the same sentence gives a renewal one month'),
    interlibrary: text({ kind: 'if-owner-allows', maxRenewals: 2, onlyBeforeDue: true }, [
      at(122, 'Fornyelse af fjernlån kan ske, hvis oprindelsesbiblioteket tillader det, dog maksimalt i 2 ekstra låneperioder, og kun hvis fornyelse sker rettidigt.'),
    ]),
  },
  fees: {
    lateFees: unspecified('rates are published elsewhere (line 138): the ILS computes the fee'),
    grouping: text('per-loan-date-due-date-and-settled-day', [
      at(134, 'Taksterne beregnes efter udlåns- og afleveringsdato, uanset om der er lånt et eller flere materialer.'),
      at(136, 'Materialer med samme udlåns- og afleveringsdato, der afleveres eller fornys for sent på forskellige datoer, udløser gebyr hver gang.'),
    ]),
    reminderDaysBeforeDue: unspecified(),
    recallAfter: unspecified(),
    billAfter: unspecified(),
    collectionAfter: unspecified(),
  },
  borrowing: {
    debtThreshold: text({ amountDkk: 200, comparison: 'at-least', enforcement: 'shall' }, [
      at(152, 'Lånere, der skylder biblioteket 200 kr. eller derover i gebyrer, udelukkes fra at låne, indtil hele gælden er betalt.'),
    ]),
    lostCard: text({ blockAtOnce: true, holderLiableUntilBlocked: true }, [
      at(73, 'har du pligt til straks at melde det til biblioteket, som spærrer kortet.'),
      at(73, 'Indtil det sker, kan du gøres ansvarlig for et eventuelt misbrug.'),
    ]),
    otherBlocks: text(
      ['repeated non-return or return of damaged items'],
      [at(150, 'Lånere, der i gentagne tilfælde ikke afleverer lånte materialer, eller afleverer lånte materialer i beskadiget stand, kan udelukkes fra at låne.')],
    ),
  },
  retention: {
    accessLogMaxDays: text(30, cardLogLines),
    loanLink: text({ deletedAtReturn: true, staffMayTraceDays: 28 }, [
      at(81, 'Oplysningerne slettes, når materialerne afleveres.'),
      at(81, 'Biblioteket har dog op til 4 uger efter afleveringen mulighed for at se, hvem der har lånt et givent materiale.'),
    ]),
    loanHistoryAnonymised: text({ daysAfterReturn: 30, whenDebtPaidIfFeeAttached: true }, [
      at(176, 'Oplysninger om, hvilke materialer, du har lånt, anonymiseres 30 dage efter, at du har afleveret materialet'),
      at(176, 'I så tilfælde anonymiseres lånet først i det øjeblik gælden er betalt.'),
    ]),
  },
  privacy: {
    neverDiscloseToOthers: text(true, [
      at(174, 'må biblioteket ikke oplyse uvedkommende om, hvilke lån, gebyrer, erstatningssager, reserveringer mv. du er noteret for.'),
    ]),
    rightsOfPatron: text(
      'a patron may see what is stored about them, have it corrected, and ask to be deleted unless items or debt are outstanding',
      rights,
    ),
    rememberToLogOut: text('log out: a session left open lets others use the profile', [
      at(194, 'hvis du ikke gør det, kan andre bruge din profil.'),
    ]),
  },
  kiosk: KIOSK_DEFAULTS,
};
