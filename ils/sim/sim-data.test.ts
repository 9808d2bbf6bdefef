import { describe, expect, it } from 'vitest';
import { ageOn, parseCpr } from '../../policy';
import { DEMO, DEMO_DATA } from './demo-data';
import { parseSimData, SimDataError } from './sim-data';

describe('simulated ILS data', () => {
  it('accepts the demo data', () => {
    expect(parseSimData(DEMO_DATA).patrons).toHaveLength(9);
  });

  it('names every wrong key, never a PIN', () => {
    const bad = {
      institution: '',
      patrons: [{ id: 'a', pin: '9876', name: 'A', feesDkk: -1, colour: 'red' }, { id: 'a', pin: '1', name: 'B' }],
      items: [{ id: 'i', title: 'T', onLoanTo: 'ghost', dueDate: '1/2/2026' }],
    };
    let error: unknown;
    try {
      parseSimData(bad, 'x.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimDataError);
    const message = (error as Error).message;
    for (const key of ['institution', 'patrons.0.feesDkk', 'patrons.0', 'patrons.1.id', 'items.0.onLoanTo', 'items.0.dueDate']) {
      expect(message).toContain(`${key}:`);
    }
    expect(message).toContain('colour');
    expect(message).not.toContain('9876');
  });

  // The CPR ids must carry valid centuries (PROTOCOLS.md section 5) and match the birth dates.
  it.each(Object.entries(DEMO.patrons).filter(([, p]) => /^\d{10}$/.test(p.id)))('demo CPR of %s has the birth date the data says', (_name, patron) => {
    const parsed = parseCpr(patron.id);
    if (!parsed.ok) throw new Error(parsed.message);
    const data = DEMO_DATA.patrons.find((x) => x.id === patron.id);
    const { year, month, day } = parsed.birthDate;
    expect(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).toBe(data?.birthDate);
    expect(parsed.modulus11Valid).toBe(true);
  });

  it('has a 12-year-old and a 15-year-old (on 1 December 2026)', () => {
    const at = new Date('2026-12-01T12:00:00Z');
    const age = (id: string) => {
      const parsed = parseCpr(id);
      if (!parsed.ok) throw new Error(parsed.message);
      return ageOn(parsed.birthDate, at);
    };
    expect(age(DEMO.patrons.child12.id)).toBe(12);
    expect(age(DEMO.patrons.teen15.id)).toBe(15);
    expect(age(DEMO.patrons.adult.id)).toBe(46);
  });
});
