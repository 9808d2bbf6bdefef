// The patron verifier of a site, for the door or the kiosk: the site's ILS, store and clock, and the
// profile's brute-force limit.
import { kioskSettings } from '../../policy';
import { type Logger } from '../log';
import { type Site } from '../setup/open-site';
import { PatronVerifier } from './patron-verifier';

/** `place`: the door id (or 'kiosk') whose failures the brute-force guard counts. */
export function patronVerifierFor(site: Site, { place, log }: { place: string; log: Logger }): PatronVerifier {
  return new PatronVerifier({
    ils: site.ilsConnection.ils,
    store: site.store,
    clock: site.clock,
    log,
    place,
    maxFailedPins: kioskSettings(site.profile).bruteForce.maxFailedPinsPerCard,
  });
}
