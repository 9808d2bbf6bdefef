// The security officer's tools behind `kiosk access-log keygen|export`.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ExportAudit, type ExportedEntry } from './access-log-export';
import { readAccessLogConfig } from './access-log-config';
import type { Clock } from './clock';
import { generateOfficerKeyPair, parseOfficerPrivateKey, parseOfficerPublicKey, publicKeyOf } from './crypto/sealed-box';
import { StoreError } from './errors';
import { DATABASE_FILE, openStore } from './open-store';

export const PRIVATE_KEY_FILE = 'access-log-officer.key';
export const PUBLIC_KEY_FILE = 'access-log-officer.pub';

export interface WrittenKeyPair {
  privateKeyFile: string;
  publicKeyFile: string;
  /** For the configuration's `accessLog.officerPublicKey`. */
  publicKeyBase64: string;
  keyId: string;
}

/** Writes a new key pair into `dir`; never replaces existing key files. */
export function writeOfficerKeyPair(dir: string): WrittenKeyPair {
  const pair = generateOfficerKeyPair();
  const privateKeyFile = path.join(dir, PRIVATE_KEY_FILE);
  const publicKeyFile = path.join(dir, PUBLIC_KEY_FILE);
  for (const file of [privateKeyFile, publicKeyFile]) {
    if (existsSync(file)) throw new StoreError('bad-officer-key', `${file} already exists; move it away first (keys are never overwritten)`);
  }
  writeFileSync(privateKeyFile, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
  chmodSync(privateKeyFile, 0o600);
  writeFileSync(publicKeyFile, pair.publicKeyPem, { mode: 0o644, flag: 'wx' });
  return { privateKeyFile, publicKeyFile, publicKeyBase64: pair.publicKeyBase64, keyId: pair.keyId };
}

export interface OfficerExportRequest {
  configFile: string;
  privateKeyFile: string;
  from?: Date;
  to?: Date;
  exportedBy: string;
  clock?: Clock;
}

/** Opens the log with the officer's private key and records the export in the audit table. */
export function exportForOfficer(request: OfficerExportRequest): { entries: ExportedEntry[]; audit: ExportAudit } {
  const config = readAccessLogConfig(request.configFile);
  let pem: string;
  try {
    pem = readFileSync(request.privateKeyFile, 'utf8');
  } catch (error) {
    throw new StoreError('bad-officer-key', `cannot read the private key file ${request.privateKeyFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const privateKey = parseOfficerPrivateKey(pem);
  const configured = config.accessLog.officerPublicKey;
  if (!configured) throw new StoreError('bad-config', `${request.configFile}: accessLog.officerPublicKey is not set, so no identity was ever sealed`);
  const expected = parseOfficerPublicKey(configured);
  const actual = publicKeyOf(privateKey);
  if (expected.id !== actual.id) {
    throw new StoreError(
      'bad-officer-key',
      `the private key (key id ${actual.id}) does not belong to accessLog.officerPublicKey in ${request.configFile} (key id ${expected.id})`,
    );
  }
  if (!existsSync(path.join(config.dataDir, DATABASE_FILE))) {
    throw new StoreError('bad-config', `there is no store database in dataDir ${config.dataDir}`);
  }
  // The export needs no installation secret (and must not make one beside the data when the site keeps it elsewhere).
  const store = openStore({ dataDir: config.dataDir, accessLog: config.accessLog, withoutSecret: true, ...(request.clock ? { clock: request.clock } : {}) });
  try {
    return store.accessLogExports.export({ privateKey, from: request.from, to: request.to, exportedBy: request.exportedBy });
  } finally {
    store.close();
  }
}
