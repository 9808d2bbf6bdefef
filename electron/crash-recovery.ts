// A kiosk screen must come back by itself: a crashed renderer is reloaded, a hung one is killed
// (which Electron reports as gone, so it is reloaded too). Repeated crashes back off, so a page
// that crashes at once does not spin the CPU.
import { type Logger } from '../runtime/log';

export interface RendererLike {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): void;
  on(event: 'unresponsive' | 'responsive', listener: () => void): void;
  reload(): void;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export interface CrashRecoveryOptions {
  log: Logger;
  /** Once quitting has begun, a gone renderer stays gone. */
  isQuitting: () => boolean;
  /** How long a renderer may stay unresponsive before it is killed and reloaded. */
  hangGraceMs?: number;
  /** Reload delays: the first crash after a calm period reloads after `minDelayMs`, then doubling. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A crash this long after the previous one counts as a first crash again. */
  calmAfterMs?: number;
  now?: () => number;
}

/** The delay before reload number `streak` (1 = first crash after a calm period). */
export function reloadDelay(streak: number, minDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, streak - 1));
}

export function setupCrashRecovery(contents: RendererLike, options: CrashRecoveryOptions): void {
  const { log, isQuitting } = options;
  const hangGraceMs = options.hangGraceMs ?? 10_000;
  const minDelayMs = options.minDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const calmAfterMs = options.calmAfterMs ?? 60_000;
  const now = options.now ?? Date.now;
  let streak = 0;
  let lastCrashAt = Number.NEGATIVE_INFINITY;
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;

  const cancelHang = () => {
    if (hangTimer !== null) clearTimeout(hangTimer);
    hangTimer = null;
  };

  contents.on('render-process-gone', (_event, details) => {
    cancelHang();
    if (isQuitting() || contents.isDestroyed()) return;
    const at = now();
    streak = at - lastCrashAt > calmAfterMs ? 1 : streak + 1;
    lastCrashAt = at;
    const delay = reloadDelay(streak, minDelayMs, maxDelayMs);
    log.error('electron.renderer_gone', { reason: details.reason, exitCode: details.exitCode, reloadInMs: delay });
    if (reloadTimer !== null) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      if (isQuitting() || contents.isDestroyed()) return;
      contents.reload();
    }, delay);
  });

  contents.on('unresponsive', () => {
    if (hangTimer !== null || isQuitting()) return;
    log.warn('electron.renderer_unresponsive', { killInMs: hangGraceMs });
    hangTimer = setTimeout(() => {
      hangTimer = null;
      if (isQuitting() || contents.isDestroyed()) return;
      log.error('electron.renderer_hung', { afterMs: hangGraceMs });
      contents.forcefullyCrashRenderer();
    }, hangGraceMs);
  });

  contents.on('responsive', () => {
    if (hangTimer !== null) log.info('electron.renderer_responsive');
    cancelHang();
  });
}
