// Issue 12: errors the ILS link and the simulated ILS used to drop silently are recorded with a
// named event (the client's `log` hook, the simulator's log).
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sip2Client } from '../../ils/client/sip2-client';
import { IlsUnavailableError } from '../../ils/errors';
import { MAX_MESSAGE_BYTES } from '../../ils/sip2/framer';
import { DEMO, type Rig, sip2Rig } from './helpers';

const waitFor = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
};

/** Raw bytes to the simulator's SIP2 port; resolves when the simulator closes the connection. */
function sendRaw(port: number, chunks: (string | Buffer)[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('error', () => undefined); // the simulator may reset the connection: that is the point
    socket.on('close', () => resolve(received));
  });
}

describe('dropped errors are recorded', () => {
  let rig: Rig | undefined;
  let client: Sip2Client | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await client?.close();
    await rig?.close();
    rig = undefined;
    client = undefined;
  });

  it('the simulator logs a refused frame (no terminator within the size limit) before closing', async () => {
    const lines: string[] = [];
    rig = await sip2Rig({}, { log: (line) => lines.push(line) });
    await sendRaw(rig.port ?? 0, [Buffer.alloc(MAX_MESSAGE_BYTES + 10, 0x41)]);
    expect(lines.some((l) => l.startsWith('sip2.frame-refused:'))).toBe(true);
  });

  it('the simulator logs a request it failed to answer before closing', async () => {
    const lines: string[] = [];
    rig = await sip2Rig({}, { log: (line) => lines.push(line) });
    vi.spyOn(rig.sim.state, 'patron').mockImplementation(() => {
      throw new Error('simulator bug');
    });
    await sendRaw(rig.port ?? 0, ['9300CNkiosk|COkiosk|\r', `6300920261120    100000          AODK-775100|AA${DEMO.patrons.adult.id}|\r`]);
    expect(lines.find((l) => l.startsWith('sip2.request-failed:'))).toContain('simulator bug');
  });

  it('the client logs an unexpected heartbeat failure (one the link monitor does not see)', async () => {
    const events: [string, Record<string, unknown>][] = [];
    client = new Sip2Client({ transport: 'tcp', host: '127.0.0.1', port: 1, institution: 'x', heartbeatIntervalMs: 5, reconnect: { initialMs: 5, maxMs: 5 }, log: (event, fields) => events.push([event, fields]) });
    const bug = new TypeError('reply reader bug');
    const status = vi.spyOn(client, 'status').mockRejectedValueOnce(new IlsUnavailableError('down')).mockRejectedValue(bug);
    await client.login().catch(() => undefined);
    await waitFor(() => status.mock.calls.length >= 3);
    expect(events.filter(([e]) => e === 'ils.heartbeat-failed').map(([, f]) => f.error)).toContain(bug);
  });

  it('the client logs a link watcher that throws', async () => {
    const events: string[] = [];
    rig = await sip2Rig({ log: (event) => events.push(event) });
    rig.client.link.subscribe(() => {
      throw new Error('watcher bug');
    });
    await rig.client.status();
    expect(events).toContain('ils.link-watcher-failed');
  });
});
