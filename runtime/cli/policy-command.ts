// `kiosk policy ...`: a staff what-if tool over the library profiles. JSON on stdout.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type AnyRule,
  applySiteOverrides,
  copenhagenInstant,
  doorDecision,
  getProfile,
  isValidDate,
  lateFee,
  type LibraryProfile,
  listRules,
  MaterialType,
  PolicyInputError,
  renewalDecision,
} from '../../policy/index';
import { type CliIo, type Command, EXIT_OK, printJson, UsageError } from './command';

const USAGE = [
  'kiosk policy show <library> [--site FILE]',
  '       kiosk policy fee <library> --age <years> --days-late <n>',
  '       kiosk policy door <library> --age <years> --at <ISO time> [--branch B] [--accompanied] [--card-lost] [--excluded]',
  '       kiosk policy renew <library> --renewals <n> --due <YYYY-MM-DD> --at <ISO time> [--reserved] [--interlibrary] [--material TYPE]',
  '  <library>: ballerup, koebenhavn, hvidovre, gladsaxe, lolland',
  '  --site FILE: JSON site overrides (hours, closingDates, openOnPublicHolidays, kiosk)',
  '  an ISO time without an offset is read as Copenhagen time',
].join('\n');

const OPTIONS = {
  age: { type: 'string' },
  'days-late': { type: 'string' },
  at: { type: 'string' },
  branch: { type: 'string' },
  accompanied: { type: 'boolean' },
  'card-lost': { type: 'boolean' },
  excluded: { type: 'boolean' },
  renewals: { type: 'string' },
  due: { type: 'string' },
  reserved: { type: 'boolean' },
  interlibrary: { type: 'boolean' },
  material: { type: 'string' },
  site: { type: 'string' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'bad options');
  }
}

function wholeNumber(name: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`--${name} is required`);
  if (!/^\d{1,6}$/.test(text)) throw new UsageError(`--${name} must be a whole number, got '${text.slice(0, 20)}'`);
  return Number(text);
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** An ISO time; without an offset it is Copenhagen wall-clock time. */
function instant(name: string, text: string | undefined): Date {
  if (text === undefined) throw new UsageError(`--${name} is required`);
  const m = ISO_TIME.exec(text);
  const bad = new UsageError(`--${name} must be an ISO time such as 2025-01-10T07:00 or 2025-01-10T06:00:00Z`);
  if (!m) throw bad;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isValidDate(date) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) throw bad;
  const at = m[7] ? new Date(text) : copenhagenInstant(date, Number(m[4]), Number(m[5]));
  if (Number.isNaN(at.getTime())) throw bad;
  if (!m[7] && m[6]) at.setUTCSeconds(Number(m[6]));
  return at;
}

function libraryId(text: string): string {
  return text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/^kobenhavn$/, 'koebenhavn');
}

function loadProfile(name: string | undefined, sitePath: string | undefined): LibraryProfile {
  if (!name) throw new UsageError('name a library');
  const profile = getProfile(libraryId(name));
  if (sitePath === undefined) return profile;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(sitePath, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read site overrides '${sitePath}': ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  return applySiteOverrides(profile, json);
}

/** Paths of rules by status, so staff see at a glance what is a default and what the ILS decides. */
function pathsWith(profile: LibraryProfile, status: AnyRule['status']): string[] {
  return listRules(profile)
    .filter((r) => r.rule.status === status)
    .map((r) => r.path);
}

const patron = (v: Values, age: number) => ({
  age,
  cardLost: v['card-lost'] === true,
  excludedFromUnstaffed: v.excluded === true,
  blocked: false,
});

function run(sub: string, profile: LibraryProfile, v: Values, io: CliIo): void {
  switch (sub) {
    case 'show': {
      printJson(io, {
        library: profile.id,
        defaults: pathsWith(profile, 'default'),
        siteOverrides: pathsWith(profile, 'site'),
        unspecified: pathsWith(profile, 'unspecified'),
        profile,
      });
      return;
    }
    case 'fee': {
      const fee = lateFee(profile, { age: wholeNumber('age', v.age), daysLate: wholeNumber('days-late', v['days-late']) });
      printJson(io, fee.amountDkk === null ? { amountDkk: null, source: 'ils' } : { amountDkk: fee.amountDkk });
      return;
    }
    case 'door': {
      const age = wholeNumber('age', v.age);
      const at = instant('at', v.at);
      const rule = profile.door.accompaniment;
      const companionAge = rule.status === 'unspecified' ? 18 : rule.value.companionMinAge;
      const companion = v.accompanied ? { ...patron(v, companionAge), cardLost: false, excludedFromUnstaffed: false } : undefined;
      const d = doorDecision(profile, {
        patron: patron(v, age),
        at,
        ...(v.branch ? { branch: v.branch } : {}),
        ...(companion ? { companion } : {}),
      });
      printJson(io, { allowed: d.allowed, reason: d.reason, message: d.message, ...(d.nextOpening !== undefined ? { nextOpening: d.nextOpening } : {}) });
      return;
    }
    case 'renew': {
      const material = v.material === undefined ? undefined : MaterialType.safeParse(v.material);
      if (material && !material.success) throw new UsageError(`--material must be one of ${MaterialType.options.join(', ')}`);
      const due = v.due;
      if (due === undefined) throw new UsageError('--due is required');
      const r = renewalDecision(profile, {
        renewalsSoFar: wholeNumber('renewals', v.renewals),
        dueDate: due,
        at: instant('at', v.at),
        reservedByAnother: v.reserved === true,
        interlibrary: v.interlibrary === true,
        ...(material?.success ? { materialType: material.data } : {}),
      });
      printJson(io, r);
      return;
    }
    default:
      throw new UsageError(`unknown policy question '${sub.slice(0, 20)}'; use show, fee, door or renew`);
  }
}

export const policyCommand: Command = {
  name: 'policy',
  summary: "what-if answers from a library's rules: show, fee, door, renew (JSON)",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    const [sub, library, ...extra] = positionals;
    if (!sub) throw new UsageError('name a question: show, fee, door or renew');
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]?.slice(0, 20)}'`);
    try {
      run(sub, loadProfile(library, values.site), values, io);
    } catch (error) {
      if (error instanceof PolicyInputError) throw new UsageError(error.message);
      throw error;
    }
    return EXIT_OK;
  },
};
