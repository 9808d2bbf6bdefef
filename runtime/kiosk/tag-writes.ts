// The theft bit of every tag of one item (all parts of a set) set together: when one tag cannot be
// written, every tag goes back to what it said, so a set never leaves half "checked out".
import { type Logger } from '../log';

export interface TagWriter {
  /** Writes and verifies one tag's AFI (the reader reads it back and retries); throws when it can't. */
  writeAfi(uid: string, afi: number): Promise<void>;
  log: Logger;
}

export type TagWrite =
  | { ok: true }
  /** `restored`: every tag says `previous` again; false when a tag could not be put back either. */
  | { ok: false; restored: boolean; failedUid: string | null; error: string; lifted: boolean };

/** Puts every tag back to `afi`, tag by tag, past failures; true when all of them took it. */
export async function putBack(deps: TagWriter, uids: readonly string[], afi: number): Promise<boolean> {
  let all = true;
  for (const uid of uids) {
    try {
      await deps.writeAfi(uid, afi);
    } catch (error) {
      all = false;
      deps.log.error('rfid.afi-restore-failed', { uid, afi, error });
    }
  }
  return all;
}

/**
 * Sets every tag to `afi`. `lifted` lists tags known to have left the pad: nothing is written then.
 * On any failure every tag is put back to `previous` (and the outcome says whether that worked).
 */
export async function setAllTags(deps: TagWriter, uids: readonly string[], afi: number, previous: number, lifted: readonly string[] = []): Promise<TagWrite> {
  if (lifted.length > 0) {
    deps.log.warn('rfid.item-lifted', { uids: lifted, afi });
    return { ok: false, restored: true, failedUid: lifted[0] ?? null, error: 'the item was lifted from the pad', lifted: true };
  }
  for (const uid of uids) {
    try {
      await deps.writeAfi(uid, afi);
    } catch (error) {
      deps.log.warn('rfid.afi-write-failed', { uid, afi, error });
      const restored = await putBack(deps, uids, previous);
      return { ok: false, restored, failedUid: uid, error: error instanceof Error ? error.message : String(error), lifted: false };
    }
  }
  return { ok: true };
}
