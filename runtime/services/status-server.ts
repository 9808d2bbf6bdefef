// /metrics (Prometheus text) and /health (JSON) on a local HTTP port, for fleet monitoring.
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
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
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(options.metrics.render());
    } else if (req.url === '/health') {
      const health = options.health();
      res.writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(health));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
