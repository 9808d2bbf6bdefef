// Starting the simulated ILS from plain options (what `kiosk ils-sim` parses).
import { readFile } from 'node:fs/promises';
import { policyLoanRules } from './policy-loan-rules';
import { loadSimData, SimIls } from './sim-ils';

export interface SimStartOptions {
  host: string;
  port: number;
  protocol: 'sip2' | 'fbs';
  dataFile?: string;
  latencyMs?: number;
  user?: string;
  password?: string;
  /** Due dates and renewals from this library's profile (policy/). */
  library?: string;
  dropPercent?: number;
  corruptPercent?: number;
  silentEveryMs?: number;
  silentForMs?: number;
  /** PEM files: serve raw SIP2 over TLS. */
  tlsKeyFile?: string;
  tlsCertFile?: string;
  log?: (line: string) => void;
}

/** Starts listening; resolves with the simulator and one line saying where. */
export async function startSimIls(options: SimStartOptions): Promise<{ sim: SimIls; listening: string }> {
  const data = options.dataFile ? await loadSimData(options.dataFile) : undefined;
  const sim = new SimIls({
    ...(data ? { data } : {}),
    ...(options.user !== undefined ? { user: options.user } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.library ? { loanRules: policyLoanRules(options.library) } : {}),
    ...(options.log ? { log: options.log } : {}),
    faults: {
      latencyMs: options.latencyMs ?? 0,
      dropRate: (options.dropPercent ?? 0) / 100,
      corruptRate: (options.corruptPercent ?? 0) / 100,
      silentEveryMs: options.silentEveryMs ?? 0,
      silentForMs: options.silentForMs ?? 0,
    },
  });
  const what = `institution ${sim.state.institution}, login ${options.user ?? 'kiosk'}${options.library ? `, loan rules of ${options.library}` : ''}`;
  try {
    if (options.protocol === 'fbs') {
      const address = await sim.listenFbs({ host: options.host, port: options.port });
      return { sim, listening: `ils-sim: FBS listening on ${address.url} (${what})` };
    }
    const tls = options.tlsKeyFile && options.tlsCertFile ? { key: await readFile(options.tlsKeyFile), cert: await readFile(options.tlsCertFile) } : undefined;
    const address = await sim.listenSip2({ host: options.host, port: options.port, ...(tls ? { tls } : {}) });
    return { sim, listening: `ils-sim: SIP2${tls ? ' over TLS' : ''} listening on ${address.host}:${address.port} (${what})` };
  } catch (error) {
    await sim.close();
    throw error;
  }
}
