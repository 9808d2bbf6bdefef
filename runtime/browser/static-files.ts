// Serves the built renderer (vite output, dist/renderer by default) as static files, never
// anything outside that folder; a placeholder page when it has not been built yet.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that a request path names, or null when the path is malformed, hidden
 * (a dot segment) or escapes the folder. `/` and folder paths mean their index.html.
 */
export function resolveStaticPath(rootDir: string, requestPath: string): string | null {
  const pathname = requestPath.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed request, not a fault of the kiosk: the caller answers 404.
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s.startsWith('.'))) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments, decoded.endsWith('/') || segments.length === 0 ? 'index.html' : '');
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

export interface StaticFile {
  status: 200 | 404;
  contentType: string;
  body: Buffer;
}

/** Not there (or not a file here): a 404. Any other failure (no access, a symlink loop, EIO) is
 * thrown, so the server logs it and answers 500 instead of hiding a broken installation. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return await readFile(file);
  } catch (error) {
    if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}

const NOT_FOUND: StaticFile = { status: 404, contentType: 'text/plain; charset=utf-8', body: Buffer.from('Not found\n') };

/**
 * Reads what a GET of `requestPath` returns. A path without a file extension that names no file
 * falls back to index.html, so the screens' own routes survive a reload.
 */
export async function readStatic(rootDir: string, requestPath: string): Promise<StaticFile> {
  const index = path.join(rootDir, 'index.html');
  if ((await readIfFile(index)) === null) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: Buffer.from(placeholderPage(rootDir)) };
  }
  const file = resolveStaticPath(rootDir, requestPath);
  if (file === null) return NOT_FOUND;
  const body = await readIfFile(file);
  if (body !== null) return { status: 200, contentType: contentTypeFor(file), body };
  if (path.extname(file) === '') {
    const fallback = await readIfFile(index);
    if (fallback !== null) return { status: 200, contentType: contentTypeFor(index), body: fallback };
  }
  return NOT_FOUND;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Shown when the renderer has not been built: says how to build it. No script (the CSP forbids inline). */
export function placeholderPage(rootDir: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Kiosk: screens not built</title></head>
<body>
<h1>The kiosk runtime is running, but its screens are not built yet</h1>
<p>No <code>index.html</code> in <code>${escapeHtml(rootDir)}</code>.</p>
<p>Build the renderer with <code>npx vite build</code> (it writes <code>dist/renderer</code>), then reload this page.</p>
<p>The WebSocket bridge is already listening on <code>/bridge</code>.</p>
</body>
</html>
`;
}
