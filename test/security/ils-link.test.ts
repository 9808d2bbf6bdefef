// Attacks on the ILS link (issue 11, finding 10), through real sockets on 127.0.0.1 and the
// real Sip2Client / transports: a hostile or out-of-step ILS answers for another patron or
// item, with the wrong AY, without a checksum, or without end; and the link's TLS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { Sip2Client, type Sip2ClientOptions } from '../../ils/client/sip2-client';
import { IlsError, IlsOutcomeUnknownError, IlsUnavailableError } from '../../ils/errors';
import { DEMO_DATA } from '../../ils/sim/demo-data';
import { SimIls } from '../../ils/sim/sim-ils';
import { parseConfig } from '../../runtime/config';
import { connectIls } from '../../runtime/ils-connection';
import { selfSignedCert } from '../ils/helpers';
import { requireTool } from '../support/required-tools';
import {
  checkoutOk,
  detected,
  fbsEnvelope,
  fbsMessage,
  field,
  type HostileServer,
  hostileHttp,
  hostileSip2,
  itemAvailable,
  patronInformation,
  sequenceOf,
  STATUS_98,
} from '../ils/hostile-acs';

const CARD = '40000009'; // the card at the door
const OTHER = '40000001'; // a valid patron the ILS answers about instead
const ITEM = '5000000001';

/** Echo error detection as the request used it, like a correct ACS. */
const echo = (text: string, request: string) => (sequenceOf(request) === undefined ? text : detected(text, sequenceOf(request)));

type Answers = Partial<Record<string, (request: string) => string | null>>;

/** A scripted ACS: 93 and 99 answered correctly unless overridden; 97 repeats the last answer. */
function acs(answers: Answers): (request: string) => string | null {
  let last: string | null = null;
  const defaults: Answers = { '93': (r) => echo('941', r), '99': (r) => echo(STATUS_98, r) };
  return (request) => {
    const code = request.slice(0, 2);
    if (code === '97') return last;
    const answer = answers[code] ?? defaults[code];
    last = answer ? answer(request) : null;
    return last;
  };
}

const servers: HostileServer[] = [];
const clients: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  for (const s of servers.splice(0)) await s.close();
});

async function rawClient(answers: Answers, options: Partial<Sip2ClientOptions> = {}) {
  const server = await hostileSip2(acs(answers));
  servers.push(server);
  const client = new Sip2Client({
    transport: 'tcp', host: '127.0.0.1', port: server.port, user: 'kiosk', password: 'kiosk', institution: 'DK-775100',
    heartbeatIntervalMs: 0, requestTimeoutMs: 500, loanDueDates: false, ...options,
  });
  clients.push(client);
  return { server, client };
}

const sent = (server: HostileServer, code: string) => server.requests.filter((r) => r.startsWith(code));

