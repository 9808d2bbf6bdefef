import { describe, expect, it } from 'vitest';
import { authenticate, cookieName, cookieValue, createSessionKey, keyCookie, sameKey } from './session-key';

const KEY = createSessionKey();

describe('session key', () => {
  it('is 256 random bits, URL-safe, new at every start', () => {
    expect(KEY).toMatch(/^[\w-]{43}$/);
    expect(createSessionKey()).not.toBe(KEY);
  });

  it('compares only equal keys as equal', () => {
    expect(sameKey(KEY, KEY)).toBe(true);
    expect(sameKey(`${KEY}x`, KEY)).toBe(false);
    expect(sameKey('', KEY)).toBe(false);
    expect(sameKey(null, KEY)).toBe(false);
    expect(sameKey('x'.repeat(10_000), KEY)).toBe(false);
  });

  it('names a cookie per port, HttpOnly and SameSite=Strict', () => {
    expect(cookieName(4280)).toBe('kiosk_key_4280');
    expect(keyCookie(4280, KEY)).toBe(`kiosk_key_4280=${KEY}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('reads one cookie from a Cookie header', () => {
    expect(cookieValue('a=1; kiosk_key_4280=abc; b=2', 'kiosk_key_4280')).toBe('abc');
    expect(cookieValue('xkiosk_key_4280=abc', 'kiosk_key_4280')).toBeNull();
    expect(cookieValue(undefined, 'kiosk_key_4280')).toBeNull();
  });

  it('authenticates by cookie, trades a right ?key= for the cookie, refuses the rest', () => {
    expect(authenticate({ url: '/', headers: { cookie: `kiosk_key_4280=${KEY}` } }, 4280, KEY)).toEqual({ ok: true });
    expect(authenticate({ url: '/', headers: { cookie: `kiosk_key_4281=${KEY}` } }, 4280, KEY)).toEqual({ ok: false });
    expect(authenticate({ url: '/', headers: {} }, 4280, KEY)).toEqual({ ok: false });
    expect(authenticate({ url: `/?key=${KEY}`, headers: {} }, 4280, KEY)).toEqual({ ok: 'trade', location: '/' });
    expect(authenticate({ url: `/?lang=en&key=${KEY}`, headers: {} }, 4280, KEY)).toEqual({ ok: 'trade', location: '/?lang=en' });
    expect(authenticate({ url: '/?key=guess', headers: { cookie: `kiosk_key_4280=${KEY}` } }, 4280, KEY)).toEqual({ ok: false });
  });
});
