// The spoken or played "the library closes in N minutes" before unstaffed hours end.
import { kioskSettings } from '../../policy';
import { type SiteConfig } from '../config';
import { type Logger } from '../log';
import { audioPlayer, ClosingAnnouncements } from '../services/closing-announcements';
import { type Site } from '../setup/open-site';

/** Starts the announcements; returns their stop. */
export function setupClosingAnnouncements(config: SiteConfig, site: Site, branch: string | undefined, log: Logger): () => void {
  return new ClosingAnnouncements({
    profile: site.profile,
    branch,
    clock: site.clock,
    log,
    minutesBefore: kioskSettings(site.profile).closingAnnouncementMinutes,
    play: audioPlayer(config.announcements.player, config.announcements.audioFile, log),
  }).start();
}
