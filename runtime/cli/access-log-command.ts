// `kiosk access-log keygen|export`: the security officer's key pair, and the officer's export
// of the door's access log (identities opened with the private key, the export audited).
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { exportForOfficer, StoreError, writeOfficerKeyPair } from '../../store/index';
import { type CliIo, type Command, EXIT_OK, UsageError } from './command';

const USAGE = [
  'kiosk access-log keygen [--out DIR]',
  '       kiosk access-log export --config FILE --key PRIVATE_KEY_FILE [--from ISO] [--to ISO] [--by NAME]',
  '  keygen: writes access-log-officer.key (private, mode 0600) and access-log-officer.pub into DIR',
  '          (default: the current folder) and prints the public key for accessLog.officerPublicKey',
  '  export: prints the entries in [--from, --to) as JSON lines with the identities opened, and records',
  '          the export (who, when, range, count) in the audit table; --by defaults to the OS user',
].join('\n');

const OPTIONS = {
  out: { type: 'string' },
  config: { type: 'string' },
  key: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  by: { type: 'string' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : 'bad options');
  }
}

function isoTime(name: string, text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(at.getTime())) throw new UsageError(`--${name} must be an ISO time such as 2026-03-01T00:00:00+01:00, got '${text.slice(0, 40)}'`);
  return at;
}

/** Store errors here are all about the operator's input (config, key file): exit 2. */
function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof StoreError) throw new UsageError(error.message);
    throw error;
  }
}

type Values = ReturnType<typeof parse>['values'];

function onlyOptions(values: Values, action: string, allowed: Array<keyof Values>): void {
  const stray = (Object.keys(values) as Array<keyof Values>).find((name) => !allowed.includes(name));
  if (stray) throw new UsageError(`--${stray} does not apply to ${action}`);
}

function keygen(values: Values, io: CliIo): number {
  onlyOptions(values, 'keygen', ['out']);
  const written = asUsage(() => writeOfficerKeyPair(values.out ?? '.'));
  io.err(`private key: ${written.privateKeyFile} (mode 0600; keep it with the security officer, off the kiosk)`);
  io.err(`public key:  ${written.publicKeyFile} (key id ${written.keyId})`);
  io.err('put this into the configuration:');
  io.out(JSON.stringify({ accessLog: { officerPublicKey: written.publicKeyBase64 } }));
  return EXIT_OK;
}

function exportLog(values: Values, io: CliIo): number {
  onlyOptions(values, 'export', ['config', 'key', 'from', 'to', 'by']);
  if (!values.config) throw new UsageError('--config FILE is required');
  if (!values.key) throw new UsageError('--key PRIVATE_KEY_FILE is required');
  const from = isoTime('from', values.from);
  const to = isoTime('to', values.to);
  if (from && to && from.getTime() >= to.getTime()) throw new UsageError('--from must be before --to');
  const { entries, audit } = asUsage(() =>
    exportForOfficer({ configFile: values.config as string, privateKeyFile: values.key as string, from, to, exportedBy: values.by ?? userInfo().username }),
  );
  for (const entry of entries) io.out(JSON.stringify(entry));
  io.err(`exported ${audit.entryCount} entries; recorded as export #${audit.id} by ${audit.exportedBy}`);
  return EXIT_OK;
}

export const accessLogCommand: Command = {
  name: 'access-log',
  summary: "the security officer's key pair and export of the door's access log",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (action === 'keygen') return keygen(values, io);
    if (action === 'export') return exportLog(values, io);
    throw new UsageError(action === undefined ? 'say keygen or export' : `unknown action '${action}' (keygen or export)`);
  },
};
