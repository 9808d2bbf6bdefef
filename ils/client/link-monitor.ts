// Online/offline with hysteresis: one failure takes the link offline (the kiosk falls back
// to its cache at once), several good answers in a row bring it back (no flapping).
import { type IlsLinkState, type IlsLinkWatcher } from '../ils-port';

export interface HysteresisOptions {
  /** Consecutive good answers needed to go from offline back to online (default 3). */
  successesToOnline?: number;
  /** Consecutive failures that take an online link offline (default 1). */
  failuresToOffline?: number;
}

type Listener = (state: IlsLinkState, previous: IlsLinkState) => void;

export class LinkMonitor implements IlsLinkWatcher {
  private current: IlsLinkState = 'unknown';
  private successes = 0;
  private failures = 0;
  private readonly listeners = new Set<Listener>();
  private readonly successesToOnline: number;
  private readonly failuresToOffline: number;

  /** `onWatcherError` hears a watcher that threw (the link carries on without it). */
  constructor(
    options: HysteresisOptions = {},
    private readonly onWatcherError: (error: unknown) => void = () => {},
  ) {
    this.successesToOnline = Math.max(1, options.successesToOnline ?? 3);
    this.failuresToOffline = Math.max(1, options.failuresToOffline ?? 1);
  }

  get state(): IlsLinkState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recordSuccess(): void {
    this.failures = 0;
    this.successes += 1;
    // The very first answer counts at once: there is nothing to be cautious about yet.
    if (this.current === 'unknown' || (this.current === 'offline' && this.successes >= this.successesToOnline)) {
      this.set('online');
    }
  }

  recordFailure(): void {
    this.successes = 0;
    this.failures += 1;
    if (this.current === 'unknown' || (this.current === 'online' && this.failures >= this.failuresToOffline)) {
      this.set('offline');
    }
  }

  private set(state: IlsLinkState): void {
    const previous = this.current;
    if (previous === state) return;
    this.current = state;
    for (const listener of [...this.listeners]) {
      try {
        listener(state, previous);
      } catch (error) {
        // A watcher's bug must not break the ILS link, nor the other watchers: reported, not rethrown.
        this.onWatcherError(error);
      }
    }
  }
}
