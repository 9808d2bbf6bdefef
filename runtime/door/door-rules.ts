// The door machine's rules, built from the library profile (policy/) for one branch.
import { companionDecision, doorDecision } from '../../policy/door';
import { openingState } from '../../policy/hours';
import { type LibraryProfile } from '../../policy/schema';
import { type DoorRules } from '../../state-machines/shared/rules';
import { type Clock } from '../clock';
import { toPolicyPatron } from './patron-facts';

export function doorRules(profile: LibraryProfile, branch: string | undefined, clock: Clock): DoorRules {
  const where = branch === undefined ? {} : { branch };
  return {
    now: () => clock.now(),
    hours(at) {
      const state = openingState(profile, branch, at);
      return state.open ? { open: true } : { open: false, reason: state.reason, nextOpening: state.nextOpening };
    },
    decideEntry(patron, { at, companion }) {
      const decision = doorDecision(profile, {
        patron: toPolicyPatron(patron),
        at,
        ...where,
        ...(companion ? { companion: toPolicyPatron(companion) } : {}),
      });
      return { allowed: decision.allowed, reason: decision.reason };
    },
    mayAccompany(adult, at) {
      return companionDecision(profile, toPolicyPatron(adult), at, branch).allowed;
    },
  };
}
