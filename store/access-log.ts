// Every door attempt: time, door, decision, reason and a pseudonymous card key. The card
// number is stored only sealed to the security officer's public key: the kiosk can write it
// but not read it. Entries older than the retention period are deleted, and their bytes with them.
import type { KeyObject } from 'node:crypto';
import type { Clock } from './clock';
import { type CardKey, type CardKeyer, cardKeyFromBlob, cardKeyToBlob } from './crypto/card-key';
import { type OfficerPublicKey, openSealed, seal } from './crypto/sealed-box';
import type { StatementCache } from './db/statements';
import { DAY_MS } from './settings';

export type AccessDecision = 'allowed' | 'denied';

export interface AccessAttempt {
  door: string;
  decision: AccessDecision;
  /** The decision's reason code, e.g. 'ok', 'wrong-pin', 'card-lost', 'outside-hours'. */
  reason: string;
  /** As read; null for a garbage read. */
  cardNumber?: string | null;
  /** The second card of an accompanied entry (adult + child): one entry, both sealed. */
  companionCardNumber?: string | null;
  at?: Date;
}

export interface AccessLogEntry {
  id: number;
  at: Date;
  door: string;
  decision: AccessDecision;
  reason: string;
  cardKey: CardKey | null;
  companionCardKey: CardKey | null;
  identitySealed: boolean;
}

export interface SealedIdentity {
  role: 'patron' | 'companion';
  cardNumber: string;
}

export interface AccessLogRow {
  id: number;
  at: number;
  door: string;
  decision: AccessDecision;
  reason: string;
  card_key: Buffer | null;
  companion_card_key: Buffer | null;
  identity_sealed: Buffer | null;
  officer_key_id: string | null;
}

/** Binds a sealed identity to its row's facts: moved to another row, it will not open. */
export function sealContext(row: { at: number; door: string; decision: string; reason: string }): Buffer {
  return Buffer.from(JSON.stringify(['access-log v1', row.at, row.door, row.decision, row.reason]), 'utf8');
}

export function toEntry(row: AccessLogRow): AccessLogEntry {
  return {
    id: row.id,
    at: new Date(row.at),
    door: row.door,
    decision: row.decision,
    reason: row.reason,
    cardKey: row.card_key ? cardKeyFromBlob(row.card_key) : null,
    companionCardKey: row.companion_card_key ? cardKeyFromBlob(row.companion_card_key) : null,
    identitySealed: row.identity_sealed !== null,
  };
}

export function openIdentities(privateKey: KeyObject, row: AccessLogRow): SealedIdentity[] {
  if (!row.identity_sealed) return [];
  const plain = openSealed(privateKey, row.identity_sealed, sealContext(row));
  return (JSON.parse(plain.toString('utf8')) as { identities: SealedIdentity[] }).identities;
}

export interface AccessLogOptions {
  clock: Clock;
  cardKey: CardKeyer;
  retentionDays: number;
  officerKey: OfficerPublicKey | null;
  /** Rewrites the WAL away after deletions, so deleted bytes do not linger there. */
  checkpoint: () => void;
}

export class AccessLog {
  readonly #sql: StatementCache;
  readonly #o: AccessLogOptions;

  constructor(sql: StatementCache, options: AccessLogOptions) {
    this.#sql = sql;
    this.#o = options;
  }

  get retentionDays(): number {
    return this.#o.retentionDays;
  }

  get officerKeyId(): string | null {
    return this.#o.officerKey?.id ?? null;
  }

  record(attempt: AccessAttempt): number {
    const at = (attempt.at ?? this.#o.clock.now()).getTime();
    const identities: SealedIdentity[] = [];
    if (attempt.cardNumber) identities.push({ role: 'patron', cardNumber: attempt.cardNumber });
    if (attempt.companionCardNumber) identities.push({ role: 'companion', cardNumber: attempt.companionCardNumber });
    const officer = this.#o.officerKey;
    const sealed =
      officer && identities.length > 0
        ? seal(officer, Buffer.from(JSON.stringify({ identities }), 'utf8'), sealContext({ at, door: attempt.door, decision: attempt.decision, reason: attempt.reason }))
        : null;
    const keyOf = (card: string | null | undefined) => (card ? cardKeyToBlob(this.#o.cardKey(card)) : null);
    const result = this.#sql
      .prepare(
        `INSERT INTO access_log (at, door, decision, reason, card_key, companion_card_key, identity_sealed, officer_key_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(at, attempt.door, attempt.decision, attempt.reason, keyOf(attempt.cardNumber), keyOf(attempt.companionCardNumber), sealed, sealed ? officer?.id : null);
    return Number(result.lastInsertRowid);
  }

  /** Entries in [from, to), oldest first, without identities (diagnostics, metrics). */
  list(range: { from?: Date; to?: Date; limit?: number } = {}): AccessLogEntry[] {
    return this.rows(range, range.limit).map(toEntry);
  }

  rows(range: { from?: Date; to?: Date } = {}, limit = -1): AccessLogRow[] {
    return this.#sql
      .prepare('SELECT * FROM access_log WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ?')
      .all(range.from?.getTime() ?? Number.MIN_SAFE_INTEGER, range.to?.getTime() ?? Number.MAX_SAFE_INTEGER, limit) as AccessLogRow[];
  }

  count(): number {
    return (this.#sql.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }).n;
  }

  /** Deletes entries older than the retention period (no checkpoint: for a larger purge). */
  deleteExpired(now: Date): number {
    return this.#sql.prepare('DELETE FROM access_log WHERE at < ?').run(now.getTime() - this.#o.retentionDays * DAY_MS).changes;
  }

  /** Deletes entries older than the retention period and rewrites the WAL; returns how many. */
  purgeExpired(now: Date = this.#o.clock.now()): number {
    const deleted = this.deleteExpired(now);
    if (deleted > 0) this.#o.checkpoint();
    return deleted;
  }
}
