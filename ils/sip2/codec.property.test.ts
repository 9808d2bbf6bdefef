import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSip2, encodeSip2 } from './codec';
import { Sip2ParseError } from './errors';
import { PATRON_STATUS_FLAGS, SUMMARY_LISTS } from './fixed';
import { MESSAGE_SPECS, type Sip2Message } from './messages';
import { type AnyFixedCodec, type MessageSpec } from './spec';
import { type Sip2Encoding } from './text';

const chars = (alphabet: string, length: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });
const DIGITS = '0123456789';

// Text fixed fields by name: what each accepts.
const BY_NAME: Record<string, fc.Arbitrary<unknown>> = {
  language: chars(`${DIGITS}ABCxyz `, 3),
  protocolVersion: chars(`${DIGITS}.`, 4),
  maxPrintWidth: chars(`${DIGITS}xX `, 3),
  statusCode: chars(DIGITS, 1),
  uidAlgorithm: chars(`${DIGITS}AZ`, 1),
  pwdAlgorithm: chars(`${DIGITS}AZ`, 1),
  holdMode: fc.constantFrom('+', '-', '*'),
  currencyType: chars('ADKSUZ ', 3),
};

function fixedArbitrary(name: string, codec: AnyFixedCodec): fc.Arbitrary<unknown> {
  const named = BY_NAME[name];
  if (named) return named;
  switch (codec.expects) {
    case '1 or 0':
    case 'Y or N':
      return fc.boolean();
    case 'Y, N or U':
      return fc.constantFrom('Y', 'N', 'U');
    case '2 digits':
      return chars(DIGITS, 2);
    case 'an 18-character date YYYYMMDDZZZZHHMMSS':
      return fc.oneof(fc.constant(' '.repeat(18)), fc.tuple(chars(DIGITS, 8), fc.constantFrom('    ', 'UTC ', '   Z', '0000'), chars(DIGITS, 6)).map((p) => p.join('')));
    case '14 characters of Y, N or blank':
      return fc.record(Object.fromEntries(PATRON_STATUS_FLAGS.map((f) => [f, fc.boolean()])));
    case '10 characters of Y, N or blank':
      return fc.record(Object.fromEntries(SUMMARY_LISTS.map((f) => [f, fc.boolean()])));
    default: {
      const digits = /^(\d) digits$/.exec(codec.expects);
      if (digits) return fc.nat({ max: 10 ** Number(digits[1]) - 1 });
      throw new Error(`no arbitrary for fixed field ${name} (${codec.expects})`);
    }
  }
}

function valueArbitrary(encoding: Sip2Encoding): fc.Arbitrary<string> {
  const unit = encoding === 'utf-8' ? fc.constantFrom('a', 'Z', '0', ' ', '%', ':', 'æ', 'Ø', 'å', 'é', '€', '😀', 'A', 'Y') : fc.constantFrom('a', 'Z', '0', ' ', '%', 'æ', 'Ø', 'å', 'é', 'A', 'Y');
  return fc.string({ unit, maxLength: 12 });
}

function messageArbitrary(spec: MessageSpec, encoding: Sip2Encoding): fc.Arbitrary<Sip2Message> {
  const fixed = Object.fromEntries(Object.entries(spec.fixed).map(([name, codec]) => [name, fixedArbitrary(name, codec)]));
  const knownCodes = new Set(Object.values(spec.fields).map((f) => f.code));
  const value = valueArbitrary(encoding);
  const fields = Object.fromEntries(
    Object.entries(spec.fields).map(([name, field]) => [name, field.repeat ? fc.array(value, { minLength: 1, maxLength: 3 }) : value]),
  );
  const extraCode = fc.tuple(fc.constantFrom(...'ABCXYZ'), fc.constantFrom(...'QRZ019')).map(([a, b]) => a + b).filter((c) => !knownCodes.has(c));
  const extra = fc.array(fc.record({ code: extraCode, value }), { minLength: 1, maxLength: 3 });
  return fc
    .record({ fixed: fc.record(fixed), fields: fc.record(fields, { requiredKeys: [] }), extra: fc.option(extra, { nil: undefined }) })
    .map(({ fixed: f, fields: v, extra: e }) => ({ code: spec.code, ...f, ...v, ...(e ? { extra: e } : {}) }) as unknown as Sip2Message);
}

const settings = fc.record({
  encoding: fc.constantFrom<Sip2Encoding>('utf-8', 'iso-8859-1'),
  sequence: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  errorDetection: fc.boolean(),
  terminator: fc.constantFrom<'\r' | '\r\n' | ''>('\r', '\r\n', ''),
});

describe('SIP2 codec properties', () => {
  it.each(MESSAGE_SPECS.map((spec) => [spec.code, spec.name, spec] as const))('round-trips every %s (%s)', (_code, _name, spec) => {
    fc.assert(
      fc.property(settings.chain((s) => fc.tuple(fc.constant(s), messageArbitrary(spec as MessageSpec, s.encoding))), ([s, message]) => {
        const bytes = encodeSip2(message, {
          encoding: s.encoding,
          terminator: s.terminator,
          ...(s.errorDetection ? { errorDetection: s.sequence === undefined ? {} : { sequence: s.sequence } } : {}),
        });
        const decoded = decodeSip2(bytes, { encoding: s.encoding });
        expect(decoded.message).toEqual(message);
        expect(decoded.errorDetection).toBe(s.errorDetection);
        expect(decoded.sequence).toBe(s.errorDetection ? s.sequence : undefined);
      }),
      { numRuns: 150 },
    );
  });

  const onlyTypedErrors = (input: Uint8Array) => {
    for (const encoding of ['utf-8', 'iso-8859-1'] as const) {
      try {
        decodeSip2(input, { encoding });
      } catch (error) {
        if (!(error instanceof Sip2ParseError)) throw error;
      }
    }
  };

  it('arbitrary bytes only ever throw Sip2ParseError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), onlyTypedErrors), { numRuns: 3000 });
  });

  it('arbitrary text made of SIP2 characters only ever throws Sip2ParseError', () => {
    const unit = fc.constantFrom(...'0123456789YNU |AZACDOBQ\r\n');
    fc.assert(fc.property(fc.string({ unit, maxLength: 80 }), (s) => onlyTypedErrors(Buffer.from(s, 'latin1'))), { numRuns: 3000 });
  });

  it('mutated valid messages only ever throw Sip2ParseError', () => {
    const valid = fc.constantFrom(...MESSAGE_SPECS).chain((spec) => messageArbitrary(spec as MessageSpec, 'utf-8'));
    const mutation = fc.tuple(valid, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean());
    fc.assert(
      fc.property(mutation, ([message, at, byte, cut]) => {
        const bytes = encodeSip2(message, { errorDetection: { sequence: 1 } });
        const copy = bytes.slice();
        const index = at % copy.length;
        if (cut) onlyTypedErrors(copy.subarray(0, index));
        copy[index] = byte;
        onlyTypedErrors(copy);
      }),
      { numRuns: 2000 },
    );
  });
});
