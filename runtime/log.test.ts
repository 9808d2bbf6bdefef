import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLogger, redact, redactText } from './log';

const CPR = /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}$/;
const CPR_ANYWHERE = /(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}/;

describe('JSON-lines logger', () => {
  it('writes one JSON object per line with time, level and event', () => {
    const lines: string[] = [];
    const log = jsonLogger({ write: (l) => lines.push(l), now: () => new Date('2026-11-20T10:00:00Z') });
    log.info('door.released', { door: 'door-1', releaseMs: 4000 });
    log.debug('hidden');
    expect(lines).toEqual(['{"time":"2026-11-20T10:00:00.000Z","level":"info","event":"door.released","door":"door-1","releaseMs":4000}']);
  });

  it('never lets a CPR, PIN or password through', () => {
    const lines: string[] = [];
    const log = jsonLogger({ write: (l) => lines.push(l) });
    log.warn('oops', { pin: '1234', password: 'hemmelig', note: 'card 0101801234 and 010180-1234', nested: { cpr: '0101801234' } });
    const line = lines[0]!;
    for (const secret of ['1234', 'hemmelig', '0101801234', '010180-1234']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ pin: '[redacted]', password: '[redacted]', note: 'card [cpr] and [cpr]' });
  });

  it('keeps item ids that are not dates readable', () => {
    expect(redact('placed 5000000001 and 0103801001')).toBe('placed 5000000001 and [cpr]');
  });

  it('redacts inside errors and arrays', () => {
    expect(redact([new Error('patron 2512991234 unknown')])).toEqual([{ name: 'Error', message: 'patron [cpr] unknown' }]);
  });

  it('masks a CPR glued to a SIP2 field code, a pipe or more digits (no \\b needed)', () => {
    expect(redactText('AA0103801001|')).toBe('AA[redacted]|');
    expect(redactText('x0103801001|70103801001')).toBe('x[cpr]|7[cpr]');
    expect(redactText('CY010380-1001|AFhi 0103801001')).toBe('CY[redacted]|AFhi [cpr]');
  });

  it('masks PINs, passwords and card numbers in SIP2 text wherever the field stands', () => {
    // Free text has no fixed part to skip: a date run that looks like a CPR is masked too.
    expect(redactText('> 2300920261120    100000AODK-775100|AA40000001|AC|AD1234|AY1AZF000')).toBe(
      '> 2[cpr]20    100000AODK-775100|AA[redacted]|AC|AD[redacted]|AY1AZF000',
    );
    expect(redactText('9300COsecret|CNkiosk|')).toBe('9300CO[redacted]|CNkiosk|');
    expect(redactText('37...DKKAD1234|')).toBe('37...DKKAD[redacted]|');
  });

  it('leaves words that merely contain a field code alone', () => {
    expect(redactText('connect ECONNREFUSED 127.0.0.1:6001; LOADED')).toBe('connect ECONNREFUSED 127.0.0.1:6001; LOADED');
  });

  it('property: no CPR-like value survives, in any position', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(CPR), fc.string(), (before, cpr, after) => {
        const out = redactText(`${before}${cpr}${after}`);
        expect(out).not.toContain(cpr);
        expect(out).not.toMatch(CPR_ANYWHERE);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: no AD PIN survives, with the field in any position of any SIP2 message, in any text', () => {
    const fixedParts = fc.constantFrom(
      '2300920261120    100000', '6300920261120    100000Y         ', '6300920261120    100000          ',
      '11NN20261120    100000                  ', '2900NN20261120    100000', '3520261120    100000', '3720261120    1000000100DKK', '9300',
    );
    const otherFields = fc.shuffledSubarray(['AODK-775100', 'AA40000001', 'AC', 'ACterm', 'AB5000000001', 'BP00001', 'BV10.00', 'CNkiosk'], {});
    const text = fc.string().filter((t) => !/[A-Z]{2}$/.test(t)); // a field code may not be glued to a word before the message
    fc.assert(
      fc.property(text, fixedParts, fc.stringMatching(/^[0-9]{4,6}$/), otherFields, fc.nat(8), fc.boolean(), fc.boolean(), fc.string(), (before, fixed, pin, others, at, pipe, detect, after) => {
        const fields = [...others];
        fields.splice(Math.min(at, fields.length), 0, `AD${pin}`);
        const message = `${fixed}${fields.join('|')}${pipe ? '|' : ''}${detect ? 'AY1AZF000' : ''}`;
        const out = redactText(`${before}${message}${after.startsWith('|') ? after : `\n${after}`}`);
        expect(out).not.toContain(`AD${pin}`);
        expect(out).not.toContain('AA40000001');
      }),
      { numRuns: 2000 },
    );
  });
});
