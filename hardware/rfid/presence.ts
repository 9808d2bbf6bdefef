// Which tags are on the pad, from repeated inventories: a tag counts as placed once it is seen
// in N inventories in a row, and as removed once it is missing from M in a row. One lost
// answer therefore neither adds nor drops an item.
import type { Uid } from './feig/commands';

export interface PresenceOptions {
  /** Consecutive inventories a tag must be seen in before it is placed (default 2). */
  placedAfter?: number;
  /** Consecutive inventories a placed tag must be missing from before it is removed (default 2). */
  removedAfter?: number;
}

export interface PresenceChange {
  readonly placed: Uid[];
  readonly removed: Uid[];
}

interface Track {
  seen: number;
  missing: number;
  placed: boolean;
}

export class TagPresenceTracker {
  private readonly placedAfter: number;
  private readonly removedAfter: number;
  private readonly tracks = new Map<Uid, Track>();

  constructor(options: PresenceOptions = {}) {
    this.placedAfter = Math.max(1, options.placedAfter ?? 2);
    this.removedAfter = Math.max(1, options.removedAfter ?? 2);
  }

  /** Feeds one inventory's UIDs; returns the tags that just became placed or removed. */
  update(seenUids: Iterable<Uid>): PresenceChange {
    const seen = new Set(seenUids);
    const placed: Uid[] = [];
    const removed: Uid[] = [];
    for (const uid of seen) {
      const track = this.tracks.get(uid) ?? { seen: 0, missing: 0, placed: false };
      track.seen++;
      track.missing = 0;
      this.tracks.set(uid, track);
      if (!track.placed && track.seen >= this.placedAfter) {
        track.placed = true;
        placed.push(uid);
      }
    }
    for (const [uid, track] of this.tracks) {
      if (seen.has(uid)) continue;
      track.seen = 0;
      track.missing++;
      if (!track.placed) this.tracks.delete(uid);
      else if (track.missing >= this.removedAfter) {
        this.tracks.delete(uid);
        removed.push(uid);
      }
    }
    return { placed, removed };
  }

  /** UIDs currently counted as placed. */
  present(): Uid[] {
    return [...this.tracks].filter(([, track]) => track.placed).map(([uid]) => uid);
  }

  /** Starts a tag over as unseen (e.g. its memory could not be read yet); no event is due. */
  forget(uid: Uid): void {
    this.tracks.delete(uid);
  }

  reset(): void {
    this.tracks.clear();
  }
}
