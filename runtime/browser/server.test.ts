import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeKioskHost } from '../../test/browser/fake-kiosk-host';
import { type Logger } from '../log';
import { BRIDGE_PATH, EVENT_CHANNEL, READY_CHANNEL } from '../screen-contract';
import { type BrowserServer, startBrowserServer } from './server';
import { allowedOrigins } from './page-origin';
import { cookieName } from './session-key';

/** This start's key, fixed for the tests (the runtime makes a random one per start). */
const KEY = 'test-key-0123456789-abcdefghijklmnopqrstuv';
const cookieOf = (port: number) => `${cookieName(port)}=${KEY}`;

interface View {
  screen: string;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function recordingLog(): Logger & { lines: Array<{ event: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ event: string; fields?: Record<string, unknown> }> = [];
  const push = (event: string, fields?: Record<string, unknown>) => lines.push({ event, fields });
  return { lines, debug: push, info: push, warn: push, error: push };
}

async function start(options: { maxClients?: number; rendererDir?: string; log?: Logger } = {}) {
  const host = new FakeKioskHost<View, { type: string }>({ screen: 'start' });
  const server = await startBrowserServer({ host, rendererDir: options.rendererDir ?? '/nonexistent-renderer', sessionKey: KEY, ...options });
  closers.push(() => server.close());
  return { host, server };
}

/** A screen (the page the server served, so with its cookie): a WebSocket client that records every view. */
async function connect(server: BrowserServer, origin = allowedOrigins(server.port)[0]) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${BRIDGE_PATH}`, { origin, headers: { cookie: cookieOf(server.port) } });
  const views: unknown[] = [];
  ws.on('message', (data) => views.push(JSON.parse(data.toString())));
  closers.push(async () => {
    if (ws.readyState !== WebSocket.CLOSED) ws.terminate();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, views };
}

/** The HTTP status an upgrade was refused with. */
function refusedWith(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('error', () => undefined);
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

function get(port: number, pathName: string, host = `127.0.0.1:${port}`, method = 'GET', cookie: string | null = cookieOf(port)) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathName, method, headers: { host, ...(cookie ? { cookie } : {}) } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser server: WebSocket bridge', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { server } = await start();
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?key=${KEY}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('sends the current view on connect and every later view to every screen', async () => {
    const { host, server } = await start();
    const a = await connect(server);
    const b = await connect(server, `http://localhost:${server.port}`);
    await until(() => a.views.length === 1 && b.views.length === 1);
    expect(a.views[0]).toEqual({ channel: 'kiosk:view', view: { screen: 'start' } });
    host.emit({ screen: 'checkout' });
    await until(() => a.views.length === 2 && b.views.length === 2);
    expect(a.views[1]).toEqual({ channel: 'kiosk:view', view: { screen: 'checkout' } });
    expect(b.views[1]).toEqual({ channel: 'kiosk:view', view: { screen: 'checkout' } });
  });

  it('answers a ready frame with the current view', async () => {
    const { server } = await start();
    const screen = await connect(server);
    await until(() => screen.views.length === 1);
    screen.ws.send(JSON.stringify({ channel: READY_CHANNEL }));
    await until(() => screen.views.length === 2);
    expect(screen.views[1]).toEqual({ channel: 'kiosk:view', view: { screen: 'start' } });
  });

  it('forwards a valid UI event to the host, a copy with the same fields', async () => {
    const { host, server } = await start();
    const screen = await connect(server);
    screen.ws.send(JSON.stringify({ channel: EVENT_CHANNEL, event: { type: 'PIN_DIGIT', digit: '4' } }));
    await until(() => host.sent.length === 1);
    expect(host.sent).toEqual([{ type: 'PIN_DIGIT', digit: '4' }]);
  });

  it('drops malformed frames and events, logs why without their content, and keeps the connection', async () => {
    const log = recordingLog();
    const { host, server } = await start({ log });
    const screen = await connect(server);
    screen.ws.send('not json 1234');
    screen.ws.send(JSON.stringify({ channel: EVENT_CHANNEL, event: { kind: 'NO_TYPE', pin: '9876' } }));
    screen.ws.send(JSON.stringify({ channel: 'kiosk:view', view: {} }));
    screen.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    screen.ws.send(JSON.stringify({ channel: EVENT_CHANNEL, event: { type: 'BORROW' } }));
    await until(() => host.sent.length === 1);
    expect(host.sent).toEqual([{ type: 'BORROW' }]);
    const dropped = log.lines.filter((l) => l.event === 'browser.event_dropped').map((l) => l.fields?.reason);
    expect(dropped).toEqual(['the frame is not JSON', 'the event has no string type', 'the frame names an unknown channel', 'a binary frame']);
    expect(JSON.stringify(log.lines)).not.toContain('9876');
    expect(screen.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a screen that sends a frame larger than the limit', async () => {
    const { host, server } = await start();
    const screen = await connect(server);
    const closed = new Promise<number>((resolve) => screen.ws.once('close', (code) => resolve(code)));
    screen.ws.send(JSON.stringify({ channel: EVENT_CHANNEL, event: { type: 'X', text: 'a'.repeat(10_000) } }));
    expect(await closed).toBe(1009);
    expect(host.sent).toEqual([]);
  });

  it('refuses an upgrade from another origin, without an origin, or to another path', async () => {
    const { server } = await start();
    const url = `ws://127.0.0.1:${server.port}${BRIDGE_PATH}`;
    expect(await refusedWith(url, { origin: 'http://evil.example' })).toBe(403);
    expect(await refusedWith(url, { origin: `http://127.0.0.1:${server.port + 1}` })).toBe(403);
    expect(await refusedWith(url, { origin: 'null' })).toBe(403);
    expect(await refusedWith(url, {})).toBe(403);
    expect(await refusedWith(`ws://127.0.0.1:${server.port}/other`, { origin: allowedOrigins(server.port)[0] ?? '' })).toBe(404);
    expect(server.clientCount()).toBe(0);
  });

  it('refuses a right origin that arrives under another host name (DNS rebinding)', async () => {
    const { server } = await start();
    const url = `ws://127.0.0.1:${server.port}${BRIDGE_PATH}`;
    expect(await refusedWith(url, { origin: allowedOrigins(server.port)[0] ?? '', host: `rebound.example:${server.port}` })).toBe(403);
  });

  it('refuses a client without the start key (401) before it can take a slot: Origin and Host are easy to forge', async () => {
    const log = recordingLog();
    const { server } = await start({ maxClients: 1, log });
    const url = `ws://127.0.0.1:${server.port}${BRIDGE_PATH}`;
    const origin = allowedOrigins(server.port)[0] ?? '';
    for (let i = 0; i < 5; i += 1) expect(await refusedWith(url, { origin })).toBe(401);
    expect(await refusedWith(url, { origin, cookie: `${cookieName(server.port)}=${'x'.repeat(KEY.length)}` })).toBe(401);
    expect(await refusedWith(url, { origin, cookie: `${cookieName(server.port + 1)}=${KEY}` })).toBe(401);
    expect(await refusedWith(`${url}?key=${KEY}`, { origin })).toBe(401);
    expect(server.clientCount()).toBe(0);
    await connect(server);
    expect(server.clientCount()).toBe(1);
    expect(log.lines.filter((l) => l.event === 'browser.key_refused')).toHaveLength(8);
    expect(JSON.stringify(log.lines)).not.toContain(KEY);
  });

  it('refuses more screens than maxClients, and takes one again when a slot frees', async () => {
    const { server } = await start({ maxClients: 2 });
    const first = await connect(server);
    await connect(server);
    const url = `ws://127.0.0.1:${server.port}${BRIDGE_PATH}`;
    expect(await refusedWith(url, { origin: allowedOrigins(server.port)[0] ?? '', cookie: cookieOf(server.port) })).toBe(503);
    first.ws.close();
    await until(() => server.clientCount() === 1);
    await connect(server);
    expect(server.clientCount()).toBe(2);
  });

  it('on close, says goodbye to screens and unsubscribes from the host', async () => {
    const host = new FakeKioskHost<View>({ screen: 'start' });
    const server = await startBrowserServer({ host, rendererDir: '/nonexistent-renderer', sessionKey: KEY });
    const screen = await connect(server);
    const closed = new Promise<number>((resolve) => screen.ws.once('close', (code) => resolve(code)));
    expect(host.subscriberCount()).toBe(1);
    await server.close();
    expect(await closed).toBe(1001);
    expect(host.subscriberCount()).toBe(0);
  });
});

