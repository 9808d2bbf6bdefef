// Fail safe: a dying process leaves the relay off. Crash handlers (uncaught exception, unhandled
// rejection, terminating signals nobody else handles, process exit) switch every lock off with
// blocking calls before the process exits non-zero. The graceful signals (SIGTERM, SIGINT) stay
// with the command's clean stop; the locks are switched off at once there too, and a second such
// signal exits at once. What no handler can catch (SIGKILL, power loss) is left to the service
// manager: systemd restarts the door at once and runs `kiosk lock off` (ops/systemd), and the lock
// switches off first at every start.
import { constants } from 'node:os';
import { type Logger } from './log';

export interface EmergencyLock {
  /** Switches off before returning; true when confirmed written. */
  emergencyOff(): boolean;
}

export interface FailSafeOptions {
  /** The locks to switch off (a function when they are built later). */
  locks: EmergencyLock[] | (() => EmergencyLock[]);
  log: Logger;
  /** Signals a command handles with its own clean stop (default SIGTERM, SIGINT): the locks go off
   * at once and the stop goes on; with no other listener (not yet, or no more) it is a crash. */
  gracefulSignals?: NodeJS.Signals[];
  /** For tests: the process whose events are watched, and how it exits. */
  process?: Pick<NodeJS.Process, 'on' | 'off' | 'listenerCount'>;
  exit?: (code: number) => void;
}

/** Signals whose default action ends the process. Not SIGUSR1 (Node's inspector), SIGPROF and
 * SIGVTALRM (profilers), SIGKILL and SIGSTOP (cannot be caught), nor SIGSEGV/SIGBUS/SIGFPE/SIGILL
 * (no JavaScript may run after them). */
export const CRASH_SIGNALS = (['SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGXCPU', 'SIGXFSZ', 'SIGPWR'] as const).filter(
  (signal) => signal in constants.signals,
) as NodeJS.Signals[];

/** Exit code after an uncaught exception or unhandled rejection (EX_SOFTWARE). */
export const EXIT_CRASH = 70;

/** Installs the handlers; returns a function that removes them. */
export function installFailSafe(options: FailSafeOptions): () => void {
  const proc = options.process ?? process;
  const locks = () => (typeof options.locks === 'function' ? options.locks() : options.locks);
  const crash = crashOnce(locks, options.log, options.exit ?? ((code: number) => process.exit(code)));
  const handlers = new Map<string, (arg?: unknown) => void>([
    ['uncaughtException', (error: unknown) => crash('uncaught-exception', EXIT_CRASH, error)],
    ['unhandledRejection', (reason: unknown) => crash('unhandled-rejection', EXIT_CRASH, reason)],
    // After a clean stop the locks are closed already (false means nothing then); a crash has
    // logged its own result, and no log line is reliably written from an exit handler.
    ['exit', () => {
      allOff(locks());
    }],
    ...signalHandlers(proc, locks, options, crash),
  ]);
  for (const [event, handler] of handlers) proc.on(event, handler);
  return () => {
    for (const [event, handler] of handlers) proc.off(event, handler);
  };
}

type Crash = (kind: string, code: number, error?: unknown) => void;

/** Every lock off, now; lockOff is true when every one confirmed it, lockErrors says why not. */
function allOff(locks: EmergencyLock[]): { lockOff: boolean; lockErrors?: string[] } {
  let ok = true;
  const errors: string[] = [];
  for (const lock of locks) {
    try {
      ok = lock.emergencyOff() && ok;
    } catch (error) {
      ok = false;
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return errors.length > 0 ? { lockOff: ok, lockErrors: errors } : { lockOff: ok };
}

/** The crash path: every lock off, one log line, exit; a second failure while handling the first exits at once. */
function crashOnce(locks: () => EmergencyLock[], log: Logger, exit: (code: number) => void): Crash {
  let crashed = false;
  return (kind, code, error) => {
    if (crashed) return exit(code);
    crashed = true;
    const off = allOff(locks());
    const detail = error instanceof Error ? { error: error.message, stack: error.stack } : error === undefined ? {} : { error: String(error) };
    try {
      log.error('fail-safe.crash', { kind, ...off, ...detail });
    } catch {
      // logging must not stop the exit
    }
    exit(code);
  };
}

/** Crash signals crash; a graceful signal switches the locks off and leaves the stop to the command,
 * unless nobody else listens for it or it is the second one. */
function signalHandlers(
  proc: Pick<NodeJS.Process, 'listenerCount'>,
  locks: () => EmergencyLock[],
  options: Pick<FailSafeOptions, 'gracefulSignals' | 'log'>,
  crash: Crash,
): Array<[NodeJS.Signals, () => void]> {
  const exitCode = (signal: NodeJS.Signals) => 128 + (constants.signals[signal] ?? 0);
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of CRASH_SIGNALS) handlers.set(signal, () => crash(signal, exitCode(signal)));
  let graceful = 0;
  for (const signal of options.gracefulSignals ?? ['SIGTERM', 'SIGINT']) {
    handlers.set(signal, () => {
      graceful += 1;
      if (proc.listenerCount(signal) < 2) return crash(`${signal} (no clean stop listening)`, exitCode(signal));
      if (graceful > 1) return crash(`${signal} (repeated)`, exitCode(signal));
      options.log.info('fail-safe.lock-off', { signal, ...allOff(locks()) });
    });
  }
  return [...handlers];
}
