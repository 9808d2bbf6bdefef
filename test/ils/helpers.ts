// Shared set-up for ILS integration tests: a simulated ILS on an ephemeral 127.0.0.1 port
// and a client with short timeouts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Sip2Client, type Sip2ClientOptions } from '../../ils/client/sip2-client';
import { DEMO, DEMO_DATA } from '../../ils/sim/demo-data';
import { SimIls, type SimIlsOptions } from '../../ils/sim/sim-ils';

export { DEMO };

export const CLOCK = () => new Date('2026-11-20T10:00:00Z');

export interface Rig {
  sim: SimIls;
  client: Sip2Client;
  trace: string[];
  /** The simulator's TCP port (raw SIP2). */
  port?: number;
  close(): Promise<void>;
}

export async function sip2Rig(client: Partial<Sip2ClientOptions> = {}, sim: SimIlsOptions = {}): Promise<Rig> {
  const ils = new SimIls({ data: structuredClone(DEMO_DATA), clock: CLOCK, random: () => 0.99, ...sim });
  const address = await ils.listenSip2();
  const trace: string[] = [];
  const c = new Sip2Client({
    transport: 'tcp',
    host: address.host,
    port: address.port,
    user: 'kiosk',
    password: 'kiosk',
    institution: DEMO.institution,
    location: 'Kiosk 1',
    heartbeatIntervalMs: 0,
    requestTimeoutMs: 400,
    clock: CLOCK,
    trace: (line) => trace.push(line),
    ...client,
  });
  return { sim: ils, client: c, trace, port: address.port, close: async () => { await c.close(); await ils.close(); } };
}

export async function fbsRig(client: Partial<Sip2ClientOptions> = {}, sim: SimIlsOptions = {}): Promise<Rig> {
  const ils = new SimIls({ data: structuredClone(DEMO_DATA), clock: CLOCK, random: () => 0.99, ...sim });
  const address = await ils.listenFbs();
  const trace: string[] = [];
  const c = new Sip2Client({
    transport: 'fbs',
    fbsUrl: address.url,
    user: 'kiosk',
    password: 'kiosk',
    institution: DEMO.institution,
    heartbeatIntervalMs: 0,
    requestTimeoutMs: 400,
    clock: CLOCK,
    trace: (line) => trace.push(line),
    ...client,
  });
  return { sim: ils, client: c, trace, close: async () => { await c.close(); await ils.close(); } };
}

/** Loans in the simulator's memory, as [item, patron] pairs. */
export function loansOf(sim: SimIls, itemId: string): string[] {
  const item = sim.state.item(itemId);
  return item?.onLoanTo ? [item.onLoanTo] : [];
}

/** True when openssl is on the PATH (the TLS tests make their certificate with it). */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed certificate for 127.0.0.1/localhost, written to `dir` as key.pem and cert.pem. */
export function selfSignedCert(dir: string): { keyFile: string; certFile: string; key: Buffer; cert: Buffer } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' });
  return { keyFile, certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) };
}
