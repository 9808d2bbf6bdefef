// Electron main process entry (bundled to dist/electron/main.mjs by electron/build.ts). Thin on
// purpose: parse the command line, hand Electron's objects to the shell, start the runtime.
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { clockStartingAt } from '../runtime/clock';
import { jsonLogger } from '../runtime/log';
import { startKiosk } from '../runtime/start-kiosk';
import { parseShellArgs, type ShellArgs, shellPaths } from './args';
import { type ElectronApi, startShell } from './shell';

const log = jsonLogger();
const electron: ElectronApi = { app, BrowserWindow, ipcMain, Menu, protocol, session };

function run(args: ShellArgs): void {
  // The injected runtime factory: the same startKiosk that `kiosk start --browser` uses.
  const createKioskHost = () =>
    startKiosk({ configFile: args.configFile, clock: args.clockStart ? clockStartingAt(args.clockStart) : undefined, log, failSafe: true });
  startShell({ electron, createKioskHost, paths: shellPaths(import.meta.url), development: args.development, signals: process, log }).catch(
    (error: unknown) => {
      log.error('electron.start_failed', { error });
      app.exit(1);
    },
  );
}

try {
  run(parseShellArgs(process.argv.slice(1), app.isPackaged));
} catch (error) {
  log.error('electron.bad_arguments', { error });
  app.exit(2);
}
