// Generated library data for the benchmarks and the soak: many patrons (health cards and
// library cards, each with a PIN) and many available items, as a simulated-ILS data set.
import { DEMO_DATA } from '../../../ils/sim/demo-data';
import { type SimData, type SimItemData, type SimPatronData } from '../../../ils/sim/sim-data';
import { randomInt } from './stats';

export interface TestPatron {
  id: string;
  pin: string;
  kind: 'health-card' | 'library-card';
  birthDate: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Adults born 1950-1999. A CPR's 7th digit 0-3 puts every YY in the 1900s (PROTOCOLS.md
 * section 5); library cards are 8 digits starting with 6 (never 10 digits: not a CPR).
 */
export function generatePatrons(count: number, random: () => number, healthCardShare = 0.5): TestPatron[] {
  const seen = new Set<string>(DEMO_DATA.patrons.map((p) => p.id));
  const patrons: TestPatron[] = [];
  while (patrons.length < count) {
    const pin = String(randomInt(random, 10_000)).padStart(4, '0');
    const day = 1 + randomInt(random, 28);
    const month = 1 + randomInt(random, 12);
    const year = 50 + randomInt(random, 50);
    const birthDate = `19${two(year)}-${two(month)}-${two(day)}`;
    const health = random() < healthCardShare;
    const id = health
      ? `${two(day)}${two(month)}${two(year)}${randomInt(random, 4)}${String(randomInt(random, 1000)).padStart(3, '0')}`
      : `6${String(randomInt(random, 10_000_000)).padStart(7, '0')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    patrons.push({ id, pin, kind: health ? 'health-card' : 'library-card', birthDate });
  }
  return patrons;
}

/** Ten-digit item ids starting 51 (no date starts with day 51, so logs never mask them). */
export const itemId = (n: number) => `51${String(n).padStart(8, '0')}`;

export function generateItems(count: number, options: { partsEvery?: number } = {}): SimItemData[] {
  return Array.from({ length: count }, (_, i) => ({
    id: itemId(i + 1),
    title: `Testbog ${i + 1}`,
    author: 'Benchmark',
    materialType: 'book',
    ...(options.partsEvery && (i + 1) % options.partsEvery === 0 ? { partsInSet: 2 } : {}),
  }));
}

/** The demo library's patrons and items plus the generated ones. */
export function libraryData(patrons: TestPatron[], items: SimItemData[]): SimData {
  const generated: SimPatronData[] = patrons.map((p, i) => ({ id: p.id, pin: p.pin, name: `Låner ${i + 1}`, birthDate: p.birthDate, category: 'VOKSEN' }));
  return { ...DEMO_DATA, patrons: [...DEMO_DATA.patrons, ...generated], items: [...DEMO_DATA.items, ...items] };
}

/** A PIN that is not the patron's. */
export const wrongPin = (pin: string) => String((Number(pin) + 1) % 10_000).padStart(4, '0');
