import { describe, expect, it } from 'vitest';
import { buildFbsRequest, buildFbsResponse, FbsEnvelopeError, FbsErrorAnswer, parseFbsRequest, parseFbsResponse } from './fbs-envelope';

describe('FBS envelope', () => {
  it('wraps a request as PROTOCOLS.md section 2 describes, escaping XML', () => {
    expect(buildFbsRequest('990xxx2.00', 'sip2', 'p&w"d')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><ns1:sip login="sip2" password="p&amp;w&quot;d" xmlns:ns1="http://axiell.com/Schema/sip.xsd"><request>990xxx2.00</request></ns1:sip>',
    );
  });

  it('reads a request envelope in the shape other FBS clients send (schemaLocation, newlines)', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<ns1:sip password="password" login="sip2" xsi:schemaLocation="http://axiell.com/Schema/sip.xsd" ' +
      'xmlns:ns1="http://axiell.com/Schema/sip.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <request>990xxx2.00</request></ns1:sip>';
    expect(parseFbsRequest(xml)).toEqual({ login: 'sip2', password: 'password', message: '990xxx2.00' });
    expect(parseFbsRequest(buildFbsRequest('AJa&b<c>', 'u', 'p')).message).toBe('AJa&b<c>');
  });

  it('reads a recorded FBS response and its <error>', () => {
    const recorded =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns2:sip xmlns:ns2="http://axiell.com/Schema/sip.xsd"><response>24              00920170619    125151AODK-775100|AALN:3210519784|AETestkort Mickey Mouse|BLY|CQY|</response></ns2:sip>';
    expect(parseFbsResponse(recorded)).toBe('24              00920170619    125151AODK-775100|AALN:3210519784|AETestkort Mickey Mouse|BLY|CQY|');
    const error = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns2:sip xmlns:ns2="http://axiell.com/Schema/sip.xsd"><error>Required field: LOGIN_PASSWORD must be set!</error></ns2:sip>';
    expect(() => parseFbsResponse(error)).toThrow(new FbsErrorAnswer('FBS answered with an error: Required field: LOGIN_PASSWORD must be set!'));
    expect(parseFbsResponse(buildFbsResponse('AJBlædel &amp; co'))).toBe('AJBlædel &amp; co');
    expect(parseFbsResponse('<r><response>a&#248;&#xE6;</response></r>')).toBe('aøæ');
  });

  it('names what is wrong with something that is not an envelope', () => {
    expect(() => parseFbsResponse('<html>gateway timeout</html>')).toThrow(FbsEnvelopeError);
    expect(() => parseFbsRequest('<ns1:sip><request>99</request></ns1:sip>')).toThrow('the FBS envelope has no login or password');
    expect(() => parseFbsRequest('garbage')).toThrow('not an FBS sip request envelope');
  });
});
