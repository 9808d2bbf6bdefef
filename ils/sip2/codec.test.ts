import { describe, expect, it } from 'vitest';
import { decodeSip2, encodeSip2 } from './codec';
import { Sip2EncodeError, Sip2ParseError } from './errors';
import { type Sip2Message } from './messages';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

function parseError(input: string | Uint8Array): Sip2ParseError {
  try {
    decodeSip2(input);
  } catch (error) {
    if (error instanceof Sip2ParseError) return error;
    throw error;
  }
  throw new Error('expected a Sip2ParseError');
}

describe('encodeSip2', () => {
  const login: Sip2Message = { code: '93', uidAlgorithm: '0', pwdAlgorithm: '0', loginUserId: 'LoginUserID', loginPassword: 'LoginPassword', locationCode: 'LocationCode' };

  it('writes the 3M spec login with sequence 5 and its checksum', () => {
    expect(text(encodeSip2(login, { errorDetection: { sequence: 5 } }))).toBe('9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC7B\r');
  });

  it('writes without error detection, with CRLF or no terminator', () => {
    expect(text(encodeSip2(login))).toBe('9300CNLoginUserID|COLoginPassword|CPLocationCode|\r');
    expect(text(encodeSip2(login, { terminator: '\r\n' }))).toBe('9300CNLoginUserID|COLoginPassword|CPLocationCode|\r\n');
    expect(text(encodeSip2({ code: '94', ok: true }, { terminator: '' }))).toBe('941');
  });

  it('writes 97 and 96 with a checksum and no sequence', () => {
    expect(text(encodeSip2({ code: '97' }, { errorDetection: {} }))).toBe('97AZFEF5\r');
    expect(text(encodeSip2({ code: '96' }, { errorDetection: {} }))).toBe('96AZFEF6\r');
  });

  it('writes repeated and extra fields in order', () => {
    const reply: Sip2Message = {
      code: '36', endSession: true, transactionDate: '19980723    110658', institutionId: 'I', patronIdentifier: 'P',
      screenMessage: ['one', 'two'], extra: [{ code: 'ZZ', value: 'x' }, { code: 'AO', value: 'second AO' }],
    };
    expect(text(encodeSip2(reply))).toBe('36Y19980723    110658AOI|AAP|AFone|AFtwo|ZZx|AOsecond AO|\r');
  });

  it('encodes text as ISO-8859-1 when configured, one byte per Danish letter', () => {
    const bytes = encodeSip2({ code: '94', ok: true, extra: [{ code: 'AF', value: 'æøå' }] }, { encoding: 'iso-8859-1', terminator: '' });
    expect([...bytes]).toEqual([0x39, 0x34, 0x31, 0x41, 0x46, 0xe6, 0xf8, 0xe5, 0x7c]);
    const utf8 = encodeSip2({ code: '94', ok: true, extra: [{ code: 'AF', value: 'æøå' }] }, { terminator: '' });
    expect([...utf8.subarray(5, 11)]).toEqual([0xc3, 0xa6, 0xc3, 0xb8, 0xc3, 0xa5]);
  });

  it('refuses a value holding | or a line break, naming the field but not the value', () => {
    expect(() => encodeSip2({ code: '23', language: '009', transactionDate: '20260101    120000', patronPassword: '12|4' })).toThrow(
      new Sip2EncodeError("message 23: field 'patronPassword' may not hold '|' or a line break"),
    );
    expect(() => encodeSip2({ code: '94', ok: true }, { errorDetection: { sequence: 10 } })).toThrow(Sip2EncodeError);
    expect(() => encodeSip2({ code: '24', patronStatus: {} as never, language: '009', transactionDate: 'not a date' })).toThrow(Sip2EncodeError);
  });
});

