// Times every ILS operation into a Prometheus histogram, by operation and outcome.
import type { Ils } from '../../ils';
import { type MetricsRegistry } from './metrics';
import { ILS_REQUEST_SECONDS, ILS_REQUEST_BUCKETS } from './metrics-catalog';

const OPERATIONS = new Set(['login', 'status', 'verifyPatron', 'patronInformation', 'checkout', 'checkin', 'renew', 'renewAll', 'itemInformation', 'endSession', 'feeStatus', 'feePaid', 'placeHold']);

export function measuredIls(ils: Ils, metrics: MetricsRegistry): Ils {
  const latency = metrics.histogram(...ILS_REQUEST_SECONDS, ILS_REQUEST_BUCKETS);
  return new Proxy(ils, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !OPERATIONS.has(property) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const start = performance.now();
        let outcome = 'ok';
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          outcome = 'error';
          throw error;
        } finally {
          latency.observe((performance.now() - start) / 1000, { operation: property, outcome });
        }
      };
    },
  });
}
