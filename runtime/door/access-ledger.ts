// The door's side of the access log: every attempt is written, and a write that fails is an
// alarm (an error line staff alerting matches on, a metric, /health degraded). An opening whose
// row cannot be written does not happen: the door controller writes it before the release.
import type { AccessAttempt } from '../../store';
import { type Store } from '../../store/index';
import { type Logger } from '../log';
import { type MetricsRegistry } from '../services/metrics';
import { ACCESS_LOG_WRITE_FAILURES, ACCESS_LOG_WRITABLE } from '../services/metrics-catalog';

export interface AccessLedger {
  /** Writes the row; false (after raising the alarm) when it could not be written. */
  record(attempt: AccessAttempt): boolean;
  writable(): boolean;
}

export function accessLedger(store: Store, log: Logger, metrics: MetricsRegistry, door: string): AccessLedger {
  const failures = metrics.counter(...ACCESS_LOG_WRITE_FAILURES);
  const state = metrics.gauge(...ACCESS_LOG_WRITABLE);
  let writable = true;
  state.set(1, { door });
  return {
    record(attempt) {
      try {
        store.accessLog.record(attempt);
        if (!writable) log.info('access-log.write-recovered', { door });
        writable = true;
      } catch (error) {
        writable = false;
        failures.inc({ door });
        log.error('access-log.write-failed', { door, alarm: true, decision: attempt.decision, reason: attempt.reason, error });
      }
      state.set(writable ? 1 : 0, { door });
      return writable;
    },
    writable: () => writable,
  };
}
