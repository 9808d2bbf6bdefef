// The renderer's bridge client against the real browser-mode server over real WebSockets on
// 127.0.0.1 (happy-dom's WebSocket sends the page's Origin and cookies, as a browser does).
// "Loading the page" with the printed URL gives happy-dom the start key's HttpOnly cookie.
import { afterEach, describe, expect, it } from 'vitest';
import { type BrowserServer, startTestBridgeServer } from '../../test/browser/bridge-server';
import { connectBridge } from './connect';
import { createWebSocketBridge, type WebSocketBridge } from './ws-client';

interface HappyDomWindow {
  happyDOM: { setURL(url: string): void };
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function serve(view: unknown, options: { port?: number; sessionKey?: string } = {}) {
  const started = await startTestBridgeServer(view, options);
  cleanups.push(() => started.server.close());
  return started;
}

function visit(server: BrowserServer | string) {
  (window as unknown as HappyDomWindow).happyDOM.setURL(typeof server === 'string' ? server : server.origin);
}

/** The page's first load with the printed URL (key in the query): the server answers with the cookie. */
async function load(server: BrowserServer): Promise<void> {
  visit(server);
  const page = await fetch(server.url);
  expect(page.status).toBe(200);
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe('renderer bridge <-> browser server', () => {
  it('receives views and sends events over a real WebSocket', async () => {
    const { host, server } = await serve({ screen: 'start' });
    await load(server);
    const api = connectBridge() as WebSocketBridge;
    cleanups.push(() => api.close());
    const views: unknown[] = [];
    api.onView((view) => views.push(view));
    await until(() => views.length === 1 && api.isConnected());
    expect(views).toEqual([{ screen: 'start' }]);
    api.send({ type: 'SET_LANGUAGE', language: 'en' });
    await until(() => host.sent.length === 1);
    expect(host.sent).toEqual([{ type: 'SET_LANGUAGE', language: 'en' }]);
    host.emit({ screen: 'identify' });
    await until(() => views.length === 2);
    expect(views[1]).toEqual({ screen: 'identify' });
  });

  it('is refused when the page comes from another origin', async () => {
    const { server, events } = await serve({ screen: 'start' });
    visit('http://evil.example/');
    const api = createWebSocketBridge({ url: `ws://127.0.0.1:${server.port}/bridge`, minRetryMs: 20 });
    cleanups.push(() => api.close());
    await until(() => events.filter((e) => e === 'browser.origin_refused').length >= 2);
    expect(api.isConnected()).toBe(false);
    expect(events).not.toContain('browser.client_connected');
    expect(server.clientCount()).toBe(0);
  });

  it('is refused without the start key, though Origin and Host are right', async () => {
    const { server, events } = await serve({ screen: 'start' });
    visit(server);
    const api = createWebSocketBridge({ url: `ws://127.0.0.1:${server.port}/bridge`, minRetryMs: 20 });
    cleanups.push(() => api.close());
    await until(() => events.filter((e) => e === 'browser.key_refused').length >= 2);
    expect(api.isConnected()).toBe(false);
    expect(events).not.toContain('browser.client_connected');
    expect(server.clientCount()).toBe(0);
  });

  it('reconnects when the runtime comes back on the same port (with the same key)', async () => {
    const sessionKey = 'k'.repeat(43);
    const first = await serve({ screen: 'start' }, { sessionKey });
    const port = first.server.port;
    await load(first.server);
    const api = createWebSocketBridge({ url: `ws://127.0.0.1:${port}/bridge`, minRetryMs: 20, maxRetryMs: 100 });
    cleanups.push(() => api.close());
    const views: unknown[] = [];
    api.onView((view) => views.push(view));
    await until(() => views.length === 1);
    await first.server.close();
    await until(() => !api.isConnected());
    const second = await serve({ screen: 'after-restart' }, { port, sessionKey });
    await until(() => views.length === 2 && api.isConnected());
    expect(views[1]).toEqual({ screen: 'after-restart' });
    api.send({ type: 'BORROW' });
    await until(() => second.host.sent.length === 1);
    expect(second.host.sent).toEqual([{ type: 'BORROW' }]);
  });
});
