// The site configuration file: one JSON document, validated with messages that name the wrong key.
// No file means the embedded default: simulated devices and the bundled simulated ILS.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LIBRARY_IDS, SiteOverrides } from '../policy/index';

const port = z.number().int().min(1).max(65535);
const usbId = z.union([z.number().int().min(0).max(0xffff), z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/)]).transform((v) =>
  typeof v === 'number' ? v : Number.parseInt(v.replace(/^0x/, ''), 16),
);
const suffix = z.enum(['CR', 'CRLF', 'LF']);

const ils = z.discriminatedUnion('transport', [
  z.strictObject({ transport: z.literal('simulated'), latencyMs: z.number().min(0).default(0), dataFile: z.string().optional() }),
  z.strictObject({
    transport: z.literal('sip2'),
    host: z.string().min(1),
    port,
    /** Card numbers and PINs cross this link: TLS unless the site says `"tls": false` explicitly. */
    tls: z.boolean().default(true),
    user: z.string().min(1),
    password: z.string(),
    institution: z.string().min(1),
    location: z.string().default(''),
    errorDetection: z.boolean().default(true),
    encoding: z.enum(['utf-8', 'iso-8859-1']).default('utf-8'),
  }),
  z.strictObject({
    transport: z.literal('fbs'),
    host: z.string().min(1),
    port: port.optional(),
    tls: z.boolean().default(true),
    user: z.string().min(1),
    password: z.string(),
    institution: z.string().regex(/^DK-\d{6}$/, 'an ISIL such as DK-775100'),
    location: z.string().default(''),
  }),
]);

const serialPath = z.string().min(1);
const cardReader = z.discriminatedUnion('driver', [
  z.strictObject({ driver: z.literal('simulated') }),
  z.strictObject({ driver: z.literal('serial'), path: serialPath, baudRate: z.number().int().positive().default(9600), suffix: suffix.default('CR') }),
  z.strictObject({ driver: z.literal('hid'), vendorId: usbId, productId: usbId, path: z.string().optional() }),
]);
const pinPad = z.discriminatedUnion('driver', [
  z.strictObject({ driver: z.literal('simulated') }),
  z.strictObject({ driver: z.literal('screen') }),
  z.strictObject({ driver: z.literal('serial'), path: serialPath, baudRate: z.number().int().positive().default(9600) }),
  z.strictObject({ driver: z.literal('hid'), vendorId: usbId, productId: usbId, path: z.string().optional() }),
]);
const releaseMs = z.number().int().min(500).max(30_000).default(4000);
const doorContact = z.strictObject({ line: z.enum(['dsr', 'cts', 'dcd']), heldOpenSeconds: z.number().int().positive().default(30) });
const lock = z.discriminatedUnion('driver', [
  z.strictObject({ driver: z.literal('simulated'), releaseMs }),
  z.strictObject({ driver: z.literal('serial-relay'), path: serialPath, relay: z.number().int().min(1).max(8).default(1), releaseMs, doorContact: doorContact.optional() }),
  z.strictObject({ driver: z.literal('hid-relay'), vendorId: usbId.default(0x16c0), productId: usbId.default(0x05df), path: z.string().optional(), relay: z.number().int().min(1).max(8).default(1), releaseMs }),
]);
const rfid = z.discriminatedUnion('driver', [
  z.strictObject({ driver: z.literal('simulated') }),
  z.strictObject({ driver: z.literal('feig'), path: serialPath, baudRate: z.number().int().positive().default(38400) }),
]);
const printer = z.discriminatedUnion('driver', [
  z.strictObject({ driver: z.literal('simulated'), codePage: z.enum(['pc865', 'wpc1252']).default('pc865') }),
  z.strictObject({ driver: z.literal('escpos-serial'), path: serialPath, baudRate: z.number().int().positive().default(9600), codePage: z.enum(['pc865', 'wpc1252']).default('pc865') }),
  z.strictObject({ driver: z.literal('escpos-file'), path: z.string().min(1), codePage: z.enum(['pc865', 'wpc1252']).default('pc865') }),
]);


