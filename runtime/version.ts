// The kiosk's version, as released: package.json's, so diagnostics and the test print never show a
// copy that was not bumped. Read from disk (the layering rule keeps package.json out of imports):
// the nearest package.json of this project above this module, which is the repository's in
// development and the app's own in the packaged Electron bundle (dist/electron/ -> app root).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ownPackage = z.object({ name: z.literal('selvbetjent-kiosk'), version: z.string().min(1) });

/** The version in this project's package.json nearest above `from`; null when there is none. */
export function readVersion(from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const found = ownPackage.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (found.success) return found.data.version;
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/** Shown as is by diagnostics; a packaging mistake shows there instead of stopping the kiosk. */
export const VERSION: string = readVersion(import.meta.dirname) ?? 'unknown (package.json not found)';
