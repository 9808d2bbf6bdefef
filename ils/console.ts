// The technician console behind `kiosk sip2`: one request to an ACS, the decoded reply,
// and whether the ILS said yes. Masks CPR-like values in what it prints.
import { type Sip2ClientOptions } from './client/sip2-client';
import {
  checkinRequest,
  checkoutRequest,
  itemInformationRequest,
  NO_LISTS,
  patronInformationRequest,
  renewRequest,
  type RequestContext,
  statusRequest,
} from './client/requests';
import { Sip2Session } from './client/session';
import { LIBRARY_TIME_ZONE } from '../policy';
import { MESSAGE_SPECS, type Sip2Message, type Sip2Request } from './sip2/messages';
import { maskCprLike } from './sip2/trace';
import { FbsLink } from './transport/fbs-link';
import { type Sip2Link } from './transport/link';
import { TcpLink } from './transport/tcp-link';

export type ConsoleCommand =
  | { kind: 'status' }
  | { kind: 'patron'; patronId: string; pin?: string }
  | { kind: 'item'; itemId: string }
  | { kind: 'checkout'; patronId: string; itemId: string; pin?: string }
  | { kind: 'checkin'; itemId: string }
  | { kind: 'renew'; patronId: string; itemId: string; pin?: string };

export type ConsoleConnection = Pick<
  Sip2ClientOptions,
  'transport' | 'host' | 'port' | 'tls' | 'fbsUrl' | 'user' | 'password' | 'location' | 'institution' | 'errorDetection' | 'encoding' | 'requestTimeoutMs' | 'trace'
>;

export interface ConsoleResult {
  /** The ILS said yes (online, valid patron, ok...). */
  yes: boolean;
  reply: Sip2Message;
}

function buildRequest(command: ConsoleCommand, ctx: RequestContext): Sip2Request {
  switch (command.kind) {
    case 'status': return statusRequest();
    case 'patron': return patronInformationRequest(ctx, command.patronId, command.pin, NO_LISTS);
    case 'item': return itemInformationRequest(ctx, command.itemId);
    case 'checkout': return checkoutRequest(ctx, command);
    case 'checkin': return checkinRequest(ctx, command);
    case 'renew': return renewRequest(ctx, command);
  }
}

function saidYes(command: ConsoleCommand, reply: Sip2Message): boolean {
  switch (reply.code) {
    case '98': return reply.onlineStatus;
    case '64': return reply.validPatron === 'Y' && (command.kind !== 'patron' || command.pin === undefined || reply.validPatronPassword === 'Y');
    case '18': return !(reply.circulationStatus === '01' && !reply.titleIdentifier);
    case '12': case '10': case '30': return reply.ok;
    default: return false;
  }
}

/** Sends one request; throws IlsError when there is no answer (no connection, timeout). */
export async function runConsoleCommand(connection: ConsoleConnection, command: ConsoleCommand): Promise<ConsoleResult> {
  const link: Sip2Link =
    connection.transport === 'fbs'
      ? new FbsLink({ url: connection.fbsUrl ?? '', login: connection.user ?? '', password: connection.password ?? '', ...(connection.tls ? { tls: connection.tls } : {}) })
      : new TcpLink({ host: connection.host ?? '127.0.0.1', port: connection.port ?? 6001, ...(connection.transport === 'tls' ? { tls: connection.tls ?? {} } : {}) });
  const session = new Sip2Session({
    link,
    ...(connection.user !== undefined ? { login: { user: connection.user, password: connection.password ?? '', ...(connection.location ? { location: connection.location } : {}) } } : {}),
    errorDetection: connection.errorDetection ?? true,
    encoding: connection.encoding ?? 'utf-8',
    requestTimeoutMs: connection.requestTimeoutMs ?? 5000,
    maxResends: 3,
    ...(connection.trace ? { trace: connection.trace } : {}),
  });
  const ctx: RequestContext = { institution: connection.institution, timeZone: LIBRARY_TIME_ZONE, now: new Date(), ...(connection.location ? { location: connection.location } : {}) };
  try {
    const reply = (await session.request(buildRequest(command, ctx))) as Sip2Message;
    return { yes: saidYes(command, reply), reply };
  } finally {
    session.close();
  }
}

const NAMES = new Map<string, string>(MESSAGE_SPECS.map((spec) => [spec.code, spec.name]));

/** The reply with every CPR-like value masked, for printing. */
export function maskedReply(reply: Sip2Message): Record<string, unknown> {
  const mask = (value: unknown): unknown =>
    typeof value === 'string' ? maskCprLike(value) : Array.isArray(value) ? value.map(mask) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v)])) : value;
  return mask(reply) as Record<string, unknown>;
}

/** A readable listing of the decoded reply, one field per line. */
export function describeReply(reply: Sip2Message): string {
  const lines = [`${reply.code} ${NAMES.get(reply.code) ?? ''}`.trim()];
  for (const [key, value] of Object.entries(maskedReply(reply))) {
    if (key === 'code') continue;
    if (key === 'extra' && Array.isArray(value)) {
      for (const field of value as { code: string; value: string }[]) lines.push(`  ${field.code}: ${field.value}`);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const set = Object.entries(value).filter(([, v]) => v === true).map(([k]) => k);
      lines.push(`  ${key}: ${set.length > 0 ? set.join(', ') : '(none)'}`);
    } else if (Array.isArray(value)) {
      for (const v of value) lines.push(`  ${key}: ${String(v)}`);
    } else {
      lines.push(`  ${key}: ${String(value)}`);
    }
  }
  return lines.join('\n');
}
