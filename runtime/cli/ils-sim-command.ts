// `kiosk ils-sim`: runs the bundled simulated ILS until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startSimIls } from '../../ils';
import { type Command, EXIT_BAD_INPUT, EXIT_OK, UsageError } from './command';

function number(name: string, value: string | undefined, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}`);
  return n;
}

function waitForStop(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const ilsSimCommand: Command = {
  name: 'ils-sim',
  summary: 'Run the simulated ILS (SIP2 or the FBS envelope) with demo or your own data',
  usage:
    'kiosk ils-sim [--host 127.0.0.1] [--port 6001] [--data FILE] [--latency MS] [--protocol sip2|fbs]\n' +
    '              [--user kiosk] [--password kiosk] [--library ID] [--drop PCT] [--corrupt PCT]\n' +
    '              [--silent-every MS --silent-for MS] [--tls-key FILE --tls-cert FILE] [--verbose]',
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          host: { type: 'string', default: '127.0.0.1' },
          port: { type: 'string', default: '6001' },
          data: { type: 'string' },
          latency: { type: 'string' },
          protocol: { type: 'string', default: 'sip2' },
          user: { type: 'string' },
          password: { type: 'string' },
          library: { type: 'string' },
          drop: { type: 'string' },
          corrupt: { type: 'string' },
          'silent-every': { type: 'string' },
          'silent-for': { type: 'string' },
          'tls-key': { type: 'string' },
          'tls-cert': { type: 'string' },
          verbose: { type: 'boolean', default: false },
        },
        strict: true,
        allowPositionals: false,
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const v = parsed.values;
    if (v.protocol !== 'sip2' && v.protocol !== 'fbs') throw new UsageError('--protocol must be sip2 or fbs');
    if ((v['tls-key'] === undefined) !== (v['tls-cert'] === undefined)) throw new UsageError('--tls-key and --tls-cert go together');
    const port = number('port', v.port, 0, 65535) ?? 6001;
    let started;
    try {
      started = await startSimIls({
        host: v.host,
        port,
        protocol: v.protocol,
        ...(v.data !== undefined ? { dataFile: v.data } : {}),
        ...(v.user !== undefined ? { user: v.user } : {}),
        ...(v.password !== undefined ? { password: v.password } : {}),
        ...(v.library !== undefined ? { library: v.library } : {}),
        latencyMs: number('latency', v.latency) ?? 0,
        dropPercent: number('drop', v.drop, 0, 100) ?? 0,
        corruptPercent: number('corrupt', v.corrupt, 0, 100) ?? 0,
        silentEveryMs: number('silent-every', v['silent-every']) ?? 0,
        silentForMs: number('silent-for', v['silent-for']) ?? 0,
        ...(v['tls-key'] !== undefined && v['tls-cert'] !== undefined ? { tlsKeyFile: v['tls-key'], tlsCertFile: v['tls-cert'] } : {}),
        ...(v.verbose ? { log: (line: string) => io.err(line) } : {}),
      });
    } catch (error) {
      io.err(`kiosk ils-sim: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT_BAD_INPUT;
    }
    io.out(started.listening);
    await waitForStop();
    await started.sim.close();
    return EXIT_OK;
  },
};
