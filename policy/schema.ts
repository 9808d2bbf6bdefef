// The shape of a library profile. Every rule says where its value comes from: a sentence in
// the library's own text, a documented kiosk default, the site's configuration, or nothing
// (`unspecified`: the kiosk then shows or applies what the ILS says, never a guess).
import { z } from 'zod';

export const SEED_FILE_PATTERN = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** A sentence in a seed text: file name, 1-based line number and an exact quote from that line. */
export const SeedSource = z
  .object({
    file: z.string().regex(SEED_FILE_PATTERN),
    line: z.number().int().positive(),
    quote: z.string().min(8),
  })
  .strict();
export type SeedSource = z.infer<typeof SeedSource>;

/** A rule whose value is `T`, with its provenance. */
export function rule<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('status', [
    z
      .object({
        status: z.literal('text'),
        value,
        sources: z.array(SeedSource).min(1),
        note: z.string().optional(),
      })
      .strict(),
    z.object({ status: z.literal('default'), value, note: z.string().min(1) }).strict(),
    z.object({ status: z.literal('site'), value, note: z.string().min(1) }).strict(),
    z.object({ status: z.literal('unspecified'), note: z.string().optional() }).strict(),
  ]);
}

/** Any rule, whatever its value: for code that walks a profile (show, citation tests). */
export type AnyRule =
  | { status: 'text'; value: unknown; sources: SeedSource[]; note?: string }
  | { status: 'default' | 'site'; value: unknown; note: string }
  | { status: 'unspecified'; note?: string };

export const MaterialType = z.enum(['book', 'music', 'quick-loan', 'magazine', 'film', 'video-game', 'other']);
export type MaterialType = z.infer<typeof MaterialType>;

export const Period = z.union([
  z.object({ days: z.number().int().positive() }).strict(),
  z.object({ months: z.number().int().positive() }).strict(),
]);
export type Period = z.infer<typeof Period>;

/** Days past the due date, with how the text compares ("more than 5 weeks" vs "31 days after"). */
export const DaysLateThreshold = z
  .object({ days: z.number().int().positive(), comparison: z.enum(['at-least', 'more-than']) })
  .strict();

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time is HH:MM, 00:00-24:00');
export const OpenInterval = z
  .object({ open: HHMM, close: HHMM })
  .strict()
  .refine((i) => i.open < i.close, { message: 'an interval must open before it closes' });
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;
// A weekday left out is closed all day.
export const WeekHours = z.partialRecord(Weekday, z.array(OpenInterval));
export type WeekHours = z.infer<typeof WeekHours>;

/** Unstaffed hours per branch; the key `*` covers every branch not listed. */
export const BranchHours = z.record(z.string().min(1), WeekHours).refine((h) => Object.keys(h).length > 0, {
  message: 'at least one branch',
});
export type BranchHours = z.infer<typeof BranchHours>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
export const ClosingDays = z
  .object({ publicHolidays: z.boolean(), dates: z.array(IsoDate), note: z.string().optional() })
  .strict();
export type ClosingDays = z.infer<typeof ClosingDays>;

const AgeBand = z
  .object({
    fromDay: z.number().int().positive(),
    toDay: z.number().int().positive().nullable(),
    amountDkk: z.number().nonnegative(),
  })
  .strict();
export const LateFeeTable = z.array(
  z
    .object({
      group: z.enum(['children', 'adults']),
      minAge: z.number().int().nonnegative(),
      maxAge: z.number().int().nonnegative().nullable(),
      bands: z.array(AgeBand).min(1),
    })
    .strict(),
);
export type LateFeeTable = z.infer<typeof LateFeeTable>;

export const DebtThreshold = z
  .object({
    amountDkk: z.number().nonnegative(),
    comparison: z.enum(['more-than', 'at-least']),
    enforcement: z.enum(['shall', 'may']),
  })
  .strict();
export type DebtThreshold = z.infer<typeof DebtThreshold>;

const Text = z.string().min(1);

export const InterlibraryRenewal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('personal-request-only') }).strict(),
  z
    .object({
      kind: z.literal('if-owner-allows'),
      maxRenewals: z.number().int().nonnegative(),
      onlyBeforeDue: z.boolean(),
    })
    .strict(),
]);
export type InterlibraryRenewal = z.infer<typeof InterlibraryRenewal>;

