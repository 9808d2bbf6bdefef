// The per-installation secret that turns card numbers into pseudonymous card keys, keys the local
// cipher and peppers the PIN hashes. By default created on first start in the data folder; a site
// can keep it elsewhere (`secretFile`: a root-only file, or a systemd credential), so that a stolen
// data disk holds no key. Readable by the kiosk's user only.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { asideStamp } from '../db/moved-aside';
import { StoreError, type StoreWarning } from '../errors';
import { describeSource, readCredential, SECRET_FILE, type SecretSource, secretSource } from './secret-source';

export { SECRET_FILE } from './secret-source';
/** An unreadable secret in the data folder becomes `installation-secret.invalid-<time>`; retention deletes it later. */
export const INVALID_MARK = '.invalid-';
const SECRET_BYTES = 32;
const HOW_TO_MAKE = '64 hex characters, e.g. from `openssl rand -hex 32`';

type Warn = (w: StoreWarning) => void;

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Writes a new file (never replaces one), 0600, flushed to disk. */
function write(file: string, secret: Buffer): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600); // 'wx' refuses to replace a file another process created meanwhile
  } catch (error) {
    throw new StoreError('secret-unusable', `cannot create the installation secret ${file} (${errorCode(error)}): its folder must exist and be writable by the kiosk's user`);
  }
  try {
    writeSync(fd, `${secret.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600); // the umask may have narrowed the mode; make it exact
  return secret;
}

function parse(text: string): Buffer | null {
  const hex = text.trim();
  return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null; // nothing there: made anew
    throw new StoreError('secret-unusable', `cannot read the installation secret ${file} (${errorCode(error)})`);
  }
}

/** Owner-only: a mode that lets group or others read is narrowed, or the start refused. */
function ensureOwnerOnly(file: string, warn: Warn): void {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    throw new StoreError(
      'secret-unusable',
      `${file} is readable by group or others (mode 0${mode.toString(8)}) and its mode could not be changed (${errorCode(error)}): make it 0600, owned by the kiosk's user`,
    );
  }
  warn({ code: 'secret-permissions-fixed', message: `${file} was readable by others; its mode is now 0600` });
}

/** Overwrites the few bytes of a retired secret before unlinking it (best effort on SSDs and journals). */
function wipe(file: string): void {
  try {
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, Buffer.alloc(statSync(file).size));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(file);
  } catch (error) {
    throw new StoreError('secret-unusable', `cannot delete the installation secret ${file} from the data folder (${errorCode(error)})`);
  }
}

function fromDataFolder(file: string, warn: Warn, now: () => Date): Buffer {
  const text = readIfExists(file);
  if (text === null) return write(file, randomBytes(SECRET_BYTES));
  ensureOwnerOnly(file, warn);
  const secret = parse(text);
  if (secret) return secret;
  const movedTo = `${file}${INVALID_MARK}${asideStamp(now())}`;
  renameSync(file, movedTo);
  warn({
    code: 'secret-invalid-moved-aside',
    message: `${file} did not hold a valid secret; it was moved to ${movedTo} and a new one created (cached credentials made with the old one no longer match)`,
    movedTo,
  });
  return write(file, randomBytes(SECRET_BYTES));
}

function parseConfigured(text: string, source: SecretSource): Buffer {
  const secret = parse(text);
  if (secret) return secret;
  throw new StoreError('secret-unusable', `${describeSource(source)} does not hold an installation secret (${HOW_TO_MAKE}); it is never replaced: correct it, or delete the file to have a new one made`);
}

/** A secret left in the data folder once the site configured another place: same secret, deleted; another, refused. */
function retireDataFolderCopy(oldFile: string, secret: Buffer, source: SecretSource, warn: Warn): void {
  const text = readIfExists(oldFile);
  if (text === null) return;
  if (!parse(text)?.equals(secret)) {
    throw new StoreError(
      'secret-unusable',
      `${oldFile} holds a different installation secret from ${describeSource(source)} (secretFile). The cached credentials and the offline queue were made with one of them: ` +
        `to keep the data folder's, put its content in ${describeSource(source)}; to start afresh with the configured one, delete ${oldFile}`,
    );
  }
  wipe(oldFile);
  warn({ code: 'secret-moved', message: `deleted ${oldFile}: the installation secret is kept in ${describeSource(source)}` });
}

function fromConfiguredFile(file: string, oldFile: string, warn: Warn): Buffer {
  const source: SecretSource = { kind: 'file', file };
  const text = readIfExists(file);
  if (text !== null) {
    ensureOwnerOnly(file, warn);
    const secret = parseConfigured(text, source);
    retireDataFolderCopy(oldFile, secret, source, warn);
    return secret;
  }
  const old = readIfExists(oldFile);
  const oldSecret = old === null ? null : parse(old);
  if (old !== null && !oldSecret) {
    throw new StoreError('secret-unusable', `${oldFile} does not hold a valid secret; delete it before the store makes ${file}`);
  }
  // Moved, not made anew: the cached credentials, card keys and the offline queue stay readable.
  const secret = write(file, oldSecret ?? randomBytes(SECRET_BYTES));
  if (oldSecret) {
    wipe(oldFile);
    warn({ code: 'secret-moved', message: `moved the installation secret from ${oldFile} to ${file}` });
  }
  return secret;
}

/**
 * The installation secret from `secretFile` (a path, or `credential:<name>` for a systemd
 * credential) or, when none is configured, from `dataDir/installation-secret`.
 */
export function loadInstallationSecret(dataDir: string, warn: Warn, now: () => Date, secretFile?: string): Buffer {
  const source = secretSource(dataDir, secretFile);
  const oldFile = path.join(dataDir, SECRET_FILE);
  switch (source.kind) {
    case 'data-folder':
      return fromDataFolder(source.file, warn, now);
    case 'file':
      return fromConfiguredFile(source.file, oldFile, warn);
    case 'credential': {
      const secret = parseConfigured(readCredential(source.name), source);
      retireDataFolderCopy(oldFile, secret, source, warn);
      return secret;
    }
  }
}
