// `kiosk sip2` (in process, against the simulated ILS on an ephemeral port) and
// `kiosk ils-sim` (as a child process, stopped with SIGTERM).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../runtime/cli/main';
import { DEMO_DATA } from '../../ils/sim/demo-data';
import { SimIls } from '../../ils/sim/sim-ils';
import { requireTool } from '../support/required-tools';
import { CLOCK, DEMO, selfSignedCert } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');


async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kiosk sip2', () => {
  let sim: SimIls;
  let base: string[];
  beforeAll(async () => {
    sim = new SimIls({ data: structuredClone(DEMO_DATA), clock: CLOCK });
    const { port } = await sim.listenSip2();
    base = ['sip2', '--no-tls', '--host', '127.0.0.1', '--port', String(port), '--user', 'kiosk', '--password', 'kiosk', '--institution', DEMO.institution, '--timeout', '1000'];
  });
  afterAll(async () => sim.close());

  it('status: exit 0 and the decoded reply', async () => {
    const r = await run([...base, 'status']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^yes: 98 ACS status\n {2}onlineStatus: true\n/);
    expect(r.out).toContain('  institutionId: DK-775100');
  });

  it('patron with PIN as JSON: exit 0, CPR masked, PIN nowhere', async () => {
    const r = await run([...base, 'patron', DEMO.patrons.adult.id, '--pin', DEMO.patrons.adult.pin, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { answer: string; reply: Record<string, unknown> };
    expect(json.answer).toBe('yes');
    expect(json.reply).toMatchObject({ code: '64', patronIdentifier: '******-****', personalName: 'Anna Andersen', validPatron: 'Y', validPatronPassword: 'Y' });
    expect(r.out).not.toContain(DEMO.patrons.adult.id);
    expect(r.out).not.toContain(`AD${DEMO.patrons.adult.pin}`);
  });

  it('a wrong PIN, a refused checkout, an unknown item: exit 1', async () => {
    expect((await run([...base, 'patron', DEMO.patrons.adult.id, '--pin', '0000'])).code).toBe(1);
    const refused = await run([...base, 'checkout', DEMO.patrons.adult.id, DEMO.items.reservedForAnother]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('screenMessage: The item is reserved for another patron');
    expect((await run([...base, 'item', 'no-such-item'])).code).toBe(1);
  });

  it('checkout, item, renew, checkin: exit 0', async () => {
    expect((await run([...base, 'checkout', DEMO.patrons.adultNoLoans.id, DEMO.items.available[4]])).code).toBe(0);
    expect((await run([...base, 'item', DEMO.items.available[4]])).out).toContain('circulationStatus: 04');
    expect((await run([...base, 'renew', DEMO.patrons.adultNoLoans.id, DEMO.items.available[4], '--pin', DEMO.patrons.adultNoLoans.pin])).code).toBe(0);
    const checkin = await run([...base, 'checkin', DEMO.items.available[4], '--no-error-detection']);
    expect(checkin.code).toBe(0);
    expect(checkin.out).toContain('sortBin: 1');
  });

  it('speaks TLS unless plaintext is asked for, like the site file', async () => {
    const port = base[base.indexOf('--port') + 1] ?? '';
    const plainServer = await run(['sip2', '--host', '127.0.0.1', '--port', port, '--user', 'kiosk', '--password', 'kiosk', '--timeout', '1000', 'status']);
    expect(plainServer.code).toBe(2); // a TLS hello to a plaintext ILS: no answer, no password sent in clear
    expect(await run([...base, '--tls', 'status'])).toMatchObject({ code: 2, err: expect.stringContaining('--tls and --no-tls contradict each other') });
    expect(await run(['sip2', '--transport', 'tcp', '--tls', '--host', 'h', '--port', '1', 'status'])).toMatchObject({ code: 2, err: expect.stringContaining('--transport tcp contradicts --tls') });
  });

  it('bad input or no connection: exit 2 with a clear message', async () => {
    expect(await run(['sip2', '--host', '127.0.0.1', 'status'])).toMatchObject({ code: 2, err: expect.stringContaining('--host and --port are required') });
    expect(await run([...base, 'frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining("unknown request 'frobnicate'") });
    expect(await run([...base, 'checkout', 'only-one'])).toMatchObject({ code: 2, err: expect.stringContaining("'checkout' takes 2 arguments") });
    const closed = await run(['sip2', '--no-tls', '--host', '127.0.0.1', '--port', '1', 'status']);
    expect(closed).toMatchObject({ code: 2, err: expect.stringContaining('cannot connect to the ILS at 127.0.0.1:1') });
    const port = base[base.indexOf('--port') + 1] ?? '';
    const login = await run(['sip2', '--transport', 'tcp', '--host', '127.0.0.1', '--port', port, '--user', 'kiosk', '--password', 'nope', 'status']);
    expect(login).toMatchObject({ code: 2, err: 'kiosk sip2: the ILS refused the SIP2 login (check user and password)' });
  });
});

function startSim(args: string[]): Promise<{ line: string; stop(): Promise<number | null>; stderr: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/kiosk.js'), 'ils-sim', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) {
        resolve({ line: out.trim(), stderr: () => stderr, stop: async () => { child.kill('SIGTERM'); return exited; } });
      }
    });
    void exited.then((code) => reject(new Error(`ils-sim exited early (${String(code)}): ${stderr}`)));
  });
}

