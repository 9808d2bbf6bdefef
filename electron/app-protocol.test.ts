import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, appRequestHandler, isAppUrl } from './app-protocol';

describe('isAppUrl', () => {
  it.each([
    ['app://kiosk/index.html', true],
    ['app://kiosk/assets/app.js?x=1#y', true],
    ['app://kiosk', true],
    ['app://other/index.html', false],
    ['app://user:pw@kiosk/index.html', false],
    ['file:///app/index.html', false],
    ['https://kiosk/index.html', false],
    ['app:kiosk', false],
    ['not a url', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a secure standard scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});

describe('appRequestHandler', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kiosk-app-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><p>Velkommen</p>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'export {}');
    await writeFile(path.join(dir, 'private.txt'), 'secret');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the renderer index with the CSP', async () => {
    const handle = appRequestHandler(path.join(dir, 'renderer'));
    const res = await handle({ url: APP_INDEX_URL, method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(await res.text()).toBe('<!doctype html><p>Velkommen</p>');
  });

  it('serves assets with their type', async () => {
    const res = await appRequestHandler(path.join(dir, 'renderer'))({ url: 'app://kiosk/assets/app.js', method: 'GET' });
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('export {}');
  });

  it('never serves outside the renderer folder, nor for another host or method', async () => {
    const handle = appRequestHandler(path.join(dir, 'renderer'));
    expect((await handle({ url: 'app://kiosk/%2e%2e/private.txt', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://other/index.html', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: APP_INDEX_URL, method: 'POST' })).status).toBe(405);
  });

  it('serves the build instructions when the renderer is missing', async () => {
    const res = await appRequestHandler(path.join(dir, 'missing'))({ url: APP_INDEX_URL, method: 'GET' });
    expect(await res.text()).toContain('npx vite build');
  });
});
