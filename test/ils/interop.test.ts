// Interoperability with other SIP2 implementations' behaviour (no third-party SIP2 package is
// available on npm here, see ils/README.md): a minimal independent SC, written from the 3M
// spec in this file, talks to our simulated ILS; and our client talks to scripted ACSs that
// replay answers recorded from Koha and FBS.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Sip2Client } from '../../ils/client/sip2-client';
import { DEMO_DATA } from '../../ils/sim/demo-data';
import { SimIls } from '../../ils/sim/sim-ils';
import { FBS, KOHA_CHECKIN, KOHA_CHECKOUT, KOHA_STATUS } from './fixtures/recorded-messages';
import { CLOCK, DEMO } from './helpers';

// --- An independent SC: checksum and framing written from the spec, not from ils/. ---
const cksum = (text: string) => ((-[...Buffer.from(text, 'utf8')].reduce((a, b) => a + b, 0)) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
const withDetection = (text: string, seq: number) => `${text}AY${seq}AZ${cksum(`${text}AY${seq}AZ`)}`;
const verifies = (reply: string) => {
  const m = /^(.*AZ)([0-9A-F]{4})$/.exec(reply);
  return m !== null && cksum(m[1] ?? '') === m[2];
};

class RawSc {
  private buffer = '';
  private waiting: ((line: string | null) => void)[] = [];
  private lines: (string | null)[] = [];
  constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      let at: number;
      while ((at = this.buffer.search(/[\r\n]/)) >= 0) {
        const line = this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at + 1);
        if (line !== '') this.push(line);
      }
    });
    socket.on('close', () => this.push(null));
  }
  static async open(port: number): Promise<RawSc> {
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => socket.once('connect', resolve));
    return new RawSc(socket);
  }
  private push(line: string | null) {
    const waiter = this.waiting.shift();
    if (waiter) waiter(line);
    else this.lines.push(line);
  }
  send(text: string, terminator = '\r'): Promise<string | null> {
    this.socket.write(text + terminator);
    return this.next();
  }
  next(): Promise<string | null> {
    if (this.lines.length > 0) return Promise.resolve(this.lines.shift() ?? null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  close() {
    this.socket.destroy();
  }
}

const DATE = '20261120    110000';
const SIP_DATE = /\d{8} {4}\d{6}/.source;

describe('an independent SC (3M spec shapes) against the simulated ILS', () => {
  let sim: SimIls;
  let sc: RawSc | undefined;
  afterEach(async () => {
    sc?.close();
    await sim.close();
  });
  const start = async () => {
    sim = new SimIls({ data: structuredClone(DEMO_DATA), clock: CLOCK });
    const { port } = await sim.listenSip2();
    sc = await RawSc.open(port);
    return sc;
  };

  it('answers login, status, patron information, checkout and checkin in the spec\'s format, echoing AY', async () => {
    const c = await start();
    const login = await c.send(withDetection('9300CNkiosk|COkiosk|CPThe floor|', 1));
    expect(login).toMatch(/^941AY1AZ[0-9A-F]{4}$/);
    expect(verifies(login ?? '')).toBe(true);

    const status = (await c.send(withDetection('9910302.00', 2))) ?? '';
    expect(status).toMatch(new RegExp(`^98[YN]{6}\\d{3}\\d{3}${SIP_DATE}(2\\.00|1\\.00)AO${DEMO.institution}\\|`));
    expect(status).toMatch(/\|BX[YN]{16}\|/);
    expect(status).toMatch(/AY2AZ[0-9A-F]{4}$/);
    expect(verifies(status)).toBe(true);

    const info = (await c.send(withDetection(`63001${DATE}Y         AO${DEMO.institution}|AA${DEMO.patrons.adultCard.id}|BP00001|BQ00005|`, 3))) ?? '';
    expect(info).toMatch(new RegExp(`^64[ Y]{14}\\d{3}${SIP_DATE}(\\d{4}){6}AO`));
    expect(info).toContain(`|AS${DEMO.items.reservedForAnother}|`);
    expect(info).toContain('|BLY|');
    expect(verifies(info)).toBe(true);

    const checkout = (await c.send(withDetection(`11YN${DATE}${DATE}AO${DEMO.institution}|AA${DEMO.patrons.adultCard.id}|AB${DEMO.items.available[0]}|AC|`, 4))) ?? '';
    expect(checkout).toMatch(new RegExp(`^121[YN][YNU][YNU]${SIP_DATE}AO`));
    expect(checkout).toMatch(new RegExp(`\\|AH${SIP_DATE}\\|`));

    const checkin = (await c.send(withDetection(`09N${DATE}${' '.repeat(18)}APdesk|AO${DEMO.institution}|AB${DEMO.items.available[0]}|AC|BIN|`, 5))) ?? '';
    expect(checkin).toMatch(new RegExp(`^101[YN][YNU][YN]${SIP_DATE}AO`));
    expect(sim.state.item(DEMO.items.available[0])?.onLoanTo).toBeUndefined();
  });

  it('answers without error detection when the SC sends none, and takes CRLF', async () => {
    const c = await start();
    expect(await c.send('9300CNkiosk|COkiosk|', '\r\n')).toBe('941');
    expect(await c.send(`1720261120    110000AO${DEMO.institution}|AB${DEMO.items.onLoan}|`, '\r\n')).toMatch(new RegExp(`^1804..01${SIP_DATE}CF0\\|AH${SIP_DATE}\\|AB${DEMO.items.onLoan}\\|AJKongens Fald\\|`));
  });

  it('asks for a resend (96) of a bad checksum and of a malformed message; resends its answer on 97', async () => {
    const c = await start();
    expect(await c.send('9300CNkiosk|COkiosk|AY1AZ0000')).toBe('96AZFEF6');
    // node-sip2 writes a 2-digit print width: not a valid 99.
    expect(await c.send('990401.00|AY1AZFC59')).toBe('96AZFEF6');
    const login = await c.send(withDetection('9300CNkiosk|COkiosk|', 2));
    expect(await c.send('97AZFEF5')).toBe(login);
  });

  it('refuses a wrong login (940) and closes a connection that skips the login', async () => {
    const c = await start();
    expect(await c.send('9300CNkiosk|COwrong|')).toBe('940');
    expect(await c.send(`2300920261120    110000AO${DEMO.institution}|AA${DEMO.patrons.adult.id}|AC|AD|`)).toBeNull();
  });
});

// --- Our client against scripted ACSs replaying recorded answers. ---
function scriptedAcs(answers: Record<string, string>, terminator: string): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let at: number;
      while ((at = buffer.indexOf('\r')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        requests.push(line);
        const answer = answers[line.slice(0, 2)];
        if (answer) socket.write(answer + terminator);
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        requests,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise<void>((r) => server.close(() => r()));
        },
      }),
    ),
  );
}

