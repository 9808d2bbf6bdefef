// AFI write faults on the simulated FEIG reader: a tag whose AFI cannot be written (held at the
// edge of the field, a damaged antenna). The reader answers "write error" to every attempt of one
// write (the driver's read-back retries included), so the kiosk sees the write fail as a whole.
import { type FeigFrame, type FeigSimulator, IsoCommand, MODE_ADDRESSED, uidFromBytes } from '../../hardware/rfid/index';

/** One write: the same tag and AFI, attempts less than this apart. */
const EPISODE_GAP_MS = 1000;

export interface AfiFaults {
  /** AFI writes the reader refused, per tag UID. */
  readonly failed: Map<string, number>;
  /** Every attempt at this tag fails until `mend` (the test's broken tag). */
  breakTag(uid: string): void;
  mend(uid: string): void;
  /** Only the next write to this tag fails (all its attempts); the one after succeeds. */
  failNextWrite(uid: string): void;
  /** Writes (episodes) that were decided to fail, in order: for the soak's report. */
  readonly episodes: { uid: string; afi: number }[];
}

/**
 * Wraps the simulator's request handler. `failWrite(uid, afi)` is asked once per write (a new
 * tag/AFI pair, or the same one after a pause); when it says yes, every attempt of that write fails.
 */
export function installAfiFaults(rfid: FeigSimulator, failWrite: (uid: string, afi: number) => boolean = () => false): AfiFaults {
  const broken = new Set<string>();
  const failNext = new Set<string>();
  const failed = new Map<string, number>();
  const episodes: { uid: string; afi: number }[] = [];
  const current = new Map<string, { afi: number; fail: boolean; lastAt: number }>();
  const handle = rfid.core.handle.bind(rfid.core);
  rfid.core.handle = (frame: FeigFrame) => {
    const [sub, mode, ...rest] = frame.payload;
    if (sub === IsoCommand.writeAfi && mode !== undefined && (mode & 0x07) === MODE_ADDRESSED && rest.length >= 9) {
      const uid = uidFromBytes(frame.payload.subarray(2, 10)).toUpperCase();
      const afi = frame.payload[10]!;
      const now = Date.now();
      let episode = current.get(uid);
      if (!episode || episode.afi !== afi || now - episode.lastAt > EPISODE_GAP_MS) {
        episode = { afi, fail: failNext.delete(uid) || failWrite(uid, afi), lastAt: now };
        if (episode.fail) episodes.push({ uid, afi });
        current.set(uid, episode);
      }
      episode.lastAt = now;
      if (episode.fail || broken.has(uid)) {
        failed.set(uid, (failed.get(uid) ?? 0) + 1);
        rfid.core.failAfiWrites(1, 'status');
      }
    }
    return handle(frame);
  };
  return {
    failed,
    episodes,
    breakTag: (uid) => broken.add(uid.toUpperCase()),
    mend: (uid) => {
      broken.delete(uid.toUpperCase());
      current.delete(uid.toUpperCase());
    },
    failNextWrite: (uid) => {
      failNext.add(uid.toUpperCase());
      current.delete(uid.toUpperCase());
    },
  };
}
