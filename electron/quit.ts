// Quitting waits for the runtime to shut down (the lock goes to off, devices and the database
// close) before the process exits, whether the quit comes from the app, the window or a signal.
import { type Logger } from '../runtime/log';

export interface QuitAppLike {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): void;
  on(event: 'window-all-closed', listener: () => void): void;
  quit(): void;
  exit(code?: number): void;
}

export interface SignalSource {
  on(signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP', listener: () => void): void;
}

export interface QuitOptions {
  app: QuitAppLike;
  signals: SignalSource;
  /** The runtime to shut down; a promise because the runtime may still be starting. */
  shutdown: () => Promise<void>;
  log: Logger;
  /** If shutdown hangs this long, exit anyway with code 1 (the lock driver's own timer still ends the release). */
  shutdownTimeoutMs?: number;
}

export interface QuitControl {
  isQuitting(): boolean;
  /** Starts an orderly quit (same path as before-quit). */
  quit(): void;
}

export function setupQuit({ app, signals, shutdown, log, shutdownTimeoutMs = 10_000 }: QuitOptions): QuitControl {
  let state: 'running' | 'stopping' | 'stopped' = 'running';

  const stop = async () => {
    state = 'stopping';
    log.info('electron.quitting');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), shutdownTimeoutMs);
    });
    let code = 0;
    try {
      const outcome = await Promise.race([shutdown().then(() => 'done' as const), timeout]);
      if (outcome === 'timeout') {
        log.error('electron.shutdown_timeout', { afterMs: shutdownTimeoutMs });
        code = 1;
      }
    } catch (error) {
      log.error('electron.shutdown_failed', { error });
      code = 1;
    } finally {
      clearTimeout(timer);
    }
    state = 'stopped';
    if (code === 0) app.quit();
    else app.exit(code);
  };

  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    // Hold the quit until the runtime is down; stop() quits again when it is.
    event.preventDefault();
    if (state === 'running') void stop();
  });
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    signals.on(signal, () => {
      log.info('electron.signal', { signal });
      app.quit();
    });
  }

  return {
    isQuitting: () => state !== 'running',
    quit: () => app.quit(),
  };
}