describe('a SIP2 reply must answer the request it is taken for', () => {
  it('a 64 about another patron is never this card holder\'s answer: 97, reconnect, then an error', async () => {
    const { server, client } = await rawClient({ '63': (r) => echo(patronInformation(OTHER), r) });
    const error = await client.verifyPatron(CARD, '1111').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IlsError);
    expect((error as Error).message).toMatch(/does not answer/);
    expect(sent(server, '97').length).toBeGreaterThan(0);
    expect(server.connections).toBeGreaterThanOrEqual(2);
  });

  it('a 64 that names the right patron and then another one (a second AA) is refused', async () => {
    const { client } = await rawClient({ '63': (r) => echo(patronInformation(CARD, `AA${OTHER}|`), r) });
    await expect(client.verifyPatron(CARD, '1111')).rejects.toBeInstanceOf(IlsError);
  });

  it('a 64 without AA is refused', async () => {
    const { client } = await rawClient({ '63': (r) => echo(patronInformation(CARD).replace(`AA${CARD}|`, ''), r) });
    await expect(client.verifyPatron(CARD, '1111')).rejects.toBeInstanceOf(IlsError);
  });

  it('the right patron with a kind prefix (LN:) and other letter case is accepted', async () => {
    const { client } = await rawClient({ '63': (r) => echo(patronInformation(`LN:${field(r, 'AA')?.toLowerCase() ?? ''}`), r) });
    expect(await client.verifyPatron('AB40000009', '1111')).toMatchObject({ result: 'ok' });
  });

  it('a reply whose AY is not the request\'s is refused (error detection on)', async () => {
    const { client } = await rawClient({ '63': (r) => detected(patronInformation(CARD), ((sequenceOf(r) ?? 0) + 1) % 10) });
    await expect(client.verifyPatron(CARD, '1111')).rejects.toBeInstanceOf(IlsError);
  });

  it('a reply without AY/AZ is refused while error detection is on', async () => {
    const { server, client } = await rawClient({ '63': () => patronInformation(CARD) });
    await expect(client.verifyPatron(CARD, '1111')).rejects.toBeInstanceOf(IlsError);
    expect(sent(server, '97').length).toBeGreaterThan(0);
  });

  it('a reply with AY but no AZ is refused while error detection is on', async () => {
    const { client } = await rawClient({ '63': (r) => `${patronInformation(CARD)}AY${sequenceOf(r) ?? 0}` });
    await expect(client.verifyPatron(CARD, '1111')).rejects.toBeInstanceOf(IlsError);
  });

  it('a login answer without AZ is no login', async () => {
    const { client } = await rawClient({ '93': () => '941' });
    await expect(client.status()).rejects.toBeInstanceOf(IlsUnavailableError);
  });

  it('with error detection off, AY/AZ are not required but AA still is matched', async () => {
    const good = await rawClient({ '63': () => patronInformation(CARD) }, { errorDetection: false });
    expect(await good.client.verifyPatron(CARD, '1111')).toMatchObject({ result: 'ok' });
    const bad = await rawClient({ '63': () => patronInformation(OTHER) }, { errorDetection: false });
    await expect(bad.client.verifyPatron(CARD, '1111')).rejects.toBeInstanceOf(IlsError);
  });

  it('a checkout answered for another item is never "ok": the outcome is unknown', async () => {
    const { server, client } = await rawClient({ '11': (r) => echo(checkoutOk(CARD, '5000000099'), r), '17': (r) => echo(itemAvailable(ITEM), r) });
    await expect(client.checkout({ patronId: CARD, itemId: ITEM })).rejects.toBeInstanceOf(IlsOutcomeUnknownError);
    expect(sent(server, '17').length).toBeGreaterThan(0); // read back before anything was sent again
  });

  it('a checkout answered for another patron is never "ok"', async () => {
    const { client } = await rawClient({ '11': (r) => echo(checkoutOk(OTHER, ITEM), r), '17': (r) => echo(itemAvailable(ITEM), r) });
    await expect(client.checkout({ patronId: CARD, itemId: ITEM })).rejects.toBeInstanceOf(IlsOutcomeUnknownError);
  });

  it('item information about another item is refused', async () => {
    const { client } = await rawClient({ '17': (r) => echo(itemAvailable('5000000099'), r) });
    await expect(client.itemInformation(ITEM)).rejects.toBeInstanceOf(IlsError);
  });
});

async function fbsClient(respond: (message: string) => string, options: Partial<Sip2ClientOptions> = {}) {
  const server = await hostileHttp((_req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/xml;charset=UTF-8' });
    res.end(fbsEnvelope(respond(fbsMessage(body))));
  });
  servers.push(server);
  const client = new Sip2Client({
    transport: 'fbs', fbsUrl: `http://127.0.0.1:${server.port}/rest/sip2/DK-775100`, user: 'u', password: 'p', institution: 'DK-775100',
    heartbeatIntervalMs: 0, requestTimeoutMs: 500, loanDueDates: false, ...options,
  });
  clients.push(client);
  return { server, client };
}

describe('FBS replies are matched too', () => {
  it('a 64 about another patron is refused; the same patron with LN: is accepted', async () => {
    const bad = await fbsClient(() => patronInformation(`LN:${OTHER}`));
    await expect(bad.client.verifyPatron(CARD, '1111')).rejects.toBeInstanceOf(IlsError);
    const good = await fbsClient((m) => patronInformation(`LN:${field(m, 'AA') ?? ''}`));
    expect(await good.client.verifyPatron(CARD, '1111')).toMatchObject({ result: 'ok' });
  });
});

