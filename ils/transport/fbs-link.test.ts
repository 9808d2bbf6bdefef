import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../sip2/framer';
import { FbsErrorAnswer, FBS_NAMESPACE } from './fbs-envelope';
import { FbsLink, MAX_FBS_BODY_BYTES } from './fbs-link';
import { ReplyTooLargeError } from './link';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serving(body: string): Promise<FbsLink> {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return new FbsLink({ url: `http://127.0.0.1:${port}/rest/sip2/DK-775100`, login: 'u', password: 'p' });
}

const envelope = (inner: string, padding = 0) => `<?xml version="1.0"?><ns2:sip xmlns:ns2="${FBS_NAMESPACE}">${' '.repeat(padding)}${inner}</ns2:sip>`;
const ask = (link: FbsLink) => link.exchange(Buffer.from('9900302.00'), 5000);

describe('FbsLink answer limits', () => {
  it('takes an answer of exactly the body limit', async () => {
    const short = envelope('<response>941</response>');
    const link = await serving(envelope('<response>941</response>', MAX_FBS_BODY_BYTES - short.length));
    expect(Buffer.from(await ask(link)).toString()).toBe('941');
  });

  it('refuses one byte more (chunked, no length given)', async () => {
    const short = envelope('<response>941</response>');
    const link = await serving(envelope('<response>941</response>', MAX_FBS_BODY_BYTES - short.length + 1));
    await expect(ask(link)).rejects.toBeInstanceOf(ReplyTooLargeError);
  });

  it('refuses a SIP2 message longer than a raw SIP2 frame may be', async () => {
    const link = await serving(envelope(`<response>98${'Y'.repeat(MAX_MESSAGE_BYTES)}</response>`));
    await expect(ask(link)).rejects.toThrow(/SIP2 message in the FBS answer is larger than/);
  });

  it('masks a PIN or CPR that an FBS error text echoes', async () => {
    const link = await serving(envelope('<error>ERROR INPUT 63009|AA0103801001|AD1234|</error>'));
    const error = await ask(link).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FbsErrorAnswer);
    expect((error as Error).message).not.toMatch(/1234|0103801001/);
  });
});
