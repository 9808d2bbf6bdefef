// The screens load from app://kiosk/ (a privileged custom scheme) instead of file://, so the page
// has a real origin the CSP and the IPC sender check can name, and can read nothing but the
// renderer folder.
import { contentSecurityPolicy } from '../runtime/browser/csp';
import { readStatic } from '../runtime/browser/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. No CSP bypass, no CORS. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** True only for a URL of the app's own origin (the screens' page or their assets). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The handler for protocol.handle('app', ...): the renderer folder's files, each with the CSP. */
export function appRequestHandler(rendererDir: string): (request: { url: string; method: string }) => Promise<Response> {
  const csp = contentSecurityPolicy();
  return async (request) => {
    const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff' };
    if (!isAppUrl(request.url)) return new Response(null, { status: 404, headers });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
    const file = await readStatic(rendererDir, new URL(request.url).pathname);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: file.status,
      headers: { ...headers, 'content-type': file.contentType },
    });
  };
}
