import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, placeholderPage, readStatic, resolveStaticPath } from './static-files';

describe('resolveStaticPath', () => {
  const root = path.resolve('/srv/renderer');
  it.each([
    ['/', '/srv/renderer/index.html'],
    ['/index.html', '/srv/renderer/index.html'],
    ['/assets/app-1a2b.js', '/srv/renderer/assets/app-1a2b.js'],
    ['/assets/', '/srv/renderer/assets/index.html'],
    ['/assets/app.js?v=3', '/srv/renderer/assets/app.js'],
    ['/fonts/%C3%B8.woff2', '/srv/renderer/fonts/ø.woff2'],
  ])('maps %s inside the folder', (request, file) => {
    expect(resolveStaticPath(root, request)).toBe(path.resolve(file));
  });

  it.each(['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/.env', '/assets/.git/config', '/a%00b', '/a\\..\\b', 'relative', '/%E0%A4%A'])(
    'refuses %s',
    (request) => {
      expect(resolveStaticPath(root, request)).toBeNull();
    },
  );
});

describe('contentTypeFor', () => {
  it('knows the renderer build outputs and treats the rest as bytes', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/x.exe')).toBe('application/octet-stream');
  });
});

describe('readStatic', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kiosk-static-'));
    await mkdir(path.join(dir, 'built', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'built', 'index.html'), '<!doctype html><p>kiosk</p>');
    await writeFile(path.join(dir, 'built', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'outside');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves files with their type', async () => {
    const file = await readStatic(path.join(dir, 'built'), '/assets/app.js');
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/javascript; charset=utf-8');
    expect(file.body.toString()).toBe('console.log(1)');
  });

  it('falls back to index.html for a route without an extension, 404 for a missing asset', async () => {
    const route = await readStatic(path.join(dir, 'built'), '/checkout');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toBe('<!doctype html><p>kiosk</p>');
    expect((await readStatic(path.join(dir, 'built'), '/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the folder', async () => {
    const file = await readStatic(path.join(dir, 'built'), '/../secret.txt');
    expect(file.status).toBe(404);
    expect(file.body.toString()).not.toContain('outside');
  });

  it('serves a placeholder saying how to build when the folder has no index.html', async () => {
    const file = await readStatic(path.join(dir, 'missing'), '/');
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/html; charset=utf-8');
    expect(file.body.toString()).toContain('npx vite build');
    expect(file.body.toString()).not.toContain('<script');
  });

  it('a file that exists but cannot be read (a symlink loop, no access) is an error for the server to log, not a 404', async () => {
    await symlink('loop.js', path.join(dir, 'built', 'assets', 'loop.js'));
    await expect(readStatic(path.join(dir, 'built'), '/assets/loop.js')).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it('escapes the folder name in the placeholder', () => {
    expect(placeholderPage('/tmp/<b>')).toContain('/tmp/&#60;b&#62;');
  });
});
