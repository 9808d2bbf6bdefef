// A device path can vanish while its port still looks open: a USB adapter leaves /dev when
// pulled, socat removes its `link=` symlinks when it exits. One stat a second notices.
import { existsSync, stat } from 'node:fs';

/**
 * Calls `onGone` once when `path` no longer exists, checking every `everyMs`. Paths that do not
 * exist to begin with (a fake binding's, a Windows COM port) are not watched. Returns a stop.
 */
export function watchPresence(path: string, everyMs: number, onGone: () => void): () => void {
  if (!existsSync(path)) return () => undefined;
  let stopped = false;
  const timer = setInterval(() => {
    stat(path, (error) => {
      if (stopped || (error?.code !== 'ENOENT' && error?.code !== 'ENOTDIR')) return;
      stop();
      onGone();
    });
  }, everyMs);
  // The open port, not this check, decides whether the process stays alive.
  timer.unref();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return stop;
}
