// `kiosk sip2`: the technician console. One SIP2 request, the decoded reply printed.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type ConsoleCommand, type ConsoleConnection, describeReply, maskedReply, runConsoleCommand, IlsError } from '../../ils';
import { type CliIo, type Command, EXIT_BAD_INPUT, EXIT_OK, EXIT_REFUSED, printJson, UsageError } from './command';

const USAGE =
  'kiosk sip2 --host H --port P [--user U --password W --institution I] [--tls | --no-tls] [--ca FILE] [--transport tcp|tls|fbs] [--fbs-url URL]\n' +
  '           [--location L] [--no-error-detection] [--encoding utf-8|iso-8859-1] [--timeout MS] [--trace]\n' +
  '           <status | patron ID [--pin PIN] | item ID | checkout PATRON ITEM [--pin PIN] | checkin ITEM | renew PATRON ITEM [--pin PIN]> [--json]\n' +
  'SIP2 goes over TLS (the certificate verified, --ca for a private CA) unless --no-tls or --transport tcp says plaintext,\n' +
  'as in the site file. The password may also come from KIOSK_SIP2_PASSWORD (keeps it out of the process list).';

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  institution: { type: 'string', default: '' },
  transport: { type: 'string' },
  tls: { type: 'boolean', default: false },
  'no-tls': { type: 'boolean', default: false },
  ca: { type: 'string' },
  'fbs-url': { type: 'string' },
  location: { type: 'string' },
  'no-error-detection': { type: 'boolean', default: false },
  encoding: { type: 'string', default: 'utf-8' },
  timeout: { type: 'string', default: '5000' },
  pin: { type: 'string' },
  json: { type: 'boolean', default: false },
  trace: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

function parseSip2Args(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type Sip2Values = ReturnType<typeof parseSip2Args>['values'];

/** tcp, tls or fbs from --transport, --tls and --no-tls: TLS unless plaintext is asked for. */
function transportOf(v: { transport?: string; tls: boolean; 'no-tls': boolean }): 'tcp' | 'tls' | 'fbs' {
  if (v.tls && v['no-tls']) throw new UsageError('--tls and --no-tls contradict each other');
  if (v.transport === undefined) return v['no-tls'] ? 'tcp' : 'tls';
  if (v.transport !== 'tcp' && v.transport !== 'tls' && v.transport !== 'fbs') throw new UsageError('--transport must be tcp, tls or fbs');
  if ((v.transport === 'tcp' && v.tls) || (v.transport === 'tls' && v['no-tls'])) throw new UsageError(`--transport ${v.transport} contradicts --${v.tls ? 'tls' : 'no-tls'}`);
  return v.transport;
}

function commandOf(positionals: string[], pin: string | undefined): ConsoleCommand {
  const [verb, a, b, ...rest] = positionals;
  const need = (count: number) => {
    if (positionals.length - 1 !== count || rest.length > 0) throw new UsageError(`'${verb ?? ''}' takes ${count} argument${count === 1 ? '' : 's'}`);
  };
  const withPin = pin !== undefined ? { pin } : {};
  switch (verb) {
    case 'status': need(0); return { kind: 'status' };
    case 'patron': need(1); return { kind: 'patron', patronId: a ?? '', ...withPin };
    case 'item': need(1); return { kind: 'item', itemId: a ?? '' };
    case 'checkout': need(2); return { kind: 'checkout', patronId: a ?? '', itemId: b ?? '', ...withPin };
    case 'checkin': need(1); return { kind: 'checkin', itemId: a ?? '' };
    case 'renew': need(2); return { kind: 'renew', patronId: a ?? '', itemId: b ?? '', ...withPin };
    default: throw new UsageError(verb ? `unknown request '${verb}'` : 'say what to ask: status, patron, item, checkout, checkin or renew');
  }
}

/** The link to the ILS from the options, checked (a UsageError says what is wrong). */
function connectionOf(v: Sip2Values, io: CliIo): ConsoleConnection {
  const transport = transportOf(v);
  if (v.encoding !== 'utf-8' && v.encoding !== 'iso-8859-1') throw new UsageError('--encoding must be utf-8 or iso-8859-1');
  if (transport === 'fbs' ? !v['fbs-url'] : !v.host || !v.port) {
    throw new UsageError(transport === 'fbs' ? '--fbs-url is required for FBS' : '--host and --port are required');
  }
  const port = v.port === undefined ? undefined : Number(v.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError('--port must be 1-65535');
  const timeout = Number(v.timeout);
  if (!(timeout > 0)) throw new UsageError('--timeout must be a positive number of milliseconds');
  const password = v.password ?? process.env.KIOSK_SIP2_PASSWORD;
  const ca = v.ca === undefined ? undefined : readCa(v.ca);
  return {
    transport,
    institution: v.institution,
    encoding: v.encoding,
    requestTimeoutMs: timeout,
    errorDetection: !v['no-error-detection'],
    ...(v.host !== undefined ? { host: v.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(v['fbs-url'] !== undefined ? { fbsUrl: v['fbs-url'] } : {}),
    ...(v.user !== undefined ? { user: v.user } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(v.location !== undefined ? { location: v.location } : {}),
    ...(transport !== 'tcp' ? { tls: { rejectUnauthorized: true, ...(ca ? { ca } : {}) } } : {}),
    ...(v.trace ? { trace: (line: string) => io.err(line) } : {}),
  };
}

function readCa(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`--ca: cannot read ${file}: ${(error as Error).message}`);
  }
}

export const sip2Command: Command = {
  name: 'sip2',
  summary: 'Technician console: send one SIP2 request to an ILS and print the decoded reply',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseSip2Args(argv);
    const command = commandOf(parsed.positionals, parsed.values.pin);
    const connection = connectionOf(parsed.values, io);
    try {
      const result = await runConsoleCommand(connection, command);
      if (parsed.values.json) printJson(io, { answer: result.yes ? 'yes' : 'no', reply: maskedReply(result.reply) });
      else io.out(`${result.yes ? 'yes' : 'no'}: ${describeReply(result.reply)}`);
      return result.yes ? EXIT_OK : EXIT_REFUSED;
    } catch (error) {
      if (!(error instanceof IlsError)) throw error;
      io.err(`kiosk sip2: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
  },
};