describe('answers without end', () => {
  it('an FBS body that never ends fails at the size limit, long before the timeout', async () => {
    let written = 0;
    const server = await hostileHttp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml;charset=UTF-8' });
      res.write('<?xml version="1.0"?><ns2:sip xmlns:ns2="http://axiell.com/Schema/sip.xsd"><response>64');
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let open = true;
      res.on('close', () => (open = false));
      const pump = () => {
        while (open && written < 512 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
    });
    servers.push(server);
    const client = new Sip2Client({ transport: 'fbs', fbsUrl: `http://127.0.0.1:${server.port}/rest/sip2/DK-775100`, user: 'u', password: 'p', institution: 'DK-775100', heartbeatIntervalMs: 0, requestTimeoutMs: 20_000 });
    clients.push(client);
    const started = Date.now();
    const error = await client.status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IlsError);
    expect(String((error as Error).message)).toMatch(/larger than/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('an FBS answer that announces a body over the limit is refused without reading it', async () => {
    const server = await hostileHttp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(50 * 1024 * 1024) });
      res.write('<?xml version="1.0"?>');
    });
    servers.push(server);
    const client = new Sip2Client({ transport: 'fbs', fbsUrl: `http://127.0.0.1:${server.port}/rest/sip2/DK-775100`, user: 'u', password: 'p', institution: 'DK-775100', heartbeatIntervalMs: 0, requestTimeoutMs: 20_000 });
    clients.push(client);
    const started = Date.now();
    await expect(client.status()).rejects.toThrow(/larger than/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a raw SIP2 line that never ends is cut off at the frame limit and the connection dropped', async () => {
    let written = 0;
    const server = await hostileSip2(() => (socket) => {
      const chunk = Buffer.alloc(16 * 1024, 0x41);
      const pump = () => {
        while (!socket.destroyed && written < 512 * 1024 * 1024) {
          written += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    servers.push(server);
    const client = new Sip2Client({ transport: 'tcp', host: '127.0.0.1', port: server.port, institution: 'DK-775100', heartbeatIntervalMs: 0, requestTimeoutMs: 20_000 });
    clients.push(client);
    const error = await client.status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IlsError);
    expect((error as Error).message).toMatch(/endless line/);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('the simulated ILS under a flood', () => {
  it('a client that piles up requests without waiting for answers is disconnected, not queued without end', async () => {
    const sim = new SimIls({ data: structuredClone(DEMO_DATA) });
    sim.faults.set({ latencyMs: 20 });
    const { port } = await sim.listenSip2();
    try {
      const socket = net.connect({ host: '127.0.0.1', port });
      await new Promise<void>((r) => socket.once('connect', () => r()));
      let answers = 0;
      socket.on('data', (chunk: Buffer) => (answers += chunk.toString('latin1').split('\r').length - 1));
      const closed = new Promise<void>((r) => socket.once('close', () => r()));
      socket.on('error', () => undefined);
      socket.write('9900302.00\r'.repeat(200));
      const outcome = await Promise.race([closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('open'), 2000))]);
      socket.destroy();
      expect(outcome).toBe('closed');
      expect(answers).toBeLessThan(200);
    } finally {
      await sim.close();
    }
  });
});


const CLOCK = { now: () => new Date('2026-11-20T10:00:00Z') };

function sip2Config(port: number, extra: Record<string, unknown> = {}) {
  return parseConfig({
    library: 'hvidovre', branch: 'Hovedbiblioteket', dataDir: tmpdir(),
    ils: { transport: 'sip2', host: '127.0.0.1', port, user: 'kiosk', password: 'hemmelig', institution: 'DK-775100', ...extra },
  });
}

describe('TLS on the SIP2 link', () => {
  it('a site file that says nothing about tls speaks TLS: the password never crosses in clear', async () => {
    const server = await hostileSip2(acs({}));
    servers.push(server);
    const connection = await connectIls(sip2Config(server.port), CLOCK, { requestTimeoutMs: 500 });
    clients.push(connection);
    await expect(connection.ils.status()).rejects.toBeInstanceOf(IlsError);
    const bytes = Buffer.concat(server.received);
    expect(bytes[0]).toBe(0x16); // a TLS handshake record, not "93"
    expect(bytes.toString('latin1')).not.toContain('hemmelig');
    expect(sent(server, '93')).toEqual([]);
  });

  it('"tls": false is plaintext, on purpose', async () => {
    const server = await hostileSip2(acs({}));
    servers.push(server);
    const connection = await connectIls(sip2Config(server.port, { tls: false }), CLOCK, { requestTimeoutMs: 500 });
    clients.push(connection);
    expect(await connection.ils.status()).toMatchObject({ online: true });
  });

  describe.skipIf(!requireTool('openssl'))('certificate verification', () => {
    let dir: string;
    let server: tls.Server;
    let port: number;
    let handshakes = 0;
    const sockets = new Set<tls.TLSSocket>();
    const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

    afterEach(async () => {
      if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((r) => server?.close(() => r()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function selfSigned() {
      dir = mkdtempSync(path.join(tmpdir(), 'ils-link-tls-'));
      const { key, cert } = selfSignedCert(dir);
      const answer = acs({});
      server = tls.createServer({ key, cert }, (socket) => {
        handshakes += 1;
        sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString('latin1').split('\r').filter(Boolean)) {
            const reply = answer(line);
            if (reply) socket.write(`${reply}\r`);
          }
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      port = (server.address() as { port: number }).port;
    }

    it('an ILS with a certificate nobody trusts is refused, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
      await selfSigned();
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
      const connection = await connectIls(sip2Config(port), CLOCK, { requestTimeoutMs: 1000 });
      clients.push(connection);
      await expect(connection.ils.status()).rejects.toBeInstanceOf(IlsUnavailableError);
      expect(handshakes).toBe(0);
    });
  });
});