describe('kiosk ils-sim', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ils-sim-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints where it listens, serves SIP2 with a data file, and exits 0 on SIGTERM', async () => {
    const file = path.join(dir, 'data.json');
    writeFileSync(file, JSON.stringify({ institution: 'DK-123456', patrons: [{ id: 'P1', pin: '1111', name: 'Pia' }], items: [{ id: 'I1', title: 'Bog' }] }));
    const sim = await startSim(['--port', '0', '--data', file, '--latency', '5', '--library', 'lolland']);
    expect(sim.line).toMatch(/^ils-sim: SIP2 listening on 127\.0\.0\.1:\d+ \(institution DK-123456, login kiosk, loan rules of lolland\)$/);
    const port = /:(\d+) /.exec(sim.line)?.[1] ?? '';
    const r = await run(['sip2', '--no-tls', '--host', '127.0.0.1', '--port', port, '--user', 'kiosk', '--password', 'kiosk', 'checkout', 'P1', 'I1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ answer: 'yes', reply: { code: '12', ok: true, titleIdentifier: 'Bog' } });
    expect(await sim.stop()).toBe(0);
  });

  it('serves the FBS envelope with --protocol fbs', async () => {
    const sim = await startSim(['--port', '0', '--protocol', 'fbs']);
    expect(sim.line).toMatch(/^ils-sim: FBS listening on http:\/\/127\.0\.0\.1:\d+\/rest\/sip2\/DK-775100 /);
    const url = /(http:\S+)/.exec(sim.line)?.[1] ?? '';
    const r = await run(['sip2', '--transport', 'fbs', '--fbs-url', url, '--user', 'kiosk', '--password', 'kiosk', 'item', DEMO.items.onLoan]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('itemProperties: Kongens Fald%Johannes V. Jensen%a%xx%');
    expect(await sim.stop()).toBe(0);
  });

  it.skipIf(!requireTool('openssl'))('over TLS: refuses an untrusted certificate, accepts it with --ca', async () => {
    selfSignedCert(dir);
    const sim = await startSim(['--port', '0', '--tls-key', path.join(dir, 'key.pem'), '--tls-cert', path.join(dir, 'cert.pem')]);
    const port = /:(\d+) /.exec(sim.line)?.[1] ?? '';
    const args = ['sip2', '--host', '127.0.0.1', '--port', port, '--user', 'kiosk', '--password', 'kiosk', '--timeout', '2000'];
    const untrusted = await run([...args, 'status']);
    expect(untrusted.code).toBe(2);
    expect(untrusted.err).toMatch(/cannot connect to the ILS/);
    expect((await run([...args, '--tls', '--ca', path.join(dir, 'cert.pem'), 'status'])).code).toBe(0);
    expect(await sim.stop()).toBe(0);
  });

  it('refuses a bad data file with exit 2, naming the key', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ institution: 'X', patrons: [{ id: 'P1', name: 'Pia' }], items: [] }));
    const r = await run(['ils-sim', '--port', '0', '--data', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('patrons.0.pin:');
    expect((await run(['ils-sim', '--protocol', 'gopher'])).code).toBe(2);
    expect((await run(['ils-sim', '--library', 'atlantis', '--port', '0'])).err).toContain("unknown library 'atlantis'");
  });
});
