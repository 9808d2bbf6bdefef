// The composition of the store: one SQLite file in the data folder, its migrations, the
// installation secret, and every repository over them. Expired data is purged at start-up.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AccessLog } from './access-log';
import { AccessLogExports } from './access-log-export';
import { CheckoutJournal } from './checkout-journal';
import { KnownItems } from './known-items';
import { type Clock, systemClock } from './clock';
import { type CardKeyer, cardKeyer } from './crypto/card-key';
import { INVALID_MARK, loadInstallationSecret, SECRET_FILE } from './crypto/installation-secret';
import { type LocalCipher, localCipher } from './crypto/local-cipher';
import { DEFAULT_PIN_COST, type PinPepper, pinPepper, type ScryptCost } from './crypto/pin-hash';
import { parseOfficerPublicKey } from './crypto/sealed-box';
import { CredentialCache } from './credential-cache';
import { CORRUPT_MARK, openDatabase } from './db/database';
import { purgeMovedAside } from './db/moved-aside';
import { migrate, type MigrationResult } from './db/migrate';
import { type Db, StatementCache } from './db/statements';
import { StoreError, type StoreWarning } from './errors';
import { recoverJournal, type RecoveryOptions, type RecoveryPorts, type RecoveryReport } from './journal-recovery';
import { LoanRecords } from './loan-records';
import { migrations } from './migrations';
import { OfflineQueue } from './offline-queue';
import { OfflineVerifier } from './offline-verifier';
import { PinAttempts } from './pin-attempts';
import {
  type AccessLogSettings,
  checkSettings,
  DEFAULT_ACCESS_LOG,
  DEFAULT_LOAN_RECORDS,
  DEFAULT_OFFLINE_RULES,
  DEFAULT_PIN_ATTEMPTS,
  type LoanRecordSettings,
  movedAsideKeepDays,
  type OfflineRules,
  type PinAttemptSettings,
} from './settings';

export const DATABASE_FILE = 'kiosk.sqlite';

export interface StoreOptions {
  /** The configured data folder; created (mode 0700) when missing. */
  dataDir: string;
  /**
   * Where the installation secret lives: a file (created 0600 when missing, never replaced) or
   * `credential:<name>` (a systemd credential in $CREDENTIALS_DIRECTORY, never created). Default
   * `<dataDir>/installation-secret`. A secret found in the data folder is moved here.
   */
  secretFile?: string;
  /** For tools that read only the access log (the officer's export): the secret is neither read nor made. */
  withoutSecret?: boolean;
  clock?: Clock;
  offline?: Partial<OfflineRules>;
  pinAttempts?: Partial<PinAttemptSettings>;
  accessLog?: Partial<AccessLogSettings>;
  loanRecords?: Partial<LoanRecordSettings>;
  /** scrypt cost for PIN hashes; lower only in tests. */
  pinHashCost?: ScryptCost;
  /** Told about repairs made at start-up (a damaged file moved aside...); also kept in `warnings`. */
  onWarning?: (warning: StoreWarning) => void;
  /** Told when a background credential refresh fails. */
  onBackgroundError?: (error: Error) => void;
  /** Told the names (no folder) of moved-aside copies the retention purge deleted. */
  onFilesDeleted?: (files: readonly string[]) => void;
}

export interface PurgeReport {
  accessLog: number;
  credentials: number;
  pinAttempts: number;
  loanRecords: number;
  offlineQueue: number;
  journal: number;
  knownItems: number;
  /** Moved-aside copies (damaged databases with their -wal/-shm, invalid secrets) deleted whole. */
  movedAsideFiles: number;
}

export interface Store {
  readonly file: string;
  readonly migration: MigrationResult;
  readonly warnings: readonly StoreWarning[];
  readonly credentials: CredentialCache;
  readonly pinAttempts: PinAttempts;
  readonly offline: OfflineVerifier;
  readonly offlineQueue: OfflineQueue;
  readonly journal: CheckoutJournal;
  readonly accessLog: AccessLog;
  readonly accessLogExports: AccessLogExports;
  readonly loans: LoanRecords;
  /** What the ILS last said about the items this kiosk has handled (for offline checkouts). */
  readonly knownItems: KnownItems;
  /** HMAC-SHA256 of a card number with this installation's secret. */
  readonly cardKey: CardKeyer;
  recoverJournal(ports: RecoveryPorts, options?: RecoveryOptions): Promise<RecoveryReport>;
  /** Every retention rule at once; the runtime calls it at least hourly. */
  purgeExpired(now?: Date): PurgeReport;
  /** `PRAGMA integrity_check`: 'ok' or SQLite's description of the damage. */
  integrityCheck(): string;
  /** Moves every committed page into the database file and empties the WAL. */
  checkpoint(): void;
  close(): void;
}

