// The store's public surface: the runtime imports from here.
export { openStore, DATABASE_FILE, type Store, type StoreOptions, type PurgeReport } from './open-store';
export { StoreError, type StoreErrorCode, type StoreWarning } from './errors';
export type { Clock } from './clock';
export {
  DEFAULT_OFFLINE_RULES,
  DEFAULT_PIN_ATTEMPTS,
  DEFAULT_ACCESS_LOG,
  DEFAULT_LOAN_RECORDS,
  MAX_ACCESS_LOG_DAYS,
  type OfflineRules,
  type PinAttemptSettings,
  type AccessLogSettings,
  type LoanRecordSettings,
} from './settings';
export type { CardKey, CardKeyer } from './crypto/card-key';
export { DEFAULT_PIN_COST, type ScryptCost } from './crypto/pin-hash';
export {
  generateOfficerKeyPair,
  parseOfficerPublicKey,
  parseOfficerPrivateKey,
  publicKeyOf,
  type OfficerKeyPair,
  type OfficerPublicKey,
} from './crypto/sealed-box';
export type {
  CredentialCache,
  AgeBand,
  CachedFacts,
  VerifiedPatron,
  CachedPatron,
  OfflineVerification,
  OfflineVerificationRefusal,
} from './credential-cache';
export type { PinAttempts, AttemptCheck, FailureOutcome } from './pin-attempts';
export { hashTechnicianCode, verifyTechnicianCode, isTechnicianCode, technicianPseudoCard, TECHNICIAN_CODE_PATTERN } from './technician-code';
export type { OfflineVerifier, OfflineDecision, OfflineRefusal, OfflineAttempt, OfflineBorrowing } from './offline-verifier';
export type {
  OfflineQueue,
  OfflineKind,
  QueueStatus,
  OfflineTransactionInput,
  OfflineTransaction,
  QueuedTransaction,
  ReplayResult,
  OutcomeCheck,
  ReplayPorts,
  ReplayReport,
} from './offline-queue';
export type { CheckoutJournal, JournalKind, JournalStep, StepOutcome, JournalEntryInput, JournalEntry, JournalStepRecord } from './checkout-journal';
export {
  recoverJournal,
  type ItemCirculation,
  type RecoveryPorts,
  type RecoveryAction,
  type RecoveryReport,
  type RecoveryOptions,
} from './journal-recovery';
export type { AccessLog, AccessAttempt, AccessDecision, AccessLogEntry, SealedIdentity } from './access-log';
export type { AccessLogExports, ExportRequest, ExportedEntry, ExportAudit } from './access-log-export';
export type { LoanRecords, LoanRecord } from './loan-records';
export type { KnownItems, KnownItem, KnownCirculation, ItemNews, OfflineItemRefusal } from './known-items';
export { readAccessLogConfig, parseAccessLogConfig, type AccessLogConfig } from './access-log-config';
export { writeOfficerKeyPair, exportForOfficer, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, type WrittenKeyPair, type OfficerExportRequest } from './access-log-officer';
