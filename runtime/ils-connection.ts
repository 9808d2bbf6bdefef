// The ILS link from the configuration. "simulated" starts the bundled simulated ILS in this
// process on 127.0.0.1 and connects to it over real TCP, so the embedded default runs the same
// SIP2 client a real site uses.
import { Sip2Client, type Ils, policyLoanRules, loadSimData, SimIls } from '../ils';
import { type SiteConfig } from './config';
import { type Clock } from './clock';
import { type Logger } from './log';

export interface IlsConnection {
  ils: Ils;
  /** The bundled simulated ILS when the configuration asks for it (controllable in simulation mode). */
  sim: SimulatedIls | null;
  close(): Promise<void>;
}

export interface SimulatedIls {
  ils: SimIls;
  /** Stops (the kiosk goes offline) or restarts the simulated ILS on the same port. */
  setOnline(online: boolean): Promise<void>;
}

export interface IlsTimings {
  requestTimeoutMs?: number;
  heartbeatIntervalMs?: number;
}

const SIM_USER = 'kiosk';
const SIM_PASSWORD = 'kiosk';

export async function connectIls(config: SiteConfig, clock: Clock, timings: IlsTimings = {}, log?: Logger): Promise<IlsConnection> {
  const common = clientTimings(clock, timings, log);
  if (config.ils.transport === 'simulated') return connectSimulatedIls(config, config.ils, clock, common);
  const ils = config.ils.transport === 'sip2' ? sip2Client(config.ils, common) : fbsClient(config.ils, common);
  return { ils, sim: null, close: () => ils.close() };
}

type IlsConfig = SiteConfig['ils'];
type ClientTimings = ReturnType<typeof clientTimings>;

/** What every link's client shares: timeouts, heartbeat, the clock and where its warnings go. */
function clientTimings(clock: Clock, timings: IlsTimings, log: Logger | undefined) {
  return {
    requestTimeoutMs: timings.requestTimeoutMs ?? 5000,
    heartbeatIntervalMs: timings.heartbeatIntervalMs ?? 10_000,
    clock: () => clock.now(),
    // What the client carries on past (a throwing link watcher, a heartbeat bug) reaches the log.
    ...(log ? { log: (event: string, fields: Record<string, unknown>) => log.warn(event, fields) } : {}),
  };
}

/** The bundled simulated ILS on 127.0.0.1 (a free port), and a SIP2 client over real TCP to it. */
async function connectSimulatedIls(
  config: SiteConfig,
  c: Extract<IlsConfig, { transport: 'simulated' }>,
  clock: Clock,
  common: ClientTimings,
): Promise<IlsConnection> {
  const sim = new SimIls({
    ...(c.dataFile ? { data: await loadSimData(c.dataFile) } : {}),
    user: SIM_USER,
    password: SIM_PASSWORD,
    loanRules: policyLoanRules(config.library),
    faults: { latencyMs: c.latencyMs, dropRate: 0, corruptRate: 0, silentEveryMs: 0, silentForMs: 0 },
    clock: () => clock.now(),
  });
  const address = await sim.listenSip2({ host: '127.0.0.1', port: 0 });
  const ils = new Sip2Client({
    ...common,
    transport: 'tcp',
    host: address.host,
    port: address.port,
    user: SIM_USER,
    password: SIM_PASSWORD,
    institution: sim.state.institution,
    location: config.branch,
  });
  let online = true;
  const control: SimulatedIls = {
    ils: sim,
    async setOnline(wanted) {
      if (wanted === online) return;
      online = wanted;
      if (wanted) await sim.listenSip2({ host: address.host, port: address.port });
      else await sim.close();
    },
  };
  return { ils, sim: control, close: async () => { await ils.close(); await sim.close(); } };
}

/** A SIP2 server over TCP: TLS unless the site file says `"tls": false`; the ILS's certificate is
 * always verified (system CAs, or NODE_EXTRA_CA_CERTS for a library's own CA), whatever
 * NODE_TLS_REJECT_UNAUTHORIZED says. */
function sip2Client(c: Extract<IlsConfig, { transport: 'sip2' }>, common: ClientTimings): Sip2Client {
  return new Sip2Client({
    ...common,
    ...(c.tls ? { transport: 'tls' as const, tls: { rejectUnauthorized: true } } : { transport: 'tcp' as const }),
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password,
    institution: c.institution,
    location: c.location,
    errorDetection: c.errorDetection,
    encoding: c.encoding,
  });
}

/** FBS: SIP2 messages in its HTTPS-XML envelope at /rest/sip2/<institution>. */
function fbsClient(c: Extract<IlsConfig, { transport: 'fbs' }>, common: ClientTimings): Sip2Client {
  const scheme = c.tls ? 'https' : 'http';
  return new Sip2Client({
    ...common,
    transport: 'fbs',
    ...(c.tls ? { tls: { rejectUnauthorized: true } } : {}),
    fbsUrl: `${scheme}://${c.host}${c.port ? `:${c.port}` : ''}/rest/sip2/${c.institution}`,
    user: c.user,
    password: c.password,
    institution: c.institution,
    location: c.location,
  });
}
