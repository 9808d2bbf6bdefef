// The security officer's export: opens the sealed identities with the officer's private key
// and records who exported which range and how many entries (no identities) in an audit table
// that the retention purge does not touch.
import type { KeyObject } from 'node:crypto';
import { type AccessLog, type AccessLogEntry, openIdentities, type SealedIdentity, toEntry } from './access-log';
import type { Clock } from './clock';
import { publicKeyOf } from './crypto/sealed-box';
import type { StatementCache } from './db/statements';

export interface ExportRequest {
  privateKey: KeyObject;
  /** Inclusive; the oldest entry when left out. */
  from?: Date;
  /** Exclusive; up to the export when left out (the audit then shows no end). */
  to?: Date;
  /** Who ran the export (the officer's name or the OS user). */
  exportedBy: string;
}

export interface ExportedEntry {
  at: string;
  door: string;
  decision: AccessLogEntry['decision'];
  reason: string;
  cardKey: string | null;
  companionCardKey: string | null;
  /** null when the entry's identity could not be opened with this key (see `identityNote`). */
  identities: SealedIdentity[] | null;
  identityNote?: 'sealed-to-another-key' | 'does-not-open';
}

export interface ExportAudit {
  id: number;
  exportedAt: Date;
  exportedBy: string;
  officerKeyId: string;
  from: Date | null;
  to: Date | null;
  entryCount: number;
}

interface AuditRow {
  id: number;
  exported_at: number;
  exported_by: string;
  officer_key_id: string;
  range_from: number | null;
  range_to: number | null;
  entry_count: number;
}

export class AccessLogExports {
  readonly #sql: StatementCache;
  readonly #log: AccessLog;
  readonly #clock: Clock;

  constructor(sql: StatementCache, log: AccessLog, clock: Clock) {
    this.#sql = sql;
    this.#log = log;
    this.#clock = clock;
  }

  /** Decrypts the range and records the export before handing anything out. */
  export(request: ExportRequest): { entries: ExportedEntry[]; audit: ExportAudit } {
    const keyId = publicKeyOf(request.privateKey).id;
    const now = this.#clock.now();
    return this.#sql.transaction(() => {
      const rows = this.#log.rows({ from: request.from, to: request.to });
      const entries = rows.map((row): ExportedEntry => {
        const entry = toEntry(row);
        const base = {
          at: entry.at.toISOString(),
          door: entry.door,
          decision: entry.decision,
          reason: entry.reason,
          cardKey: entry.cardKey,
          companionCardKey: entry.companionCardKey,
        };
        if (row.identity_sealed && row.officer_key_id !== keyId) return { ...base, identities: null, identityNote: 'sealed-to-another-key' };
        try {
          return { ...base, identities: openIdentities(request.privateKey, row) };
        } catch {
          // Recorded in the export itself, row by row, for the security officer who reads it.
          return { ...base, identities: null, identityNote: 'does-not-open' };
        }
      });
      const result = this.#sql
        .prepare(
          'INSERT INTO access_log_exports (exported_at, exported_by, officer_key_id, range_from, range_to, entry_count) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(now.getTime(), request.exportedBy, keyId, request.from?.getTime() ?? null, request.to?.getTime() ?? null, entries.length);
      const audit = this.list().find((a) => a.id === Number(result.lastInsertRowid));
      if (!audit) throw new Error('the export audit row was not written');
      return { entries, audit };
    });
  }

  list(): ExportAudit[] {
    return (this.#sql.prepare('SELECT * FROM access_log_exports ORDER BY id').all() as AuditRow[]).map((row) => ({
      id: row.id,
      exportedAt: new Date(row.exported_at),
      exportedBy: row.exported_by,
      officerKeyId: row.officer_key_id,
      from: row.range_from === null ? null : new Date(row.range_from),
      to: row.range_to === null ? null : new Date(row.range_to),
      entryCount: row.entry_count,
    }));
  }
}
