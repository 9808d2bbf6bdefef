// Background services of a site: watch the ILS link (online/offline), replay the offline queue
// when the ILS comes back, and purge expired personal data at least hourly.
import { type Ils, isOnLoan } from '../../ils';
import { copenhagenDay } from '../../policy';
import { type OfflineTransaction, type OutcomeCheck, type ReplayResult, type Store } from '../../store/index';
import { type Clock } from '../clock';
import { type Logger } from '../log';
import { type MetricsRegistry } from './metrics';
import { ILS_ONLINE, OFFLINE_QUEUE_LENGTH, PURGED_ROWS, OFFLINE_REPLAY_REFUSED } from './metrics-catalog';

export interface SiteServices {
  /** Replays the offline queue now (also runs by itself whenever the ILS comes back online). */
  replayOfflineQueue(): Promise<void>;
  purgeNow(): void;
  stop(): void;
}

export interface SiteServiceDeps {
  store: Store;
  ils: Ils;
  clock: Clock;
  log: Logger;
  metrics: MetricsRegistry;
  purgeEveryMs: number;
}

/** Sends one queued transaction as SIP2 no-block with its original time. A loan or renewal with no
 * patron recorded is refused here, never sent with an empty patron id. */
export async function replayTransaction(ils: Ils, tx: OfflineTransaction): Promise<ReplayResult> {
  const { patronId } = tx;
  if (tx.kind !== 'checkin' && !patronId) {
    return { ok: false, message: `the kiosk has no patron recorded for this ${tx.kind}` };
  }
  const result =
    tx.kind === 'checkin'
      ? await ils.checkin({ itemId: tx.itemId, offline: { returnDate: tx.occurredAt } })
      : tx.kind === 'checkout'
        ? await ils.checkout({ patronId: patronId ?? '', itemId: tx.itemId, offline: { transactionDate: tx.occurredAt } })
        : await ils.renew({ patronId: patronId ?? '', itemId: tx.itemId });
  const message = result.screenMessages.join(' ') || undefined;
  const due = 'dueDate' in result ? copenhagenDay(result.dueDate) : undefined;
  return { ok: result.ok, ...(message ? { message } : {}), ...(due ? { dueDate: due } : {}) };
}

/** After a crash mid-send: did the ILS apply it? Read the item's state back (SIP2 17). */
export async function transactionOutcome(ils: Ils, tx: OfflineTransaction): Promise<OutcomeCheck> {
  const item = await ils.itemInformation(tx.itemId);
  if (!item.found) return 'unknown';
  const onLoan = isOnLoan(item.circulationStatus);
  if (tx.kind === 'checkout') return onLoan ? 'applied' : 'not-applied';
  if (tx.kind === 'checkin') return onLoan ? 'not-applied' : 'applied';
  return 'unknown';
}

export function startSiteServices(deps: SiteServiceDeps): SiteServices {
  const { store, ils, log, metrics } = deps;
  const online = metrics.gauge(...ILS_ONLINE);
  const queued = metrics.gauge(...OFFLINE_QUEUE_LENGTH);
  const purged = metrics.counter(...PURGED_ROWS);
  const refused = metrics.counter(...OFFLINE_REPLAY_REFUSED);
  const updateQueue = () => {
    const counts = store.offlineQueue.counts();
    queued.set(counts.pending + counts.sending);
  };

  let replaying: Promise<void> | null = null;
  const replayOfflineQueue = () => {
    replaying ??= store.offlineQueue
      .replayPending({ replay: (tx) => replayTransaction(ils, tx), checkOutcome: (tx) => transactionOutcome(ils, tx) })
      .then((report) => {
        if (report.done || report.refused || report.stoppedBy) log.info('offline-queue.replayed', { ...report });
        // A loan the kiosk made offline that the ILS refused leaves a tag saying "checked out" with no
        // loan behind it: staff must find the item (diagnostics lists the refused rows).
        if (report.refused) {
          refused.inc({}, report.refused);
          log.error('offline-queue.refused', { refused: report.refused, alarm: true });
        }
      })
      .catch((error: unknown) => log.error('offline-queue.replay-failed', { error }))
      .finally(() => {
        replaying = null;
        updateQueue();
      });
    return replaying;
  };

  const purgeNow = () => {
    try {
      const report = store.purgeExpired(deps.clock.now());
      for (const [table, rows] of Object.entries(report)) if (rows) purged.inc({ table }, rows);
    } catch (error) {
      log.error('retention.purge-failed', { error });
    }
  };

  online.set(ils.link.state === 'online' ? 1 : 0);
  updateQueue();
  const unsubscribe = ils.link.subscribe((state, previous) => {
    online.set(state === 'online' ? 1 : 0);
    log.info('ils.link', { state, previous });
    if (state === 'online') void replayOfflineQueue();
  });
  const purgeTimer = setInterval(purgeNow, deps.purgeEveryMs);
  purgeTimer.unref();

  return {
    replayOfflineQueue,
    purgeNow,
    stop() {
      unsubscribe();
      clearInterval(purgeTimer);
    },
  };
}