export const KioskSettings = z
  .object({
    offline: rule(
      z
        .object({
          credentialCacheDays: z.number().int().positive(),
          whoMayEnterOffline: z.enum(['cached-unblocked', 'nobody']),
          maxItemsOffline: z.number().int().nonnegative(),
          unknownCardsOffline: z.literal('refuse'),
        })
        .strict(),
    ),
    bruteForce: rule(
      z
        .object({
          maxFailedPinsPerCard: z.number().int().positive(),
          windowMinutes: z.number().int().positive(),
          lockMinutes: z.number().int().positive(),
        })
        .strict(),
    ),
    accompaniedEntryWindowSeconds: rule(z.number().int().positive()),
    closingAnnouncementMinutes: rule(z.array(z.number().int().positive())),
  })
  .strict();
export type KioskSettings = z.infer<typeof KioskSettings>;

export const LibraryProfile = z
  .object({
    id: z.enum(['ballerup', 'koebenhavn', 'hvidovre', 'gladsaxe', 'lolland']),
    name: Text,
    seedFile: z.string().regex(SEED_FILE_PATTERN),
    door: z
      .object({
        whoMayEnter: rule(Text),
        credential: rule(z.object({ card: Text, pinDigits: z.number().int().positive().nullable() }).strict()),
        minAgeAlone: rule(z.number().int().nonnegative()),
        accompaniment: rule(z.object({ companionMinAge: z.number().int().positive(), companionMustHaveAccess: z.boolean() }).strict()),
        lettingOthersIn: rule(
          z.object({ allowed: z.boolean(), appliesFromAge: z.number().int().nullable(), helperForDisabled: z.boolean() }).strict(),
        ),
        hours: rule(BranchHours),
        closingDays: rule(ClosingDays),
        leaving: rule(Text),
        alarmOutsideHours: rule(z.object({ from: HHMM, to: HHMM, causerPays: z.boolean() }).strict()),
        cardLog: rule(z.object({ logged: z.boolean(), openedOnlyOn: Text, maxDays: z.number().int().positive() }).strict()),
        videoSurveillance: rule(z.object({ maxDays: z.number().int().positive().nullable() }).strict()),
        exclusion: rule(z.object({ fromUnstaffedHours: z.boolean(), description: Text }).strict()),
      })
      .strict(),
    lending: z
      .object({
        standardPeriod: rule(Period),
        materialPeriods: rule(z.partialRecord(MaterialType, Period)),
        shorterPeriods: rule(z.object({ days: z.array(z.number().int().positive()) }).strict()),
        parentsMayBorrowOnChildCard: rule(z.boolean()),
        reservations: rule(z.object({ maxActive: z.number().int().positive().nullable(), description: Text }).strict()),
        receipts: rule(z.object({ dueDateOnLoanReceipt: z.boolean(), returnReceipt: z.boolean() }).strict()),
        interlibraryCost: rule(Text),
        interlibraryReturn: rule(Text),
      })
      .strict(),
    renewal: z
      .object({
        maxRenewals: rule(z.number().int().nonnegative()),
        whenReserved: rule(z.literal('refuse')),
        afterDue: rule(z.enum(['allowed', 'refused', 'allowed-with-late-fee'])),
        earliestDaysBeforeDue: rule(z.number().int().nonnegative()),
        periodStart: rule(z.enum(['due-date', 'renewal-day'])),
        periodLength: rule(z.union([Period, z.literal('loan-period')])),
        interlibrary: rule(InterlibraryRenewal),
      })
      .strict(),
    fees: z
      .object({
        lateFees: rule(LateFeeTable),
        grouping: rule(z.literal('per-loan-date-due-date-and-settled-day')),
        reminderDaysBeforeDue: rule(z.number().int().positive()),
        recallAfter: rule(DaysLateThreshold),
        billAfter: rule(DaysLateThreshold),
        collectionAfter: rule(DaysLateThreshold),
      })
      .strict(),
    borrowing: z
      .object({
        debtThreshold: rule(DebtThreshold),
        lostCard: rule(z.object({ blockAtOnce: z.literal(true), holderLiableUntilBlocked: z.boolean().nullable() }).strict()),
        otherBlocks: rule(z.array(Text)),
      })
      .strict(),
    retention: z
      .object({
        accessLogMaxDays: rule(z.number().int().positive()),
        loanLink: rule(z.object({ deletedAtReturn: z.boolean(), staffMayTraceDays: z.number().int().positive().nullable() }).strict()),
        loanHistoryAnonymised: rule(z.object({ daysAfterReturn: z.number().int().positive(), whenDebtPaidIfFeeAttached: z.boolean() }).strict()),
      })
      .strict(),
    privacy: z
      .object({
        neverDiscloseToOthers: rule(z.literal(true)),
        rightsOfPatron: rule(Text),
        rememberToLogOut: rule(Text),
      })
      .strict(),
    kiosk: KioskSettings,
  })
  .strict();
export type LibraryProfile = z.infer<typeof LibraryProfile>;
export type LibraryId = LibraryProfile['id'];
