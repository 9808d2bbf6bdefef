// The door's decision: may this patron enter now, alone or with a companion? Patron status
// first (a lost card is worth logging even at night), then hours, then age.
import { requireInstant } from './errors';
import { openingState } from './hours';
import { type PatronFacts, patronAge } from './patron';
import { type LibraryProfile } from './schema';

export type DoorReason =
  | 'allowed'
  | 'allowed-accompanied'
  | 'card-lost'
  | 'excluded'
  | 'blocked'
  | 'outside-hours'
  | 'public-holiday'
  | 'closing-day'
  | 'unknown-branch'
  | 'no-hours'
  | 'under-age-alone'
  | 'age-unknown'
  | 'companion-not-allowed'
  | 'companion-too-young';

export interface DoorRequest {
  patron: PatronFacts;
  at: Date;
  /** The branch's key in the profile's hours; omitted = the profile's only or `*` hours. */
  branch?: string;
  /** An adult already verified at this door who brings the patron in. */
  companion?: PatronFacts;
}

export interface DoorDecision {
  allowed: boolean;
  reason: DoorReason;
  message: string;
  /** ISO instant the door next opens, when refused for the hours. */
  nextOpening?: string | null;
  /** Refused alone, but would be let in with an adult who may accompany. */
  mayEnterAccompanied?: boolean;
}

function refuse(reason: DoorReason, message: string, extra: Partial<DoorDecision> = {}): DoorDecision {
  return { allowed: false, reason, message, ...extra };
}

function statusRefusal(patron: PatronFacts, who: string): DoorDecision | undefined {
  if (patron.cardLost) return refuse('card-lost', `${who} card is reported lost and blocked`);
  if (patron.excludedFromUnstaffed) return refuse('excluded', `${who} access to the unstaffed hours is withdrawn`);
  if (patron.blocked) return refuse('blocked', `${who} card is blocked by the library`);
  return undefined;
}

const CLOSED_MESSAGES = {
  'outside-hours': 'the library is closed now',
  'public-holiday': 'the library is closed on public holidays',
  'closing-day': 'the library is closed today',
  'unknown-branch': 'no unstaffed hours are set for this branch',
  'no-hours': 'no unstaffed hours are set for this library',
} as const;

export function doorDecision(profile: LibraryProfile, request: DoorRequest): DoorDecision {
  const at = requireInstant('at', request.at);
  const status = statusRefusal(request.patron, 'your');
  if (status) return status;

  const state = openingState(profile, request.branch, at);
  if (!state.open) {
    const message = state.holiday ? `the library is closed on ${state.holiday}` : CLOSED_MESSAGES[state.reason];
    return refuse(state.reason, message, { nextOpening: state.nextOpening?.toISOString() ?? null });
  }

  const minAge = profile.door.minAgeAlone;
  if (minAge.status === 'unspecified') return { allowed: true, reason: 'allowed', message: 'welcome' };
  const age = patronAge(request.patron, at);
  if (age === undefined) {
    return refuse('age-unknown', `entry alone needs an age of ${minAge.value}; the card does not tell the age`);
  }
  if (age >= minAge.value) return { allowed: true, reason: 'allowed', message: 'welcome' };

  const canBeAccompanied = profile.door.accompaniment.status !== 'unspecified';
  if (!request.companion) {
    return refuse('under-age-alone', `under ${minAge.value} you must come with an adult who has access`, {
      mayEnterAccompanied: canBeAccompanied,
    });
  }
  const companion = companionDecision(profile, request.companion, at, request.branch);
  if (!companion.allowed) return companion;
  return { allowed: true, reason: 'allowed-accompanied', message: 'welcome, with your adult' };
}

/** May this person bring a child in? They must be old enough and may themselves enter. */
export function companionDecision(profile: LibraryProfile, companion: PatronFacts, at: Date, branch?: string): DoorDecision {
  const rule = profile.door.accompaniment;
  if (rule.status === 'unspecified') {
    return refuse('companion-not-allowed', 'this library has no rule for bringing children in');
  }
  const status = statusRefusal(companion, "the adult's");
  if (status) return { ...status, reason: 'companion-not-allowed' };
  const age = patronAge(companion, at);
  if (age === undefined || age < rule.value.companionMinAge) {
    return refuse('companion-too-young', `the accompanying person must be at least ${rule.value.companionMinAge}`);
  }
  if (rule.value.companionMustHaveAccess) {
    const own = doorDecision(profile, { patron: companion, at, ...(branch === undefined ? {} : { branch }) });
    if (!own.allowed) return refuse('companion-not-allowed', `the accompanying person may not enter: ${own.message}`);
  }
  return { allowed: true, reason: 'allowed', message: 'may accompany a child' };
}
