// The HTTP plumbing every local server of the runtime shares (the browser-mode screen server and
// the /metrics and /health status server): listen and learn the port, refuse other methods, stop.
import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

/** Listens on host:port (0 picks a free port) and resolves with the port it got; a failure to listen rejects. */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops accepting connections and resolves when the open ones are gone. */
export function stopListening(server: Server): Promise<void> {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Answers 405 (with `allow`) to a method not in the list; true when the request was refused. */
export function refuseOtherMethods(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: readonly string[],
  headers: Record<string, string> = {},
): boolean {
  if (allowed.includes(req.method ?? '')) return false;
  res.writeHead(405, { ...headers, allow: allowed.join(', ') }).end();
  return true;
}
