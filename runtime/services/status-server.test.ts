import { afterEach, describe, expect, it } from 'vitest';
import { MetricsRegistry } from './metrics';
import { type Health, startStatusServer, type StatusServer } from './status-server';

let server: StatusServer | undefined;
afterEach(async () => server?.close());

describe('status server', () => {
  it('serves /metrics and /health over real HTTP on 127.0.0.1', async () => {
    const metrics = new MetricsRegistry();
    metrics.gauge('kiosk_ils_online', 'ILS online').set(0);
    let health: Health = { status: 'ok', ils: 'online' };
    server = await startStatusServer({ metrics, health: () => health, port: 0 });
    const base = `http://127.0.0.1:${server.port}`;

    const m = await fetch(`${base}/metrics`);
    expect(m.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await m.text()).toContain('kiosk_ils_online 0');

    expect((await fetch(`${base}/health`)).status).toBe(200);
    health = { status: 'degraded', ils: 'offline' };
    const h = await fetch(`${base}/health`);
    expect(h.status).toBe(503);
    expect(await h.json()).toEqual({ status: 'degraded', ils: 'offline' });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