export const siteConfigSchema = z.strictObject({
  library: z.enum(LIBRARY_IDS),
  branch: z.string().min(1),
  dataDir: z.string().min(1),
  doorId: z.string().min(1).default('door-1'),
  /** Required in a file: the bundled simulated ILS runs only when a configuration names it. */
  ils,
  devices: z
    .strictObject({
      cardReader: cardReader.default({ driver: 'simulated' }),
      pinPad: pinPad.default({ driver: 'simulated' }),
      lock: lock.default({ driver: 'simulated', releaseMs: 4000 }),
      rfid: rfid.default({ driver: 'simulated' }),
      printer: printer.default({ driver: 'simulated', codePage: 'pc865' }),
    })
    .default({
      cardReader: { driver: 'simulated' },
      pinPad: { driver: 'simulated' },
      lock: { driver: 'simulated', releaseMs: 4000 },
      rfid: { driver: 'simulated' },
      printer: { driver: 'simulated', codePage: 'pc865' },
    }),
  accessLog: z
    .strictObject({
      retentionDays: z.number().int().min(1).max(30).default(30),
      officerPublicKey: z.string().min(1).optional(),
    })
    .default({ retentionDays: 30 }),
  /** The site's own unstaffed hours, closing dates and kiosk settings over the library profile's
   * (see policy/README.md, "Site overrides"). */
  site: SiteOverrides.optional(),
  /** A patron session at the kiosk: the inactivity warning after this many idle seconds, then a
   * countdown; the goodbye screen shows this long. */
  session: z
    .strictObject({
      warnAfterSeconds: z.number().int().min(5).max(600).default(45),
      countdownSeconds: z.number().int().min(3).max(120).default(15),
      goodbyeSeconds: z.number().int().min(1).max(60).default(4),
    })
    .default({ warnAfterSeconds: 45, countdownSeconds: 15, goodbyeSeconds: 4 }),
  /** How long the door and the kiosk wait for the ILS's answer. Only when none came by then (or the
   * link is down) does the credential cache decide; a slow answer is still the answer. */
  ilsTimeoutMs: z.number().int().min(500).max(30_000).default(5000),
  /** Deprecated and ignored (logged at start): it made the door trust its cache whenever the ILS
   * was slower than this, which let revoked cards in. */
  ilsSlowLimitMs: z.number().optional(),
  /** The installation secret (card keys, PIN pepper, local cipher); default `<dataDir>/installation-secret`.
   * A path (relative to the config file) or `credential:<name>` (a systemd credential, e.g. sealed
   * to the TPM2). Kept off the data disk, a stolen disk yields no card number and no PIN. */
  secretFile: z.string().min(1).optional(),
  /** The technician code as a slow salted hash (`scrypt$N$r$p$salt$hash`), made by `kiosk technician-code`. */
  technicianCodeHash: z
    .string()
    .regex(/^scrypt\$[1-9]\d{4,}\$\d+\$\d+\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/, 'an scrypt hash as `kiosk technician-code` prints it (scrypt$N$r$p$salt$hash)')
    .optional(),
  /** Refused: the code in clear would be readable in the file. */
  technicianCode: z
    .never({ error: 'a technician code in clear is not accepted: run `npx kiosk technician-code`, then replace this key with the "technicianCodeHash" line it prints' })
    .optional(),
  httpPort: z.number().int().min(0).max(65535).default(9464),
  /** The closing announcement's audio file; when it plays comes from the profile (or `site.kiosk`). */
  announcements: z.strictObject({ audioFile: z.string().min(1).optional(), player: z.string().min(1).default('aplay') }).default({ player: 'aplay' }),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Real lock hardware never runs against the demo library system (its patrons and PINs are
 * public) nor behind a simulated card reader or PIN pad (whose console types cards and PINs). */
function simulationWithRealLock(config: SiteConfig): string[] {
  const lock = config.devices.lock.driver;
  if (lock === 'simulated') return [];
  const problems: string[] = [];
  if (config.ils.transport === 'simulated') {
    problems.push(`  ils: the simulated ILS (demo patrons with published PINs) cannot drive a real lock (devices.lock.driver "${lock}"); configure the library's ILS, or use "lock": { "driver": "simulated" } for a demo`);
  }
  for (const device of ['cardReader', 'pinPad'] as const) {
    if (config.devices[device].driver === 'simulated') problems.push(`  devices.${device}: a simulated ${device} cannot open a real lock (devices.lock.driver "${lock}")`);
  }
  return problems;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** One line a problem, each naming its key. */
function issueLines(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (issue.path.length ? `${where}.${k}` : k));
      return `  ${keys.join(', ')}: unknown key`;
    }
    return `  ${where}: ${issue.message}`;
  });
}

