// How `kiosk start` brings up a screen for the runtime: the Electron shell when its binary is
// installed, otherwise browser mode (this server on 127.0.0.1). The CLI command stays thin.
import { type ChildProcess, spawn as nodeSpawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type KioskHost } from './front-end-port';
import { type Logger } from './log';
import { type BrowserServer, startBrowserServer } from './browser/server';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
/** Where vite writes the screens and electron/build.ts the shell (see README). */
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'dist', 'renderer');
export const ELECTRON_MAIN = path.join(PROJECT_ROOT, 'dist', 'electron', 'main.mjs');
export const ELECTRON_BUILD_SCRIPT = path.join(PROJECT_ROOT, 'electron', 'build.ts');
export const DEFAULT_BROWSER_PORT = 4280;

/**
 * The Electron executable, or null when only the npm package is installed: its index.js throws
 * (or names a missing file) when the binary download was skipped.
 */
export function electronBinary(load: (id: string) => unknown = createRequire(import.meta.url), exists: (file: string) => boolean = existsSync): string | null {
  try {
    const binary = load('electron');
    return typeof binary === 'string' && exists(binary) ? binary : null;
  } catch {
    // The package's way of saying "no binary": `kiosk start` says so and uses browser mode.
    return null;
  }
}

export interface ShellOptions {
  configFile?: string;
  /** ISO time the runtime's clock starts at. */
  clock?: string;
}

/** The Electron command line: the bundled main script, then the shell's own options. */
export function electronArgs(mainScript: string, options: ShellOptions): string[] {
  const args = [mainScript];
  if (options.configFile !== undefined) args.push('--config', path.resolve(options.configFile));
  if (options.clock !== undefined) args.push('--clock', options.clock);
  return args;
}

export type Spawn = (command: string, args: string[], options: { stdio: 'inherit'; cwd: string; env: NodeJS.ProcessEnv }) => Pick<ChildProcess, 'on' | 'kill'>;

export interface SignalSource {
  on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  off(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

/** Runs a child to its end, passing SIGTERM/SIGINT on so it can shut down (lock off) itself. */
export function runChild(command: string, args: string[], spawn: Spawn = nodeSpawn, signals: SignalSource = process): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: PROJECT_ROOT, env: process.env });
    const forward = (signal: 'SIGTERM' | 'SIGINT') => () => child.kill(signal);
    const onTerm = forward('SIGTERM');
    const onInt = forward('SIGINT');
    signals.on('SIGTERM', onTerm);
    signals.on('SIGINT', onInt);
    const done = () => {
      signals.off('SIGTERM', onTerm);
      signals.off('SIGINT', onInt);
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Bundles the shell (dist/electron) with the same tsx the CLI runs under, then runs Electron. */
export async function runElectron(binary: string, options: ShellOptions, spawn: Spawn = nodeSpawn, signals: SignalSource = process): Promise<number> {
  const built = await runChild(process.execPath, ['--import', 'tsx', ELECTRON_BUILD_SCRIPT], spawn, signals);
  if (built !== 0) return built;
  return runChild(binary, electronArgs(ELECTRON_MAIN, options), spawn, signals);
}

export interface BrowserModeOptions<View, UiEvent> {
  createHost: () => Promise<KioskHost<View, UiEvent>>;
  port: number;
  rendererDir?: string;
  /** Where the page's URL (with this start's key) is written, mode 0600, for a Chromium launcher. */
  keyFile?: string;
  log?: Logger;
}

/** The data folder's file a kiosk-mode Chromium launcher reads the URL from. */
export const KEY_FILE = 'browser-url';

/** Written whole or not at all (a launcher never reads half a URL), readable by this user only. */
async function writeKeyFile(file: string, url: string): Promise<void> {
  const partial = `${file}.${process.pid}.tmp`;
  await rm(partial, { force: true });
  await writeFile(partial, `${url}\n`, { mode: 0o600, flag: 'wx' });
  await rename(partial, file);
}

export interface BrowserMode {
  readonly server: BrowserServer;
  /** Closes the screens' connections, then shuts the runtime down (the lock goes to off). */
  stop(): Promise<void>;
}

export async function startBrowserMode<View, UiEvent>(options: BrowserModeOptions<View, UiEvent>): Promise<BrowserMode> {
  const host = await options.createHost();
  let server: BrowserServer;
  try {
    server = await startBrowserServer({ host, rendererDir: options.rendererDir ?? RENDERER_DIR, port: options.port, log: options.log });
  } catch (error) {
    // No screen, no kiosk: release what the runtime opened before reporting.
    await host.shutdown();
    throw error;
  }
  const keyFile = options.keyFile;
  try {
    if (keyFile !== undefined) await writeKeyFile(keyFile, server.url);
  } catch (error) {
    await server.close();
    await host.shutdown();
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    server,
    stop: () => {
      stopping ??= (async () => {
        try {
          if (keyFile !== undefined) await rm(keyFile, { force: true });
          await server.close();
        } finally {
          await host.shutdown();
        }
      })();
      return stopping;
    },
  };
}

/** Resolves on the first SIGTERM or SIGINT. */
export function untilSignal(signals: SignalSource = process): Promise<'SIGTERM' | 'SIGINT'> {
  return new Promise((resolve) => {
    const onTerm = () => finish('SIGTERM');
    const onInt = () => finish('SIGINT');
    const finish = (signal: 'SIGTERM' | 'SIGINT') => {
      signals.off('SIGTERM', onTerm);
      signals.off('SIGINT', onInt);
      resolve(signal);
    };
    signals.on('SIGTERM', onTerm);
    signals.on('SIGINT', onInt);
  });
}