describe('decodeSip2', () => {
  it('reads error detection and strips CR, CRLF and leading LF', () => {
    for (const ending of ['', '\r', '\r\n', '\n']) {
      const decoded = decodeSip2(`941AY3AZFDFA${ending}`);
      expect(decoded).toEqual({ message: { code: '94', ok: true }, sequence: 3, errorDetection: true });
    }
    expect(decodeSip2('\n941\r')).toEqual({ message: { code: '94', ok: true }, errorDetection: false, sequence: undefined });
  });

  it('reads 97 and 96 with and without a checksum', () => {
    expect(decodeSip2('97AZFEF5\r').message).toEqual({ code: '97' });
    expect(decodeSip2('96AZFEF6').errorDetection).toBe(true);
    expect(decodeSip2('97').message).toEqual({ code: '97' });
  });

  it('keeps repeated fields in order and unknown fields in `extra`', () => {
    const decoded = decodeSip2('36Y19980723    110658AOI|AAP|AFone|ZZx|AFtwo|AOagain|');
    expect(decoded.message).toEqual({
      code: '36', endSession: true, transactionDate: '19980723    110658', institutionId: 'I', patronIdentifier: 'P',
      screenMessage: ['one', 'two'], extra: [{ code: 'ZZ', value: 'x' }, { code: 'AO', value: 'again' }],
    });
  });

  it('accepts a missing last |, doubled || and empty values', () => {
    expect(decodeSip2('2300119960212    100239AOid_21||AA104000000105|AC|AD').message).toEqual({
      code: '23', language: '001', transactionDate: '19960212    100239', institutionId: 'id_21', patronIdentifier: '104000000105', terminalPassword: '', patronPassword: '',
    });
  });

  it('decodes ISO-8859-1 bytes when configured', () => {
    const bytes = Uint8Array.from([...Buffer.from('941AF', 'latin1'), 0xe6, 0xf8, 0xe5, 0x7c, 0x0d]);
    expect(decodeSip2(bytes, { encoding: 'iso-8859-1' }).message).toEqual({ code: '94', ok: true, extra: [{ code: 'AF', value: 'æøå' }] });
  });

  it('names what is wrong with a malformed message', () => {
    expect(parseError('')).toMatchObject({ problem: 'empty' });
    expect(parseError('\r\n')).toMatchObject({ problem: 'empty' });
    expect(parseError('941AY3AZFDFB')).toMatchObject({ problem: 'checksum', messageCode: '94' });
    expect(parseError('XX1')).toMatchObject({ problem: 'unsupported-message', messageCode: undefined });
    expect(parseError('251')).toMatchObject({ problem: 'unsupported-message', messageCode: '25' }); // 25 patron enable
    expect(parseError('12')).toMatchObject({ problem: 'too-short', message: 'message 12 (checkout response) needs 22 characters of fixed fields, got 0' });
    expect(parseError('942')).toMatchObject({ problem: 'bad-fixed-field', message: "message 94: fixed field 'ok' must be 1 or 0" });
    expect(parseError('36X19980723    110658')).toMatchObject({ problem: 'bad-fixed-field', message: "message 36: fixed field 'endSession' must be Y or N" });
    expect(parseError('36Y19980723    110658a|')).toMatchObject({ problem: 'bad-field' });
    expect(parseError('36Y19980723    110658ao|')).toMatchObject({ problem: 'bad-field' });
  });

  it('liberal reading (the simulator\'s, of requests) pads a last fixed field cut short by `|`, skips blank padding; strict refuses both', () => {
    const head = '6300920170619    125152';
    const short = `${head}YYYYYYYYY|AODK-775100|AA1|`;
    expect(decodeSip2(short, { liberal: true }).message).toMatchObject({ code: '63', summary: { holdItems: true, unavailableHolds: true }, institutionId: 'DK-775100', patronIdentifier: '1' });
    expect(() => decodeSip2(short)).toThrow(Sip2ParseError);
    const padded = `${head}YYYYYYYYYY   |AODK-775100|`;
    expect(decodeSip2(padded, { liberal: true }).message).toMatchObject({ institutionId: 'DK-775100' });
    expect(() => decodeSip2(padded)).toThrow("does not start with a two-character field code");
    // A date is never padded, nor a field before the last: those are broken messages.
    expect(() => decodeSip2('1719980723    1000|ABx|', { liberal: true })).toThrow(Sip2ParseError);
    expect(() => decodeSip2('6300919980723|AOx|', { liberal: true })).toThrow(Sip2ParseError);
    expect(() => decodeSip2(`${head}|AOx|`, { liberal: true })).toThrow(Sip2ParseError);
    // A message with its full fixed part reads the same either way.
    expect(decodeSip2(`${head}YYYYYYYYYYAOx|`, { liberal: true })).toEqual(decodeSip2(`${head}YYYYYYYYYYAOx|`));
  });

  it('can skip the checksum check for ACSs that compute it wrongly', () => {
    expect(decodeSip2('941AY3AZ0000', { verifyChecksum: false })).toEqual({ message: { code: '94', ok: true }, sequence: 3, errorDetection: true });
  });
});
