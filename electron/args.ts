// What `kiosk start` passes to the Electron main process on its command line, and where the built
// preload and renderer sit relative to the bundled main script.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface ShellArgs {
  configFile?: string;
  clockStart?: Date;
  /** Devtools allowed: only with --dev and only when not packaged. */
  development: boolean;
}

export class ShellArgsError extends Error {
  override name = 'ShellArgsError';
}

/** Reads our options and ignores the rest (Chromium's own switches share the command line). */
export function parseShellArgs(argv: readonly string[], isPackaged: boolean): ShellArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { config: { type: 'string' }, clock: { type: 'string' }, dev: { type: 'boolean' } },
    strict: false,
    allowPositionals: true,
  });
  const args: ShellArgs = { development: values.dev === true && !isPackaged };
  if (typeof values.config === 'string') args.configFile = values.config;
  if (typeof values.clock === 'string') {
    const start = new Date(values.clock);
    if (Number.isNaN(start.getTime())) throw new ShellArgsError(`--clock ${values.clock} is not an ISO time`);
    args.clockStart = start;
  } else if (values.clock !== undefined) {
    throw new ShellArgsError('--clock needs an ISO time');
  }
  if (values.config !== undefined && typeof values.config !== 'string') throw new ShellArgsError('--config needs a file');
  return args;
}

export interface ShellPaths {
  preloadPath: string;
  rendererDir: string;
}

/**
 * The bundle layout electron/build.ts writes: dist/electron/{main.mjs,preload.cjs} next to
 * dist/renderer (vite's output). Inside a package the same layout sits in app.asar.
 */
export function shellPaths(mainModuleUrl: string): ShellPaths {
  const dir = path.dirname(fileURLToPath(mainModuleUrl));
  return { preloadPath: path.join(dir, 'preload.cjs'), rendererDir: path.resolve(dir, '..', 'renderer') };
}
