import { describe, expect, it } from 'vitest';
import { browserModeConnectSrc, contentSecurityPolicy } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((d) => {
    const [name, ...sources] = d.split(' ');
    return [name ?? '', sources];
  }));
}

describe('contentSecurityPolicy', () => {
  it('allows only the app itself and forbids eval, inline script, frames and plugins', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|unsafe-inline|\*|https?:/);
  });

  it('adds only the browser-mode WebSocket to connect-src', () => {
    const csp = directives(contentSecurityPolicy({ connectSrc: browserModeConnectSrc(8123) }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:8123', 'ws://localhost:8123']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });
});
