// The FBS envelope (PROTOCOLS.md section 2): each SIP2 message travels as XML in an HTTP
// POST; credentials are attributes, the answer is <response>MSG</response> or <error>.

export const FBS_NAMESPACE = 'http://axiell.com/Schema/sip.xsd';

export class FbsEnvelopeError extends Error {
  override name = 'FbsEnvelopeError';
}

/** FBS read the request and answered <error>: it was not carried out. */
export class FbsErrorAnswer extends FbsEnvelopeError {
  override name = 'FbsErrorAnswer';
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity] ?? '';
  });
}

/** The request body for one SIP2 message (no error detection, no CR). */
export function buildFbsRequest(message: string, login: string, password: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<ns1:sip login="${escapeXml(login)}" password="${escapeXml(password)}" xmlns:ns1="${FBS_NAMESPACE}">` +
    `<request>${escapeXml(message)}</request></ns1:sip>`
  );
}

export function buildFbsResponse(message: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<ns2:sip xmlns:ns2="${FBS_NAMESPACE}"><response>${escapeXml(message)}</response></ns2:sip>`
  );
}

export function buildFbsError(text: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<ns2:sip xmlns:ns2="${FBS_NAMESPACE}"><error>${escapeXml(text)}</error></ns2:sip>`
  );
}

export interface FbsRequestEnvelope {
  login: string;
  password: string;
  message: string;
}

/** Reads a request envelope (the simulated FBS uses this); throws FbsEnvelopeError. */
export function parseFbsRequest(xml: string): FbsRequestEnvelope {
  const root = /<(?:[A-Za-z0-9_]+:)?sip\b([^>]*)>/.exec(xml);
  const request = /<request>([\s\S]*?)<\/request>/.exec(xml);
  if (!root || !request) throw new FbsEnvelopeError('not an FBS sip request envelope');
  const attributes = root[1] ?? '';
  const attribute = (name: string) => {
    const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attributes);
    return m ? unescapeXml(m[1] ?? '') : undefined;
  };
  const login = attribute('login');
  const password = attribute('password');
  if (login === undefined || password === undefined) throw new FbsEnvelopeError('the FBS envelope has no login or password');
  return { login, password, message: unescapeXml(request[1] ?? '') };
}

/** The SIP2 message in a response envelope; an <error> becomes an FbsEnvelopeError with its text. */
export function parseFbsResponse(xml: string): string {
  const response = /<response>([\s\S]*?)<\/response>/.exec(xml);
  if (response) return unescapeXml(response[1] ?? '');
  const error = /<error>([\s\S]*?)<\/error>/.exec(xml) ?? /<errorCode>([\s\S]*?)<\/errorCode>/.exec(xml);
  if (error) throw new FbsErrorAnswer(`FBS answered with an error: ${unescapeXml(error[1] ?? '').slice(0, 200)}`);
  throw new FbsEnvelopeError('the FBS answer holds neither a response nor an error');
}
