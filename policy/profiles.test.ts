import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationProblems, listRules } from './citations';
import { getProfile, LIBRARY_IDS, LibraryProfile, PolicyInputError } from './index';
import { RAW_PROFILES } from './profiles';

import { SEEDS_DIR as SEEDS } from '../test/fixtures/seeds';

describe('library profiles', () => {
  it('there are five, and each validates against the schema', () => {
    expect(LIBRARY_IDS).toEqual(['ballerup', 'koebenhavn', 'hvidovre', 'gladsaxe', 'lolland']);
    for (const id of LIBRARY_IDS) expect(LibraryProfile.safeParse(RAW_PROFILES[id]).success).toBe(true);
  });

  it('an unknown library is a typed error listing the known ones', () => {
    expect(() => getProfile('aarhus')).toThrow(PolicyInputError);
    expect(() => getProfile('aarhus')).toThrow(/known: ballerup, koebenhavn, hvidovre, gladsaxe, lolland/);
  });

  it('every rule has a status; defaults and site values carry a note saying why', () => {
    for (const id of LIBRARY_IDS) {
      const rules = listRules(getProfile(id));
      expect(rules.length).toBeGreaterThan(40);
      for (const { path: where, rule } of rules) {
        if (rule.status === 'default' || rule.status === 'site') expect(rule.note.length, `${id} ${where}`).toBeGreaterThan(10);
      }
    }
  });

  it('the kiosk settings are marked as kiosk defaults, not as text', () => {
    for (const id of LIBRARY_IDS) {
      const k = getProfile(id).kiosk;
      expect([k.offline.status, k.bruteForce.status, k.accompaniedEntryWindowSeconds.status, k.closingAnnouncementMinutes.status]).toEqual([
        'default', 'default', 'default', 'default',
      ]);
    }
  });

  it('the schema rejects a profile with a missing rule or a bad citation', () => {
    const { door, ...noDoor } = RAW_PROFILES.ballerup;
    expect(door).toBeDefined();
    expect(LibraryProfile.safeParse(noDoor).success).toBe(false);
    const badCite = structuredClone(RAW_PROFILES.ballerup);
    badCite.renewal.maxRenewals = { status: 'text', value: 3, sources: [{ file: 'x.txt', line: 28, quote: 'renew the material 3 times' }] };
    expect(LibraryProfile.safeParse(badCite).success).toBe(false);
    const guess = structuredClone(RAW_PROFILES.ballerup);
    guess.renewal.maxRenewals = { status: 'text', value: 3, sources: [] };
    expect(LibraryProfile.safeParse(guess).success).toBe(false);
  });
});

describe('citations against the seed texts (test/fixtures/seeds, a copy of ../shared/seeds)', () => {
  const readme = readFileSync(path.join(SEEDS, 'README.md'), 'utf8');
  const names: Record<string, string> = {
    ballerup: 'Ballerup', koebenhavn: 'Københavns Biblioteker', hvidovre: 'HvidovreBibliotekerne', gladsaxe: 'Gladsaxe', lolland: 'LollandBibliotekerne',
  };

  it.each(LIBRARY_IDS)('%s: the seed README names this file for this library', (id) => {
    const row = readme.split('\n').find((line) => line.includes(getProfile(id).seedFile));
    expect(row).toContain(names[id]);
  });

  it.each(LIBRARY_IDS)('%s: every cited sentence is on the line it names', (id) => {
    const profile = getProfile(id);
    const text = readFileSync(path.join(SEEDS, profile.seedFile), 'utf8');
    expect(citationProblems(profile, text)).toEqual([]);
  });

  it('a wrong line number is caught', () => {
    const profile = structuredClone(getProfile('ballerup'));
    const rule = profile.renewal.maxRenewals;
    if (rule.status === 'text') rule.sources = [{ ...rule.sources[0]!, line: 27 }];
    const text = readFileSync(path.join(SEEDS, profile.seedFile), 'utf8');
    expect(citationProblems(profile, text)).toEqual(['renewal.maxRenewals: line 27 does not say "It is possible to renew the material 3 times."']);
  });
});
