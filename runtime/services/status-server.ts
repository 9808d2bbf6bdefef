// /metrics (Prometheus text) and /health (JSON) on a local HTTP port, for fleet monitoring.
import { createServer, type Server } from 'node:http';
import { listenOn, refuseOtherMethods, stopListening } from '../local-http';
import { type MetricsRegistry } from './metrics';

export interface Health {
  status: 'ok' | 'degraded';
  [detail: string]: unknown;
}

export interface StatusServer {
  readonly port: number;
  close(): Promise<void>;
}

export function startStatusServer(options: {
  metrics: MetricsRegistry;
  health: () => Health;
  port: number;
  host?: string;
}): Promise<StatusServer> {
  const server: Server = createServer((req, res) => {
    if (refuseOtherMethods(req, res, ['GET'])) return;
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(options.metrics.render());
    } else if (req.url === '/health') {
      const health = options.health();
      res.writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(health));
    } else {
      res.writeHead(404).end();
    }
  });
  return listenOn(server, options.port, options.host ?? '127.0.0.1').then((port) => ({ port, close: () => stopListening(server) }));
}