describe('our client against recorded ACS answers', () => {
  // Koha's recorded answers carry no AY/AZ; with error detection on, such answers are refused
  // (AZ is what tells a damaged or out-of-step answer), so this site runs without it.
  it('Koha (CRLF, no error detection)', async () => {
    const acs = await scriptedAcs({ '93': '941', '99': KOHA_STATUS, '11': KOHA_CHECKOUT, '09': KOHA_CHECKIN }, '\r\n');
    const client = new Sip2Client({ transport: 'tcp', host: '127.0.0.1', port: acs.port, user: 'koha', password: 'pw', institution: 'HUTL', errorDetection: false, heartbeatIntervalMs: 0, requestTimeoutMs: 500, timeZone: 'Europe/Oslo' });
    try {
      expect(await client.status()).toMatchObject({ online: true, institutionId: 'testlibrary' });
      const out = await client.checkout({ patronId: '2', itemId: '03011174511003' });
      expect(out).toMatchObject({ ok: true, title: 'Krutt-Kim', renewal: false, dueDate: new Date('2014-02-21T22:59:00Z') });
      expect(await client.checkin({ itemId: '03011143299001' })).toMatchObject({ ok: true, title: '316 salmer og sanger', permanentLocation: 'hvmu' });
      expect(acs.requests[0]).toBe('9300CNkoha|COpw|');
      expect(acs.requests.map((r) => r.slice(0, 2))).toEqual(['93', '99', '11', '09']);
    } finally {
      await client.close();
      await acs.close();
    }
  });

  it('answers without AY/AZ are refused while error detection is on (97, then no login)', async () => {
    const acs = await scriptedAcs({ '93': '941', '99': KOHA_STATUS }, '\r\n');
    const client = new Sip2Client({ transport: 'tcp', host: '127.0.0.1', port: acs.port, user: 'koha', password: 'pw', institution: 'HUTL', heartbeatIntervalMs: 0, requestTimeoutMs: 500 });
    try {
      await expect(client.status()).rejects.toThrow(/^SIP2 login failed/);
      expect(acs.requests.filter((r) => r.startsWith('97')).length).toBeGreaterThan(0);
    } finally {
      await client.close();
      await acs.close();
    }
  });

  it('refuses an ACS that echoes AY wrongly; a reply of the wrong kind is not taken for an answer', async () => {
    const acs = await scriptedAcs({ '93': withDetection('941', 7), '99': KOHA_STATUS, '17': KOHA_CHECKOUT }, '\r');
    const trace: string[] = [];
    const client = new Sip2Client({ transport: 'tcp', host: '127.0.0.1', port: acs.port, user: 'u', password: 'p', institution: 'HUTL', heartbeatIntervalMs: 0, requestTimeoutMs: 500, trace: (l) => trace.push(l) });
    const plain = new Sip2Client({ transport: 'tcp', host: '127.0.0.1', port: acs.port, institution: 'HUTL', errorDetection: false, heartbeatIntervalMs: 0, requestTimeoutMs: 500 });
    try {
      await expect(client.status()).rejects.toThrow(/^SIP2 login failed/);
      expect(trace).toContain('! refused: AY7 instead of AY0');
      await expect(plain.itemInformation('03011174511003')).rejects.toThrow('the ILS answered item information with message 12');
      expect(acs.requests.filter((r) => r.startsWith('17'))).toHaveLength(2);
    } finally {
      await client.close();
      await plain.close();
      await acs.close();
    }
  });

  it('FBS (recorded envelopes): patron information, checkout, refused renewal, renew all, checkin', async () => {
    const bodies: string[] = [];
    const answers: Record<string, string> = { '99': FBS.acsStatus, '63': FBS.patronInformation, '11': FBS.checkout, '29': FBS.renewRefused, '65': FBS.renewAll, '09': FBS.checkin };
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        bodies.push(body);
        const message = /<request>(.*)<\/request>/.exec(body)?.[1] ?? '';
        res.writeHead(200, { 'content-type': 'application/xml;charset=UTF-8' });
        res.end(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns2:sip xmlns:ns2="http://axiell.com/Schema/sip.xsd"><response>${answers[message.slice(0, 2)] ?? ''}</response></ns2:sip>`);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as net.AddressInfo;
    const client = new Sip2Client({ transport: 'fbs', fbsUrl: `http://127.0.0.1:${port}/rest/sip2/DK-775100`, user: 'sip2', password: 'password', institution: 'DK-775100', heartbeatIntervalMs: 0, requestTimeoutMs: 500 });
    try {
      expect(await client.status()).toMatchObject({ online: true, offlineOk: true, libraryName: 'Aarhus Kommunes Biblioteker. Borgerservice og Biblioteker' });
      const patron = await client.patronInformation('3210519784', { pin: '12345' });
      expect(patron).toMatchObject({ patronId: '3210519784', name: 'Testkort Mickey Mouse', birthDate: '2000-04-05', pinValid: true });
      expect(patron.loans.map((l) => [l.itemId, l.dueDate?.toISOString()])).toEqual([
        ['3846731813', '2017-06-25T22:00:00.000Z'], ['3843081011', '2017-07-19T22:00:00.000Z'], ['4935636731', '2017-07-19T22:00:00.000Z'],
        ['3847679564', '2017-07-19T22:00:00.000Z'], ['3279280422', '2017-07-19T22:00:00.000Z'], ['3841409697', '2017-07-19T22:00:00.000Z'],
      ]);
      expect(await client.checkout({ patronId: '3210519784', itemId: '3274626533', pin: '12345' })).toMatchObject({ ok: true, title: 'Helbred dit liv' });
      expect(await client.renew({ patronId: '3210519784', itemId: '3274626533', pin: '12345' })).toMatchObject({ ok: false, screenMessages: [], reason: { code: 'BEFORE_RENEW_PERIOD', known: 'renewal-too-early' } });
      expect((await client.renewAll('3210519784', '12345')).notRenewed).toHaveLength(7);
      expect(await client.checkin({ itemId: '5052159786' })).toMatchObject({ ok: true, title: 'Kvinden de meldte savnet: krimi' });
      // What went over the wire: the envelope with credentials as attributes, plain SIP2 inside.
      expect(bodies[0]).toBe('<?xml version="1.0" encoding="UTF-8"?><ns1:sip login="sip2" password="password" xmlns:ns1="http://axiell.com/Schema/sip.xsd"><request>9900402.00</request></ns1:sip>');
      expect(bodies[1]).toMatch(/<request>63009\d{8} {4}\d{6}YYYY Y {4}AODK-775100\|AA3210519784\|AC\|AD12345\|<\/request>/);
    } finally {
      await client.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
