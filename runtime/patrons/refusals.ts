// How a refusal reaches the machines, from the ILS check and from the credential cache alike. A
// refusal is answered only after the current slow-down: it throttles guessing without turning a
// valid patron away.
import type { VerifyResult } from '../../state-machines';

/** An empty PIN is never asked about: some ILSs take it as valid. It counts as no attempt. */
export const NO_PIN: VerifyResult = { outcome: 'wrong-pin', attemptsLeft: -1 };

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export async function refuseAfter(delayMs: number, result: VerifyResult): Promise<VerifyResult> {
  await sleep(delayMs);
  return result;
}
