// The per-installation secret that turns card numbers into pseudonymous card keys and keys the
// local cipher. Created on first start in the data folder, readable by the kiosk's user only.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoreWarning } from '../errors';

export const SECRET_FILE = 'installation-secret';
const SECRET_BYTES = 32;

function create(file: string): Buffer {
  const secret = randomBytes(SECRET_BYTES);
  // 'wx' refuses to replace a file another process created in the meantime.
  writeFileSync(file, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600); // the umask may have narrowed the mode; make it exact
  return secret;
}

function parse(text: string): Buffer | null {
  const hex = text.trim();
  return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
}

export function loadInstallationSecret(dataDir: string, warn: (w: StoreWarning) => void, now: () => Date): Buffer {
  const file = path.join(dataDir, SECRET_FILE);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return create(file);
  }
  if ((stat.mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    warn({ code: 'secret-permissions-fixed', message: `${file} was readable by others; its mode is now 0600` });
  }
  const secret = parse(readFileSync(file, 'utf8'));
  if (secret) return secret;
  const movedTo = `${file}.invalid-${now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  renameSync(file, movedTo);
  warn({
    code: 'secret-invalid-moved-aside',
    message: `${file} did not hold a valid secret; it was moved to ${movedTo} and a new one created (cached credentials made with the old one no longer match)`,
    movedTo,
  });
  return create(file);
}
