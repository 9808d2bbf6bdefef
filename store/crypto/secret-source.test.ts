import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCredential, secretSource } from './secret-source';

afterEach(() => {
  delete process.env.CREDENTIALS_DIRECTORY;
});

describe('where the installation secret lives', () => {
  it('is the data folder by default, or when secretFile names that same file', () => {
    expect(secretSource('/var/lib/kiosk')).toEqual({ kind: 'data-folder', file: '/var/lib/kiosk/installation-secret' });
    expect(secretSource('/var/lib/kiosk', '/var/lib/kiosk/./installation-secret').kind).toBe('data-folder');
  });

  it('is a configured file, or a systemd credential by name', () => {
    expect(secretSource('/var/lib/kiosk', '/etc/kiosk/secret')).toEqual({ kind: 'file', file: '/etc/kiosk/secret' });
    expect(secretSource('/var/lib/kiosk', 'credential:kiosk-secret')).toEqual({ kind: 'credential', name: 'kiosk-secret' });
    // A name that would leave $CREDENTIALS_DIRECTORY is a file path, not a credential.
    expect(secretSource('/d', 'credential:../x').kind).toBe('file');
    expect(secretSource('/d', 'credential:..').kind).toBe('file');
  });

  it('reads a credential only from $CREDENTIALS_DIRECTORY, with a clear error otherwise', () => {
    expect(() => readCredential('kiosk-secret')).toThrow(/CREDENTIALS_DIRECTORY is not set.*LoadCredentialEncrypted=kiosk-secret/);
    process.env.CREDENTIALS_DIRECTORY = path.join(import.meta.dirname, 'no-such-folder');
    expect(() => readCredential('kiosk-secret')).toThrow(/cannot read the systemd credential kiosk-secret .*ENOENT/);
  });
});
