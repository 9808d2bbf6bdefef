// Looking up a library's profile by id, with an error that lists the known ids.
import { PolicyInputError } from './errors';
import { findProfile, LIBRARY_IDS } from './profiles';
import { type LibraryProfile } from './schema';

export function getProfile(id: string): LibraryProfile {
  const profile = findProfile(id);
  if (!profile) throw new PolicyInputError(`unknown library '${id}'; known: ${LIBRARY_IDS.join(', ')}`);
  return profile;
}
