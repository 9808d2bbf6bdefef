// Times every ILS operation into a Prometheus histogram, by operation and outcome.
import { type Ils } from '../../ils/ils-port';
import { type MetricsRegistry } from './metrics';

const OPERATIONS = new Set(['login', 'status', 'verifyPatron', 'patronInformation', 'checkout', 'checkin', 'renew', 'renewAll', 'itemInformation', 'endSession', 'feeStatus', 'feePaid', 'placeHold']);

export function measuredIls(ils: Ils, metrics: MetricsRegistry): Ils {
  const latency = metrics.histogram('kiosk_ils_request_seconds', 'ILS round trips by operation and outcome', [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]);
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
