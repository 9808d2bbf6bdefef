// Starts the real kiosk (`kiosk start --browser --port 0`) as a child process with its own data
// folder and a fixed starting clock, and reads the URL it prints.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_TECHNICIAN_CODE, DEMO_TECHNICIAN_CODE_HASH } from '../../../runtime/config';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
/** A Wednesday, 10:00 in Copenhagen: inside every profile's unstaffed hours. */
export const E2E_CLOCK = '2026-11-18T10:00:00+01:00';
export const TECHNICIAN_CODE = DEMO_TECHNICIAN_CODE;

export interface KioskProcess {
  /** The printed URL, with this start's key (the page trades it for its cookie on the first load). */
  url: string;
  /** Everything the kiosk wrote (JSON log lines on stdout/stderr), for failure messages. */
  output(): string;
  /** Kills the runtime at once (SIGKILL: no shutdown, as in a crash) and waits until it is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`the kiosk printed no URL within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    const onData = () => {
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]+)/.exec(output());
      if (match?.[1]) finish(null, match[1]);
    };
    const onExit = (code: number | null) => finish(new Error(`the kiosk exited (${code}) before printing its URL:\n${output()}`));
    const finish = (error: Error | null, url?: string) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(url as string);
    };
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

export async function startKioskProcess(options: { clock?: string; session?: Record<string, number> } = {}): Promise<KioskProcess> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kiosk-e2e-'));
  const configFile = path.join(dir, 'kiosk.json');
  await writeFile(
    configFile,
    JSON.stringify({ library: 'hvidovre', branch: 'Hovedbiblioteket', dataDir: 'data', ils: { transport: 'simulated' }, technicianCodeHash: DEMO_TECHNICIAN_CODE_HASH, httpPort: 0, ...(options.session ? { session: options.session } : {}) }),
  );
  const child = spawn(process.execPath, ['bin/kiosk.js', 'start', '--browser', '--port', '0', '--config', configFile, '--clock', options.clock ?? E2E_CLOCK], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const output = () => text;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const url = await waitForUrl(child, output, 20_000);
    const kill = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    };
    return { url, output, kill, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
