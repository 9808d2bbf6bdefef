// Shared by the five profile tests: the library's seed text and checks that a rule cites it.
// Named *.testkit.ts so that vitest does not collect it as a test file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { quoteIsOnLine } from '../citations';
import { type AnyRule, copenhagenInstant, getProfile, type PatronFacts } from '../index';
import { SEEDS_DIR as SEEDS } from '../../test/fixtures/seeds';

/** One library's seed file, its profile and a title for the describe blocks. */
export function seedCitations(file: string, profileId: string, library: string) {
  const seed = readFileSync(path.join(SEEDS, file), 'utf8');
  const p = getProfile(profileId);
  const D = `${file} (${library})`;

  /** The rule comes from these lines of the seed, and each quote really is on its line. */
  function cites(rule: AnyRule, ...lines: number[]) {
    expect(rule.status).toBe('text');
    if (rule.status !== 'text') return;
    expect([...new Set(rule.sources.map((s) => s.line))].sort((a, b) => a - b)).toEqual(lines);
    for (const s of rule.sources) {
      expect(s.file).toBe(file);
      expect(quoteIsOnLine(seed, s), `line ${s.line}: "${s.quote}"`).toBe(true);
    }
  }
  return { seed, p, D, cites };
}

export const value = (rule: AnyRule) => ('value' in rule ? rule.value : undefined);
export const person = (age: number, extra: Partial<PatronFacts> = {}): PatronFacts => ({
  age, cardLost: false, excludedFromUnstaffed: false, blocked: false, ...extra,
});
export const cph = (date: string, h: number, m = 0) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return copenhagenInstant({ year, month, day }, h, m);
};
export const WEEKDAY = '2025-01-10';
