// Every migration, in order. Add a file NNNN-name.ts and one line here; never edit a shipped one.
import type { Migration } from '../db/migrate';
import { migration as credentialCache } from './0001-credential-cache';
import { migration as pinAttempts } from './0002-pin-attempts';
import { migration as offlineQueue } from './0003-offline-queue';
import { migration as checkoutJournal } from './0004-checkout-journal';
import { migration as accessLog } from './0005-access-log';
import { migration as loanRecords } from './0006-loan-records';
import { migration as doorBlocked } from './0007-door-blocked';
import { migration as journalUndoKnownItems } from './0008-journal-undo-known-items';

export const migrations: readonly Migration[] = [credentialCache, pinAttempts, offlineQueue, checkoutJournal, accessLog, loanRecords, doorBlocked, journalUndoKnownItems];