describe('browser server: HTTP', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kiosk-renderer-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Udlån</title>');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the renderer with the CSP and hardening headers', async () => {
    const { server } = await start({ rendererDir: dir });
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toBe('<!doctype html><title>Udlån</title>');
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('serves the placeholder when the renderer is not built', async () => {
    const { server } = await start();
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('npx vite build');
  });

  it('serves nothing without the start key, and trades the key in the URL for an HttpOnly cookie', async () => {
    const { server } = await start({ rendererDir: dir });
    for (const file of ['/', '/assets/main.js', '/favicon.svg']) {
      const refused = await get(server.port, file, undefined, 'GET', null);
      expect(refused.status).toBe(401);
      expect(refused.body).not.toContain('Udlån');
    }
    expect((await get(server.port, '/?key=wrong', undefined, 'GET', null)).status).toBe(401);
    const first = await get(server.port, `/?key=${KEY}`, undefined, 'GET', null);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']).toEqual([`${cookieName(server.port)}=${KEY}; Path=/; HttpOnly; SameSite=Strict`]);
    // A protocol-relative Location would leave the origin.
    expect((await get(server.port, `/.//evil.example/?key=${KEY}&lang=da`, undefined, 'GET', null)).headers.location).toBe('/evil.example/?lang=da');
  });

  it('refuses another Host (DNS rebinding), other methods, and plain HTTP on the bridge path', async () => {
    const { server } = await start({ rendererDir: dir });
    expect((await get(server.port, '/', 'evil.example')).status).toBe(421);
    expect((await get(server.port, '/', undefined, 'POST')).status).toBe(405);
    expect((await get(server.port, BRIDGE_PATH)).status).toBe(426);
    expect((await get(server.port, '/../../etc/passwd')).status).toBe(404);
    expect((await get(server.port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
