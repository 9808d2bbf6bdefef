// Where the installation secret lives: beside the data (the default), in a file the site names
// (e.g. root-only, on another disk), or in a systemd credential (`credential:<name>`, read from
// $CREDENTIALS_DIRECTORY; with LoadCredentialEncrypted= it can be sealed to the TPM2).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from '../errors';

export const SECRET_FILE = 'installation-secret';
const CREDENTIAL = /^credential:([^/\0]+)$/;

export type SecretSource =
  /** `dataDir/installation-secret`: created, repaired and replaced by the store as needed. */
  | { kind: 'data-folder'; file: string }
  /** A file the site configured: created when missing, never replaced. */
  | { kind: 'file'; file: string }
  /** A systemd credential: read-only, never created. */
  | { kind: 'credential'; name: string };

export function secretSource(dataDir: string, secretFile?: string): SecretSource {
  const inDataFolder = path.join(dataDir, SECRET_FILE);
  if (!secretFile) return { kind: 'data-folder', file: inDataFolder };
  const credential = CREDENTIAL.exec(secretFile)?.[1];
  if (credential && credential !== '.' && credential !== '..') return { kind: 'credential', name: credential };
  const file = path.resolve(secretFile);
  return file === path.resolve(inDataFolder) ? { kind: 'data-folder', file } : { kind: 'file', file };
}

export function describeSource(source: SecretSource): string {
  return source.kind === 'credential' ? `the systemd credential ${source.name}` : source.file;
}

/** The credential's text; a clear error when systemd did not provide it. */
export function readCredential(name: string): string {
  const how = `give the service LoadCredentialEncrypted=${name}:<file made by systemd-creds encrypt> (or LoadCredential=${name}:<file>)`;
  const dir = process.env.CREDENTIALS_DIRECTORY;
  if (!dir) {
    throw new StoreError('secret-unusable', `secretFile is the credential ${name}, but $CREDENTIALS_DIRECTORY is not set: run the kiosk as a systemd service and ${how}`);
  }
  try {
    return readFileSync(path.join(dir, name), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StoreError('secret-unusable', `cannot read the systemd credential ${name} from $CREDENTIALS_DIRECTORY (${code}): ${how}`);
  }
}
