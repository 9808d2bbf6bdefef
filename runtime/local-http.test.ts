import { createServer, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenOn, refuseOtherMethods, stopListening } from './local-http';

function ask(port: number, method: string): Promise<{ status: number; allow: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local HTTP plumbing', () => {
  it('listens on a free port, refuses other methods with 405 and allow, and stops', async () => {
    const server = createServer((req, res) => {
      if (refuseOtherMethods(req, res, ['GET', 'HEAD'], { 'x-test': 'yes' })) return;
      res.writeHead(200).end('ok');
    });
    const port = await listenOn(server, 0, '127.0.0.1');
    expect(port).toBeGreaterThan(0);
    expect(await ask(port, 'GET')).toEqual({ status: 200, allow: undefined });
    expect(await ask(port, 'POST')).toEqual({ status: 405, allow: 'GET, HEAD' });
    await stopListening(server);
    expect(server.listening).toBe(false);
  });

  it('rejects when the port is taken', async () => {
    const first = createServer();
    const port = await listenOn(first, 0, '127.0.0.1');
    await expect(listenOn(createServer(), port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
    await stopListening(first);
  });
});