const MISSING_ILS =
  '  ils: required: the library system to use, e.g. { "transport": "sip2", ... } (or { "transport": "simulated" } for a demo with simulated devices)';


/** What a valid configuration still says that the site should change (logged at start). */
export function configWarnings(config: SiteConfig): string[] {
  return config.ilsSlowLimitMs === undefined
    ? []
    : ['ilsSlowLimitMs is ignored: the door no longer trusts its cache when the ILS is merely slow, only when no answer came within ilsTimeoutMs (default 5000); remove the key'];
}

export function parseConfig(value: unknown, source = 'configuration'): SiteConfig {
  const given = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const problems: string[] = [];
  const missingIls = !('ils' in given);
  if (missingIls) problems.push(MISSING_ILS);
  const result = siteConfigSchema.safeParse(value);
  if (!result.success) {
    problems.push(...issueLines(result.error.issues.filter((issue) => !(missingIls && issue.path[0] === 'ils'))));
  }
  if (problems.length > 0) throw new ConfigError(`${source} is not a valid configuration:\n${problems.join('\n')}`);
  const config = (result as { data: SiteConfig }).data;
  const unsafe = simulationWithRealLock(config);
  if (unsafe.length > 0) throw new ConfigError(`${source} is not a valid configuration:\n${unsafe.join('\n')}`);
  return config;
}

/** Enters diagnostics in the embedded default (a real site sets its own `technicianCodeHash`). */
export const DEMO_TECHNICIAN_CODE = '246810';
/** DEMO_TECHNICIAN_CODE as `kiosk technician-code` hashes it (the demo code is public: see README). */
export const DEMO_TECHNICIAN_CODE_HASH = 'scrypt$16384$8$1$/hH/JLs2dhCrDSrW/zw2+A==$hY5st7/NxQDFLAagZOZrBSX6bJuQ2vbzbEKAQ5O5ADQ=';

/** The embedded default: every device simulated, the bundled simulated ILS, data in ./kiosk-data. */
export function defaultConfig(dataDir = path.resolve('kiosk-data')): SiteConfig {
  return parseConfig(
    { library: 'hvidovre', branch: 'Hovedbiblioteket', dataDir, ils: { transport: 'simulated' }, technicianCodeHash: DEMO_TECHNICIAN_CODE_HASH },
    'the embedded default',
  );
}

export function loadConfig(file: string | undefined): SiteConfig {
  if (file === undefined) return defaultConfig();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the configuration file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const config = parseConfig(json, file);
  const relative = (p: string) => path.resolve(path.dirname(file), p);
  // `credential:<name>` names a systemd credential ($CREDENTIALS_DIRECTORY), not a path.
  const secretFile = config.secretFile === undefined || config.secretFile.startsWith('credential:') ? config.secretFile : relative(config.secretFile);
  return { ...config, dataDir: relative(config.dataDir), ...(secretFile === undefined ? {} : { secretFile }) };
}
