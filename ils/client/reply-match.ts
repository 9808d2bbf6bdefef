// Does a reply answer the request it is taken for? A reply names the patron (AA) and the item
// (AB) it is about; they must be the ones asked for, or the reply belongs to another exchange
// (an ACS out of step, a stale or forged message) and must never be read as this answer.
import { type Sip2Message, type Sip2Request } from '../sip2/messages';
import { plainPatronId } from './replies';

type Echoed = 'AA' | 'AB';

// Which identifiers each response carries back (SIP2 2.00). The checkin response's AA is the
// patron who had the item, not something asked for; 66 (renew all) carries no AA.
const ECHOES: Partial<Record<Sip2Message['code'], Echoed[]>> = {
  '24': ['AA'],
  '64': ['AA'],
  '12': ['AA', 'AB'],
  '30': ['AA', 'AB'],
  '36': ['AA'],
  '38': ['AA'],
  '10': ['AB'],
  '18': ['AB'],
  '20': ['AB'],
  '16': ['AA', 'AB'],
};

const NAME: Record<Echoed, 'patronIdentifier' | 'itemIdentifier'> = { AA: 'patronIdentifier', AB: 'itemIdentifier' };

// FBS prefixes patron ids with their kind (`LN:`); ILSs may change letter case (Koha looks
// card numbers up case-insensitively and answers with the stored one).
const normal = (code: Echoed, value: string) => (code === 'AA' ? plainPatronId(value.trim()) : value.trim()).toUpperCase();

/**
 * Why `reply` does not answer `request` (names the field, never a value), or undefined when it
 * does: each identifier asked for must come back, and every copy of it must be the same.
 */
export function replyMismatch(request: Sip2Request, reply: Sip2Message): string | undefined {
  const asked = request as unknown as Record<string, unknown>;
  const answered = reply as unknown as Record<string, unknown>;
  for (const code of ECHOES[reply.code] ?? []) {
    const wanted = asked[NAME[code]];
    if (typeof wanted !== 'string' || wanted.trim() === '') continue;
    const got = answered[NAME[code]];
    if (typeof got !== 'string') return `${code} missing`;
    const values = [got, ...(reply.extra ?? []).filter((f) => f.code === code).map((f) => f.value)];
    if (values.some((value) => normal(code, value) !== normal(code, wanted))) return `${code} differs`;
  }
  return undefined;
}
