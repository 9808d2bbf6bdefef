// A linked pair of pseudo-terminals made by socat: a driver opens one end as if it were a real
// serial device, a simulator (or a test) speaks the device's bytes on the other.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

export interface PtyPair {
  /** The end a driver opens, e.g. /dev/pts/7. */
  readonly devicePath: string;
  /** The end a simulator opens. */
  readonly simulatorPath: string;
  close(): Promise<void>;
}

export class PtyUnavailableError extends Error {
  override name = 'PtyUnavailableError';
}

export function socatAvailable(): boolean {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    // The probe's answer: socat cannot run here (openPtyPair would say why in its PtyUnavailableError).
    return false;
  }
}

let pdeathsig: boolean | undefined;
/** util-linux setpriv with --pdeathsig (2.33+), on Linux. */
function setprivAvailable(): boolean {
  if (pdeathsig === undefined) {
    try {
      pdeathsig = process.platform === 'linux' && execFileSync('setpriv', ['--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('--pdeathsig');
    } catch {
      // The probe's answer: no setpriv here, so socat runs without --pdeathsig.
      pdeathsig = false;
    }
  }
  return pdeathsig;
}

/**
 * socat dies with us: run through `setpriv --pdeathsig TERM`, the kernel sends socat SIGTERM when
 * the thread that forked it ends (the thread that calls spawn; in the product, the main thread, so
 * at process exit, even after a SIGKILL), and socat removes its links as it exits on SIGTERM.
 */
function socatCommand(args: string[]): [string, string[]] {
  return setprivAvailable() ? ['setpriv', ['--pdeathsig', 'TERM', '--', 'socat', ...args]] : ['socat', args];
}

const PTY_LINE = /PTY is (\S+)/;

export interface PtyPairOptions {
  /** Stable symlinks to the two ends, so a "replugged" pair reappears at the same paths. */
  deviceLink?: string;
  simulatorLink?: string;
  timeoutMs?: number;
}

/** Starts socat and resolves once both pty paths are known. */
export function openPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const end = (link?: string) => `pty,raw,echo=0${link ? `,link=${link}` : ''}`;
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      const [command, args] = socatCommand(['-d', '-d', end(options.deviceLink), end(options.simulatorLink)]);
      child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      reject(new PtyUnavailableError(`cannot start socat: ${(error as Error).message}`));
      return;
    }
    const paths: string[] = [];
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PtyUnavailableError(`socat did not report two ptys within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new PtyUnavailableError(`cannot start socat: ${error.message}`));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      let match: RegExpExecArray | null;
      const lines = stderr.split('\n');
      stderr = lines.pop() ?? '';
      for (const line of lines) {
        if ((match = PTY_LINE.exec(line)) && match[1]) paths.push(match[1]);
        if (line.includes('starting data transfer loop') && paths.length === 2) {
          clearTimeout(timer);
          resolve(makePair(child, options.deviceLink ?? paths[0]!, options.simulatorLink ?? paths[1]!));
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (paths.length < 2) reject(new PtyUnavailableError(`socat exited with code ${code} before the ptys were ready`));
    });
  });
}

function makePair(child: ChildProcess, devicePath: string, simulatorPath: string): PtyPair {
  let closed: Promise<void> | null = null;
  return {
    devicePath,
    simulatorPath,
    close() {
      closed ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      return closed;
    },
  };
}
