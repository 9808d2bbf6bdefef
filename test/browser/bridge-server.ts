// Starts the real browser-mode server with a fake runtime, for renderer tests (which may not
// import runtime/ themselves) and cross-layer tests.
import { startBrowserServer, type BrowserServer } from '../../runtime/browser/server';
import { FakeKioskHost } from './fake-kiosk-host';

export { FakeKioskHost };

export type { BrowserServer };

export async function startTestBridgeServer<View>(
  view: View,
  options: { port?: number; maxClients?: number; sessionKey?: string } = {},
): Promise<{ host: FakeKioskHost<View, unknown>; server: BrowserServer; events: string[] }> {
  const host = new FakeKioskHost<View, unknown>(view);
  // The server's log events, in order, so tests can wait for "refused" rather than for time.
  const events: string[] = [];
  const record = (event: string) => void events.push(event);
  const log = { debug: record, info: record, warn: record, error: record };
  const server = await startBrowserServer({ host, rendererDir: '/nonexistent-renderer', log, ...options });
  return { host, server, events };
}
