// When may the credential cache decide? Only when the ILS could not answer at all: an answer,
// even an unusable one, came from a reachable ILS and is final for the attempt.
import type { VerifyResult } from '../ports';

export function ilsCouldNotAnswer(result: VerifyResult): boolean {
  return result.outcome === 'unavailable' && result.answered !== true;
}
