// The five library profiles, validated against the schema when this module loads.
import { LibraryProfile, type LibraryId } from '../schema';
import { ballerup } from './ballerup';
import { gladsaxe } from './gladsaxe';
import { hvidovre } from './hvidovre';
import { koebenhavn } from './koebenhavn';
import { lolland } from './lolland';

export const RAW_PROFILES = { ballerup, koebenhavn, hvidovre, gladsaxe, lolland } as const;
export { BALLERUP_SEED } from './ballerup';
export { KOEBENHAVN_SEED } from './koebenhavn';
export { HVIDOVRE_SEED } from './hvidovre';
export { GLADSAXE_SEED } from './gladsaxe';
export { LOLLAND_SEED } from './lolland';

export const LIBRARY_IDS: readonly LibraryId[] = ['ballerup', 'koebenhavn', 'hvidovre', 'gladsaxe', 'lolland'];

// A broken built-in profile is a programming error: fail at start-up, naming the rule.
const parsed = new Map<LibraryId, LibraryProfile>(
  LIBRARY_IDS.map((id) => {
    const result = LibraryProfile.safeParse(RAW_PROFILES[id]);
    if (!result.success) {
      const where = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`built-in profile '${id}' is invalid: ${where}`);
    }
    return [id, deepFreeze(result.data)];
  }),
);

// Shared by every caller, so nobody may change a built-in profile in place.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export function isLibraryId(id: string): id is LibraryId {
  return (LIBRARY_IDS as readonly string[]).includes(id);
}

/** The built-in profile of a library, or undefined for an unknown id. */
export function findProfile(id: string): LibraryProfile | undefined {
  return isLibraryId(id) ? parsed.get(id) : undefined;
}
