// Walks a profile's rules and checks its citations against the seed text they quote, so a
// profile value can never drift from the sentence it claims to come from.
import { type AnyRule, type LibraryProfile, type SeedSource } from './schema';

export interface RuleEntry {
  /** Dotted path in the profile, e.g. `renewal.maxRenewals`. */
  path: string;
  rule: AnyRule;
}

const STATUSES = new Set(['text', 'default', 'site', 'unspecified']);

export function listRules(profile: LibraryProfile): RuleEntry[] {
  const out: RuleEntry[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const status = (value as { status?: unknown }).status;
    if (typeof status === 'string' && STATUSES.has(status)) {
      out.push({ path: path.join('.'), rule: value as AnyRule });
      return;
    }
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(profile, []);
  return out;
}

/** Whitespace-insensitive, so table columns and line wraps in the seed do not matter. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function quoteIsOnLine(seedText: string, source: SeedSource): boolean {
  const line = seedText.split(/\r?\n/)[source.line - 1];
  return line !== undefined && normaliseText(line).includes(normaliseText(source.quote));
}

/** One line per citation that is not where it says it is; empty when all are right. */
export function citationProblems(profile: LibraryProfile, seedText: string): string[] {
  const problems: string[] = [];
  for (const { path, rule } of listRules(profile)) {
    if (rule.status !== 'text') continue;
    for (const source of rule.sources) {
      if (source.file !== profile.seedFile) problems.push(`${path}: cites ${source.file}, not ${profile.seedFile}`);
      else if (!quoteIsOnLine(seedText, source)) problems.push(`${path}: line ${source.line} does not say "${source.quote}"`);
    }
  }
  return problems;
}
