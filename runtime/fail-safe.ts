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
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const locks = () => (typeof options.locks === 'function' ? options.locks() : options.locks);
  const { log } = options;

  /** Every lock off, now; lockOff is true when every one confirmed it, lockErrors says why not. */
  const allOff = (): { lockOff: boolean; lockErrors?: string[] } => {
    let ok = true;
    const errors: string[] = [];
    for (const lock of locks()) {
      try {
        ok = lock.emergencyOff() && ok;
      } catch (error) {
        ok = false;
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    return errors.length > 0 ? { lockOff: ok, lockErrors: errors } : { lockOff: ok };
  };

  let crashed = false;
  const crash = (kind: string, code: number, error?: unknown) => {
    if (crashed) return exit(code); // a second failure while handling the first
    crashed = true;
    const off = allOff();
    const detail = error instanceof Error ? { error: error.message, stack: error.stack } : error === undefined ? {} : { error: String(error) };
    try {
      log.error('fail-safe.crash', { kind, ...off, ...detail });
    } catch {
      // logging must not stop the exit
    }
    exit(code);
  };

  const onException = (error: unknown) => crash('uncaught-exception', EXIT_CRASH, error);
  const onRejection = (reason: unknown) => crash('unhandled-rejection', EXIT_CRASH, reason);
  const onExit = () => {
    // After a clean stop the locks are closed already (false means nothing then); a crash has
    // logged its own result above, and no log line is reliably written from an exit handler.
    allOff();
  };
  const signalHandlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of CRASH_SIGNALS) {
    signalHandlers.set(signal, () => crash(signal, 128 + (constants.signals[signal] ?? 0)));
  }
  let graceful = 0;
  for (const signal of options.gracefulSignals ?? ['SIGTERM', 'SIGINT']) {
    signalHandlers.set(signal, () => {
      graceful += 1;
      const code = 128 + (constants.signals[signal] ?? 0);
      if (proc.listenerCount(signal) < 2) return crash(`${signal} (no clean stop listening)`, code);
      if (graceful > 1) return crash(`${signal} (repeated)`, code);
      log.info('fail-safe.lock-off', { signal, ...allOff() });
    });
  }

  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  proc.on('exit', onExit);
  for (const [signal, handler] of signalHandlers) proc.on(signal, handler);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
    proc.off('exit', onExit);
    for (const [signal, handler] of signalHandlers) proc.off(signal, handler);
  };
}
