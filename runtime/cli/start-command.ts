// `kiosk start [--browser] [--port N] [--config FILE] [--clock ISO]`: the kiosk with its screen.
// Electron when its binary is installed, browser mode (printing the URL) otherwise or on --browser.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clockStartingAt } from '../clock';
import { loadConfig } from '../config';
import { jsonLogger } from '../log';
import { startKiosk } from '../start-kiosk';
import {
  DEFAULT_BROWSER_PORT,
  electronBinary,
  KEY_FILE,
  runElectron,
  type SignalSource,
  startBrowserMode,
  untilSignal,
} from '../screen-launcher';
import { type CliIo, type Command, EXIT_BAD_INPUT, EXIT_OK, UsageError } from './command';

export interface StartOptions {
  browser: boolean;
  port: number;
  configFile?: string;
  clock?: string;
}

export function parseStartArgs(argv: string[]): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { browser: { type: 'boolean' }, port: { type: 'string' }, config: { type: 'string' }, clock: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options: StartOptions = { browser: values.browser === true, port: DEFAULT_BROWSER_PORT };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port ${values.port} is not a port number (0-65535; 0 picks a free one)`);
    options.port = port;
  }
  if (values.config !== undefined) options.configFile = values.config;
  if (values.clock !== undefined) {
    if (Number.isNaN(new Date(values.clock).getTime())) throw new UsageError(`--clock ${values.clock} is not an ISO time, e.g. 2026-03-29T01:59:00+01:00`);
    options.clock = values.clock;
  }
  return options;
}

/** What the command touches outside itself; tests replace them. */
export interface StartDeps {
  electronBinary: () => string | null;
  runElectron: typeof runElectron;
  startKiosk: typeof startKiosk;
  loadConfig: typeof loadConfig;
  signals: SignalSource;
}

const defaultDeps: StartDeps = { electronBinary: () => electronBinary(), runElectron, startKiosk, loadConfig, signals: process };

export async function runStart(argv: string[], io: CliIo, deps: StartDeps = defaultDeps): Promise<number> {
  const options = parseStartArgs(argv);
  const binary = options.browser ? null : deps.electronBinary();
  if (binary !== null) {
    io.err('kiosk start: starting the Electron kiosk shell');
    return deps.runElectron(binary, { configFile: options.configFile, clock: options.clock });
  }
  if (!options.browser) io.err("kiosk start: Electron's binary is not installed; using browser mode (see README, 'Electron shell and packaging')");
  const log = jsonLogger();
  const clock = options.clock ? clockStartingAt(new Date(options.clock)) : undefined;
  let mode;
  let keyFile;
  try {
    const config = deps.loadConfig(options.configFile);
    // The URL carries this start's key; a Chromium launcher reads it from the data folder (0600).
    keyFile = path.join(config.dataDir, KEY_FILE);
    mode = await startBrowserMode({ createHost: () => deps.startKiosk({ config, clock, log, failSafe: true }), port: options.port, log, keyFile });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      io.err(`kiosk start: port ${options.port} on 127.0.0.1 is in use; choose another with --port`);
    } else {
      // A bad configuration or an unreachable device: say what, without a stack trace.
      io.err(`kiosk start: the kiosk runtime did not start: ${(error as Error).message}`);
    }
    return EXIT_BAD_INPUT;
  }
  io.out(`Kiosk in browser mode: open ${mode.server.url} (Ctrl+C stops it)`);
  io.err(`kiosk start: the URL holds this start's key (only the screen may have it); also in ${keyFile} for a kiosk-mode browser`);
  const signal = await untilSignal(deps.signals);
  io.err(`kiosk start: ${signal}, shutting down`);
  await mode.stop();
  return EXIT_OK;
}

export const startCommand: Command = {
  name: 'start',
  summary: 'run the kiosk with its screen (Electron, or browser mode on 127.0.0.1)',
  usage: 'kiosk start [--browser] [--port N] [--config FILE] [--clock ISO]',
  run: (argv, io) => runStart(argv, io),
};
