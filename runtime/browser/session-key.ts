// Browser mode's per-start secret (Jupyter's model). The runtime makes a random key at each start
// and prints the page's URL with it (`/?key=...`); the first load trades the key for an HttpOnly,
// SameSite=Strict cookie and is sent on without it. Every page, file and the /bridge WebSocket
// then require that cookie. An Origin header proves nothing (any local program can set it); only
// the page this runtime served holds the key, and the page's own scripts cannot read it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const KEY_PARAM = 'key';
const KEY_BYTES = 32;

/** 256 random bits, URL-safe (43 characters). */
export function createSessionKey(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

/** Constant-time comparison (the digests have equal length whatever was sent). */
export function sameKey(sent: string | undefined | null, key: string): boolean {
  if (typeof sent !== 'string' || sent.length === 0 || sent.length > 256) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(sent), digest(key));
}

/** Cookies are per host, not per port: each kiosk on 127.0.0.1 names its own. */
export function cookieName(port: number): string {
  return `kiosk_key_${port}`;
}

/** Set on the first load; a session cookie, sent back only by pages of this origin. */
export function keyCookie(port: number, key: string): string {
  return `${cookieName(port)}=${key}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The value of one cookie in a `Cookie` request header. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export type RequestAuth =
  /** The request carries this start's key in its cookie. */
  | { ok: true }
  /** The page's first load with the right `?key=`: set the cookie, redirect to `location` (the key dropped). */
  | { ok: 'trade'; location: string }
  | { ok: false };

/** Is this request from the page this runtime served? */
export function authenticate(request: { url?: string; headers: { cookie?: string } }, port: number, key: string): RequestAuth {
  const url = new URL(request.url ?? '/', 'http://kiosk.invalid');
  const sent = url.searchParams.get(KEY_PARAM);
  if (sent !== null) {
    if (!sameKey(sent, key)) return { ok: false };
    url.searchParams.delete(KEY_PARAM);
    // Never `//host`: a protocol-relative Location would leave this origin.
    return { ok: 'trade', location: `/${url.pathname.replace(/^\/+/, '')}${url.search}` };
  }
  return sameKey(cookieValue(request.headers.cookie, cookieName(port)), key) ? { ok: true } : { ok: false };
}
