// Where the screen's page comes from: loopback only, on this start's port. The Origin and Host a
// page served by the browser server sends; nothing else may load a page or open the bridge.

/** Only loopback: a kiosk's runtime (which opens the door) is never reachable from the network. */
export const BROWSER_HOST = '127.0.0.1';

/** The Origin values a page served by this server sends. */
export function allowedOrigins(port: number): string[] {
  return [`http://${BROWSER_HOST}:${port}`, `http://localhost:${port}`];
}

/** The Host values a request to this server carries (any other name is DNS rebinding). */
export function allowedHosts(port: number): string[] {
  return [`${BROWSER_HOST}:${port}`, `localhost:${port}`];
}