function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StoreError('data-folder-unusable', `cannot create the data folder ${dataDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

interface InstallationKeys {
  cardKey: CardKeyer;
  cipher: LocalCipher;
  pepper: PinPepper;
}

function installationKeys(secret: Buffer | null): InstallationKeys {
  if (secret) return { cardKey: cardKeyer(secret), cipher: localCipher(secret), pepper: pinPepper(secret) };
  const refuse = (): never => {
    throw new StoreError('secret-unusable', 'this store was opened without the installation secret (withoutSecret)');
  };
  // The pepper is never reached: every credential operation computes a card key first.
  return { cardKey: refuse, cipher: { seal: refuse, open: refuse }, pepper: pinPepper(randomBytes(32)) };
}

export function openStore(options: StoreOptions): Store {
  const clock = options.clock ?? systemClock;
  const offlineRules = { ...DEFAULT_OFFLINE_RULES, ...options.offline };
  const pinSettings = { ...DEFAULT_PIN_ATTEMPTS, ...options.pinAttempts };
  const accessSettings = { ...DEFAULT_ACCESS_LOG, ...options.accessLog };
  const loanSettings = { ...DEFAULT_LOAN_RECORDS, ...options.loanRecords };
  checkSettings({ offline: offlineRules, pinAttempts: pinSettings, accessLog: accessSettings, loanRecords: loanSettings });
  const officerKey = accessSettings.officerPublicKey ? parseOfficerPublicKey(accessSettings.officerPublicKey) : null;

  const warnings: StoreWarning[] = [];
  const warn = (warning: StoreWarning) => {
    warnings.push(warning);
    options.onWarning?.(warning);
  };
  const now = () => clock.now();
  prepareDataDir(options.dataDir);
  const keys = installationKeys(options.withoutSecret ? null : loadInstallationSecret(options.dataDir, warn, now, options.secretFile));
  const file = path.join(options.dataDir, DATABASE_FILE);
  const db: Db = openDatabase(file, { now, warn });
  let migration: MigrationResult;
  try {
    migration = migrate(db, migrations, file);
  } catch (error) {
    db.close();
    throw error;
  }
  if (!officerKey) {
    warn({ code: 'no-officer-key', message: 'no security officer key is configured: the access log keeps card keys but no identities' });
  }

  const sql = new StatementCache(db);
  const { cardKey } = keys;
  const checkpoint = () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
  };
  const credentials = new CredentialCache(sql, {
    cardKey,
    clock,
    credentialCacheDays: offlineRules.credentialCacheDays,
    pinCost: options.pinHashCost ?? DEFAULT_PIN_COST,
    pinPepper: keys.pepper,
    onBackgroundError: options.onBackgroundError,
  });
  const pinAttempts = new PinAttempts(sql, clock, pinSettings);
  const offlineQueue = new OfflineQueue(sql, clock, keys.cipher, cardKey);
  const journal = new CheckoutJournal(sql, clock, offlineQueue);
  const accessLog = new AccessLog(sql, { clock, cardKey, retentionDays: accessSettings.retentionDays, officerKey, checkpoint });
  const loans = new LoanRecords(sql, clock, cardKey, loanSettings);
  const knownItems = new KnownItems(sql, clock, cardKey);

  const keepAsideDays = movedAsideKeepDays({ offline: offlineRules, accessLog: accessSettings, loanRecords: loanSettings });
  const purgeMovedAsideCopies = (at: Date): number => {
    const prefixes = [`${DATABASE_FILE}${CORRUPT_MARK}`, `${SECRET_FILE}${INVALID_MARK}`];
    const { deleted, failed } = purgeMovedAside({ dir: options.dataDir, prefixes, now: at, keepDays: keepAsideDays });
    if (deleted.length > 0) options.onFilesDeleted?.(deleted);
    if (failed.length > 0) {
      throw new StoreError('retention-failed', `could not delete ${failed.map((f) => `${f.file} (${f.code})`).join(', ')} from the data folder ${options.dataDir}`);
    }
    return deleted.length;
  };
  const purgeExpired = (at: Date = clock.now()): PurgeReport => {
    const report = sql.transaction(() => ({
      accessLog: accessLog.deleteExpired(at),
      credentials: credentials.purgeExpired(at),
      pinAttempts: pinAttempts.purgeExpired(at),
      loanRecords: loans.purgeExpired(at),
      offlineQueue: offlineQueue.purgeResolved(at, loanSettings.keepAfterReturnDays),
      journal: journal.purgeFinished(at, loanSettings.keepAfterReturnDays),
      knownItems: knownItems.purgeExpired(at, loanSettings.keepAfterReturnDays),
    }));
    // Always: rows deleted outside the purge (a forgotten card, an erased queue identity) leave
    // old page images in the WAL file until it is truncated; this bounds them to one purge interval.
    checkpoint();
    return { ...report, movedAsideFiles: purgeMovedAsideCopies(at) };
  };
  purgeExpired();

  return {
    file,
    migration,
    warnings,
    credentials,
    pinAttempts,
    offline: new OfflineVerifier({ credentials, attempts: pinAttempts, queue: offlineQueue, cardKey, clock, rules: offlineRules }),
    offlineQueue,
    journal,
    accessLog,
    accessLogExports: new AccessLogExports(sql, accessLog, clock),
    loans,
    knownItems,
    cardKey,
    recoverJournal: (ports, recoveryOptions) => recoverJournal(journal, ports, recoveryOptions),
    purgeExpired,
    integrityCheck: () => String(db.pragma('integrity_check', { simple: true })),
    checkpoint,
    close: () => db.close(),
  };
}
