// Københavns Biblioteker, from 001_c8c0455d8f088892.txt (Danish).
import { type z } from 'zod';
import { type LibraryProfile } from '../schema';
import { ACCESS_LOG_DEFAULT, citer, defaultClosingDays, defaultHours, KIOSK_DEFAULTS, text, unspecified } from './common';

export const KOEBENHAVN_SEED = '001_c8c0455d8f088892.txt';
const at = citer(KOEBENHAVN_SEED);

const band = (fromDay: number, toDay: number | null, amountDkk: number) => ({ fromDay, toDay, amountDkk });
const overFifteen = at(168, 'Der er adgang for alle over 15 år.');
const underFifteen = at(170, 'Børn og unge under 15 år skal følges med en voksen, der har adgang.');

export const koebenhavn: z.input<typeof LibraryProfile> = {
  id: 'koebenhavn',
  name: 'Københavns Biblioteker',
  seedFile: KOEBENHAVN_SEED,
  door: {
    whoMayEnter: text('everyone over 15 with access to the unstaffed hours', [
      at(167, 'Du har altid adgang til den selvbetjente åbningstid på Københavns Biblioteker.'),
      overFifteen,
    ]),
    credential: text(
      { card: 'health card scanned at the door', pinDigits: null },
      [at(167, 'Du skal blot scanne dit sundhedskort/sygesikringskort i kort scanneren ved siden af døren')],
      'the text names no PIN at the door; a site may still require one',
    ),
    minAgeAlone: text(15, [overFifteen, underFifteen], '"over 15" and "under 15" together: a 15-year-old may enter alone'),
    accompaniment: text(
      { companionMinAge: 18, companionMustHaveAccess: true },
      [underFifteen, at(91, 'Voksne fra 18 år')],
      'a "voksen" (adult) is 18 or over, as the fee table defines it',
    ),
    lettingOthersIn: text({ allowed: false, appliesFromAge: null, helperForDisabled: true }, [
      at(169, 'Det er ikke tilladt at lukke andre med ind på biblioteket. Dog kan handicappede medbringe hjælper/ledsager.'),
    ]),
    hours: defaultHours('line 177: closed or limited at special occasions; hours per branch are published elsewhere'),
    closingDays: defaultClosingDays(
      'line 177: "Ved særlige lejligheder eksempelvis systemopdateringer mv. kan der være begrænset adgang eller lukket." - add those dates to the site configuration',
    ),
    leaving: text('leave after the loudspeaker closing announcement', [
      at(176, 'Biblioteket skal forlades efter højtalerbesked om lukketid.'),
    ]),
    alarmOutsideHours: unspecified(),
    cardLog: unspecified('the text names video surveillance, not a card log'),
    videoSurveillance: text({ maxDays: null }, [at(173, 'Biblioteket er videoovervåget')]),
    exclusion: text({ fromUnstaffedHours: false, description: 'staff may expel a user who breaks the rules' }, [
      at(9, 'Personalet er bemyndiget til at bortvise en bruger, hvis reglerne ikke overholdes.'),
    ]),
  },
  lending: {
    standardPeriod: text({ days: 28 }, [at(56, 'Lånetiden er normalt 28 dage.')]),
    materialPeriods: unspecified('which materials have a shorter period is not said: the ILS sets it'),
    shorterPeriods: text({ days: [] }, [at(57, 'For nogle materialer kan biblioteket fastsætte kortere lånetid.')]),
    parentsMayBorrowOnChildCard: text(true, [at(47, 'Forældre kan låne til deres barn på barnets lånerkort.')]),
    reservations: text({ maxActive: null, description: 'items on loan can be reserved; notice by e-mail or SMS is free' }, [
      at(75, 'Materialer som er udlånt kan reserveres via hjemmesiden eller på biblioteket'),
      at(76, 'Det er gratis at få besked på denne måde.'),
    ]),
    receipts: text({ dueDateOnLoanReceipt: true, returnReceipt: true }, [
      at(58, 'Sidste frist for aflevering står på udlånskvitteringen.'),
      at(59, 'Afleveringskvitteringen er din dokumentation for at have afleveret de lånte materialer.'),
    ]),
    interlibraryCost: unspecified(),
    interlibraryReturn: text('an interlibrary loan borrowed in København is returned at a København library', [
      at(85, 'Et fjernlån, som er lånt på et af Københavns Biblioteker, skal altid afleveres på et af Københavns Biblioteker.'),
    ]),
  },
  renewal: {
    maxRenewals: text(2, [at(70, 'Et lån kan kun fornys i maksimalt 2 ekstra låneperioder')]),
    whenReserved: text('refuse', [at(67, 'hvis materialet ikke er bestilt af andre lånere')]),
    afterDue: text('refused', [at(70, 'og kun hvis fornyelsen sker, inden udlånstiden er udløbet')]),
    earliestDaysBeforeDue: unspecified(),
    periodStart: unspecified('the text does not say whether an extra period runs from the due date or the renewal day'),
    periodLength: text('loan-period', [at(70, '2 ekstra låneperioder')], 'each renewal gives one more loan period'),
    interlibrary: text({ kind: 'if-owner-allows', maxRenewals: 2, onlyBeforeDue: true }, [
      at(83, 'Et fjernlån kan fornys, hvis oprindelsesbiblioteket tillader det.'),
      at(83, 'Dog maksimalt i 2 ekstra låneperioder, og kun hvis fornyelsen sker, inden udlånstiden er udløbet.'),
    ]),
  },
  fees: {
    lateFees: text(
      [
        { group: 'adults', minAge: 18, maxAge: null, bands: [band(1, 7, 20), band(8, 30, 120), band(31, null, 230)] },
        { group: 'children', minAge: 0, maxAge: 17, bands: [band(1, 7, 10), band(8, 30, 55), band(31, null, 120)] },
      ],
      [
        at(91, 'Antal dage Voksne fra 18 år Børn fra 0-17 år'),
        at(92, '1 - 7 dage 20 kr. 10 kr.'),
        at(93, '8 - 30 dage 120 kr. 55 kr.'),
        at(94, 'Over 30 dage 230 kr. 120 kr.'),
      ],
    ),
    grouping: unspecified(),
    reminderDaysBeforeDue: text(3, [at(62, 'Biblioteket sender en påmindelse 3 dage før lånetidens udløb')]),
    recallAfter: text({ days: 10, comparison: 'at-least' }, [
      at(99, 'Biblioteket sender en hjemkaldelse 10 dage efter lånetidens udløb'),
    ]),
    billAfter: text({ days: 31, comparison: 'at-least' }, [
      at(100, '31 dage efter lånetidens udløb betragtes det lånte som bortkommet og biblioteket sender derfor en regning.'),
    ]),
    collectionAfter: unspecified(),
  },
  borrowing: {
    debtThreshold: text(
      { amountDkk: 200, comparison: 'at-least', enforcement: 'may' },
      [at(150, 'Lånere, der skylder biblioteket 200 kr. eller derover i gebyrer, kan udelukkes fra at låne, indtil hele gælden er betalt.')],
      '"kan udelukkes" (may be excluded): the kiosk applies it and says the library may refuse',
    ),
    lostCard: text({ blockAtOnce: true, holderLiableUntilBlocked: true }, [
      at(49, 'har man pligt til straks at melde det til biblioteket, som spærrer kortet.'),
      at(49, 'Indtil dette sker, kan man gøres ansvarlig for et eventuelt misbrug.'),
    ]),
    otherBlocks: text(
      ['repeated non-return or return of damaged items'],
      [at(149, 'Lånere, der i gentagne tilfælde ikke afleverer lånte materialer, eller afleverer lånte materialer i beskadiget stand, kan udelukkes fra at låne.')],
    ),
  },
  retention: {
    accessLogMaxDays: ACCESS_LOG_DEFAULT,
    loanLink: text({ deletedAtReturn: true, staffMayTraceDays: 28 }, [
      at(48, 'Registreringen af lån slettes, når materialerne afleveres.'),
      at(48, 'Biblioteket har op til 4 uger efter afleveringen mulighed for at se, hvem der har haft lånt et givent materiale.'),
    ]),
    loanHistoryAnonymised: unspecified(),
  },
  privacy: {
    neverDiscloseToOthers: text(true, [
      at(161, 'må biblioteket ikke oplyse uvedkommende om hvilke lån, gebyrer, erstatningssager, reserveringer mv. den pågældende er noteret for.'),
    ]),
    rightsOfPatron: unspecified(),
    rememberToLogOut: unspecified(),
  },
  kiosk: KIOSK_DEFAULTS,
};
