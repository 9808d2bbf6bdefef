// The Content-Security-Policy of the kiosk screen, the same in Electron and in browser mode:
// only the app's own files, no eval, no inline script, no frames, no plugins, no forms posting away.

export interface CspOptions {
  /** Extra connect-src sources, e.g. the browser-mode WebSocket `ws://127.0.0.1:8080`. */
  connectSrc?: readonly string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    // data: for images the screens draw themselves (e.g. a QR code); never remote images.
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['media-src', ["'self'"]],
    ['connect-src', ["'self'", ...(options.connectSrc ?? [])]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['worker-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The WebSocket sources browser mode needs for a server on 127.0.0.1:`port`. */
export function browserModeConnectSrc(port: number): string[] {
  return [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`];
}
