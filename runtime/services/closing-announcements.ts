// The closing announcement: before the unstaffed hours end, a recorded message tells patrons to
// leave (København, Hvidovre: "leave after the loudspeaker closing announcement"). It plays at the
// profile's minutes before closing (e.g. 15, 10 and 5). A tick every few seconds checks the clock,
// so a drill clock (`--clock`) and daylight-saving days need no special timers.
import { spawn } from 'node:child_process';
import { openingState, type LibraryProfile } from '../../policy';
import { type Clock } from '../clock';
import { type Logger } from '../log';

export interface ClosingAnnouncementDeps {
  profile: LibraryProfile;
  branch: string | undefined;
  clock: Clock;
  log: Logger;
  minutesBefore: number[];
  /** Plays the announcement; by default the configured audio file through the player command. */
  play: (minutesLeft: number) => void;
}

export class ClosingAnnouncements {
  private readonly announced = new Set<string>();

  constructor(private readonly deps: ClosingAnnouncementDeps) {}

  /** Checks the clock; plays each announcement once, within its minute. Returns what it played. */
  tick(): number[] {
    const now = this.deps.clock.now();
    const state = openingState(this.deps.profile, this.deps.branch, now);
    if (!state.open) return [];
    const played: number[] = [];
    for (const minutes of this.deps.minutesBefore) {
      const due = state.closesAt.getTime() - minutes * 60_000;
      const key = `${state.closesAt.toISOString()}/${minutes}`;
      if (now.getTime() >= due && now.getTime() < due + 60_000 && !this.announced.has(key)) {
        this.announced.add(key);
        this.deps.log.info('closing.announcement', { minutesLeft: minutes, closesAt: state.closesAt.toISOString() });
        this.deps.play(minutes);
        played.push(minutes);
      }
    }
    return played;
  }

  start(everyMs = 5000): () => void {
    const timer = setInterval(() => this.tick(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/** Plays an audio file with a command-line player (aplay, paplay, mpg123...). */
export function audioPlayer(player: string, file: string | undefined, log: Logger): (minutesLeft: number) => void {
  return () => {
    if (!file) return;
    const child = spawn(player, [file], { stdio: 'ignore' });
    child.once('error', (error) => log.warn('closing.announcement-failed', { player, error }));
  };
}
