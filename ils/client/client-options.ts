// How a SIP2 client is set up: transport, account, timeouts, heartbeat, dialect choices.
import type tls from 'node:tls';
import { type Sip2Encoding } from '../sip2/text';
import { FbsLink } from '../transport/fbs-link';
import { type Sip2Link } from '../transport/link';
import { TcpLink } from '../transport/tcp-link';
import { type HysteresisOptions } from './link-monitor';

export interface Sip2ClientOptions {
  transport: 'tcp' | 'tls' | 'fbs';
  host?: string;
  port?: number;
  /** TLS options for `tls` and for an https FBS address. */
  tls?: tls.ConnectionOptions;
  /** FBS endpoint, e.g. `https://host/rest/sip2/DK-775100`. */
  fbsUrl?: string;
  /** SIP2 login (93) for tcp/tls; the envelope's credentials for FBS. */
  user?: string;
  password?: string;
  /** Location code: CP in the login and AP (current location) in checkins. */
  location?: string;
  /** AO: the institution id (the ISIL for FBS, e.g. DK-775100). */
  institution: string;
  terminalPassword?: string;
  /** Three-digit SIP2 language; 009 is Danish. */
  language?: string;
  /** AY/AZ error detection on raw SIP2 (default on). FBS never uses it. */
  errorDetection?: boolean;
  encoding?: Sip2Encoding;
  /** The ACS's time zone for dates with blank ZZZZ (default Europe/Copenhagen). */
  timeZone?: string;
  requestTimeoutMs?: number;
  maxResends?: number;
  /** 99 status at this interval while online; 0 turns the heartbeat off. */
  heartbeatIntervalMs?: number;
  /** Back-off between reconnect attempts while offline. */
  reconnect?: { initialMs?: number; maxMs?: number };
  hysteresis?: HysteresisOptions;
  /** The 3M spec asks for one item list per 63; FBS answers all at once (default per transport). */
  summaryMode?: 'one-list-per-request' | 'all-lists';
  /** Ask item information (17) for loans whose list entry has no due date (default true). */
  loanDueDates?: boolean;
  excludedCategories?: string[];
  trace?: (line: string) => void;
  /** Named events for errors the client carries on past (`ils.link-watcher-failed`,
   * `ils.heartbeat-failed`); the runtime passes its logger's warn. */
  log?: (event: string, fields: Record<string, unknown>) => void;
  clock?: () => Date;
  /** A ready link (tests); built from the options above otherwise. */
  link?: Sip2Link;
}

export function createLink(options: Sip2ClientOptions): Sip2Link {
  if (options.transport === 'fbs') {
    if (!options.fbsUrl) throw new Error('the FBS transport needs fbsUrl');
    return new FbsLink({
      url: options.fbsUrl,
      login: options.user ?? '',
      password: options.password ?? '',
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
    });
  }
  if (!options.host || !options.port) throw new Error('the SIP2 transport needs host and port');
  return new TcpLink({ host: options.host, port: options.port, ...(options.transport === 'tls' ? { tls: options.tls ?? {} } : {}) });
}
