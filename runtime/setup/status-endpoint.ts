// /metrics and /health for both roots. The door must serve them (it is what the fleet watches);
// the kiosk shares the box with a door that may already serve the port, so for it a busy port is a
// warning, not a failure.
import { type Logger } from '../log';
import { type MetricsRegistry } from '../services/metrics';
import { type Health, startStatusServer, type StatusServer } from '../services/status-server';

export interface StatusEndpointOptions {
  metrics: MetricsRegistry;
  port: number;
  health: () => Health;
}

/** The door's endpoint: it must be served (it is what the fleet watches). */
export function setupStatusEndpoint(options: StatusEndpointOptions): Promise<StatusServer> {
  return startStatusServer({ metrics: options.metrics, port: options.port, health: options.health });
}

/** The kiosk's endpoint: null (and a warning) when the port is already served on this box. */
export async function setupOptionalStatusEndpoint(options: StatusEndpointOptions & { log: Logger }): Promise<StatusServer | null> {
  return setupStatusEndpoint(options).catch((error: unknown) => {
    options.log.warn('status-server.unavailable', { port: options.port, error });
    return null;
  });
}

/** Health as both roots report it: ok only when the ILS is online and every listed check passes. */
export function healthOf(ils: string, checks: Record<string, unknown>, ok: boolean): Health {
  return { status: ils === 'online' && ok ? 'ok' : 'degraded', ils, ...checks };
}
