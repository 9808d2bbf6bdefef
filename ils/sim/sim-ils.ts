// The simulated ILS (the embedded default): state seeded from a data file, served over
// raw SIP2 and/or the FBS envelope, with fault injection.
import { readFile } from 'node:fs/promises';
import { LIBRARY_TIME_ZONE } from '../../policy';
import { type Sip2Request } from '../sip2/messages';
import { type Sip2Encoding } from '../sip2/text';
import { DEMO_DATA } from './demo-data';
import { type FaultSettings, SimFaults } from './faults';
import { FbsServer } from './fbs-server';
import { defaultLoanRules, type LoanRules } from './loan-rules';
import { type ResponderContext, type SimDialect } from './responder';
import { parseSimData, type SimData, SimDataError } from './sim-data';
import { SimState } from './sim-state';
import { type ListenOptions, Sip2Server } from './sip2-server';

export interface SimIlsOptions {
  /** Defaults to the built-in demo data. */
  data?: SimData;
  /** The kiosk's SIP2 account (93 login) and the FBS envelope's credentials. */
  user?: string;
  password?: string;
  loanRules?: LoanRules;
  clock?: () => Date;
  /** Random source for the fault rates (seed it in tests). */
  random?: () => number;
  encoding?: Sip2Encoding;
  timeZone?: string;
  faults?: Partial<FaultSettings>;
  /** Masked protocol log (no PINs, passwords or CPRs). */
  log?: (line: string) => void;
}

export class SimIls {
  readonly state: SimState;
  readonly faults: SimFaults;
  private readonly empty: SimState;
  private readonly servers: { close(): Promise<void> }[] = [];
  private readonly clock: () => Date;

  constructor(private readonly options: SimIlsOptions = {}) {
    const data = options.data ?? DEMO_DATA;
    const rules = options.loanRules ?? defaultLoanRules();
    this.clock = options.clock ?? (() => new Date());
    this.state = new SimState(data, rules, this.clock);
    // Requests for another institution find nobody and nothing.
    this.empty = new SimState({ institution: data.institution, patrons: [], items: [] }, rules, this.clock);
    // Faults run on real time, also when the library's clock is simulated.
    this.faults = new SimFaults(options.random);
    if (options.faults) this.faults.set(options.faults);
  }

  /** Raw SIP2 over TCP (or TLS with `tls`); port 0 picks a free port. */
  async listenSip2(options: ListenOptions = {}): Promise<{ host: string; port: number }> {
    const server = new Sip2Server({
      responder: (request) => this.context(request, 'sip2'),
      faults: this.faults,
      user: this.options.user ?? 'kiosk',
      password: this.options.password ?? 'kiosk',
      encoding: this.options.encoding ?? 'utf-8',
      log: this.options.log ?? (() => {}),
    });
    this.servers.push(server);
    return server.listen(options);
  }

  /** The FBS envelope over HTTP at /rest/sip2/<institution>. */
  async listenFbs(options: { host?: string; port?: number } = {}): Promise<{ host: string; port: number; url: string }> {
    const server = new FbsServer({
      institution: this.state.institution,
      responder: (request) => this.context(request, 'fbs'),
      faults: this.faults,
      user: this.options.user ?? 'kiosk',
      password: this.options.password ?? 'kiosk',
      log: this.options.log ?? (() => {}),
    });
    this.servers.push(server);
    return server.listen(options);
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.splice(0).map((s) => s.close()));
  }

  private context(request: Sip2Request, dialect: SimDialect): ResponderContext {
    const institution = 'institutionId' in request ? request.institutionId : undefined;
    const known = institution === undefined || institution === '' || institution === this.state.institution;
    return { state: known ? this.state : this.empty, dialect, now: this.clock, timeZone: this.options.timeZone ?? LIBRARY_TIME_ZONE };
  }
}

/** Reads and validates a data file (JSON); throws SimDataError naming each wrong key. */
export async function loadSimData(path: string): Promise<SimData> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SimDataError(`${path} is not JSON: ${error instanceof Error ? error.message : ''}`);
  }
  return parseSimData(json, path);
}
