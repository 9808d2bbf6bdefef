// Patron credentials remembered after each successful online verification, so the door and
// the kiosk can decide while the ILS is unreachable. Holds no card number and no PIN in clear.
import type { PatronFacts } from '../policy/index';
import type { Clock } from './clock';
import { type CardKey, type CardKeyer, cardKeyFromBlob, cardKeyToBlob } from './crypto/card-key';
import { hashPin, type PinPepper, type ScryptCost, verifyPin } from './crypto/pin-hash';
import type { StatementCache } from './db/statements';
import { DAY_MS } from './settings';

/** When only an age band is known (no birth date from the ILS). */
export type AgeBand = 'under-15' | '15-17' | '18+';

/** What an offline decision needs to know about a patron: policy's `PatronFacts` as the cache's
 * columns hold them (runtime/patrons/patron-facts.ts converts). No name. */
export interface CachedFacts extends Pick<PatronFacts, 'cardLost' | 'excludedFromUnstaffed'> {
  /** ISO date (YYYY-MM-DD), as in `PatronFacts`. */
  birthDate: string | null;
  ageBand: AgeBand | null;
  /** Any block on borrowing (the kiosk refuses offline loans): the facts' `borrowingBlocked`. */
  blocked: boolean;
  /** The library has blocked the card itself, the door refuses it too: the facts' `blocked`. */
  doorBlocked?: boolean;
  /** Null when the ILS gave no fees (a debt rule then cannot be checked offline). */
  feesDkk: number | null;
}

export interface VerifiedPatron extends CachedFacts {
  cardNumber: string;
  pin: string;
  /** When the ILS said yes; now when left out. */
  verifiedAt?: Date;
}

export interface CachedPatron extends CachedFacts {
  cardKey: CardKey;
  verifiedAt: Date;
  expiresAt: Date;
}

export type OfflineVerificationRefusal = 'unknown-card' | 'wrong-pin' | 'expired';

export type OfflineVerification = { ok: true; patron: CachedPatron } | { ok: false; refusal: OfflineVerificationRefusal; cardKey: CardKey };

interface CredentialRow {
  card_key: Buffer;
  pin_hash: string;
  birth_date: string | null;
  age_band: AgeBand | null;
  card_lost: number;
  excluded_from_unstaffed: number;
  blocked: number;
  door_blocked: number;
  fees_dkk: number | null;
  verified_at: number;
}

interface LaterWord {
  forgottenAt?: number;
  facts?: { at: number; facts: CachedFacts };
}

export interface CredentialCacheOptions {
  cardKey: CardKeyer;
  clock: Clock;
  credentialCacheDays: number;
  pinCost: ScryptCost;
  /** Keys the PIN hashes with the installation secret: a data disk without it verifies no PIN. */
  pinPepper: PinPepper;
  onBackgroundError?: (error: Error) => void;
}

/** The cached facts as the columns' named parameters. */
function factColumns(facts: CachedFacts) {
  return {
    birthDate: facts.birthDate,
    ageBand: facts.ageBand,
    cardLost: facts.cardLost ? 1 : 0,
    excluded: facts.excludedFromUnstaffed ? 1 : 0,
    blocked: facts.blocked ? 1 : 0,
    doorBlocked: facts.doorBlocked ? 1 : 0,
    feesDkk: facts.feesDkk,
  };
}

export class CredentialCache {
  readonly #sql: StatementCache;
  readonly #options: CredentialCacheOptions;
  #background: Promise<void> = Promise.resolve();
  #decoy: Promise<string> | null = null;
  /** While a remember is pending, what the ILS said since about the same card: a `forget` or
   * fresher facts must not be undone by the slower write of an older verification. */
  readonly #laterWord = new Map<CardKey, LaterWord>();
  #pending = 0;

  constructor(sql: StatementCache, options: CredentialCacheOptions) {
    this.#sql = sql;
    this.#options = options;
  }

  get #lifetimeMs(): number {
    return this.#options.credentialCacheDays * DAY_MS;
  }

  #toPatron(row: CredentialRow): CachedPatron {
    return {
      cardKey: cardKeyFromBlob(row.card_key),
      birthDate: row.birth_date,
      ageBand: row.age_band,
      cardLost: row.card_lost === 1,
      excludedFromUnstaffed: row.excluded_from_unstaffed === 1,
      blocked: row.blocked === 1,
      doorBlocked: row.door_blocked === 1,
      feesDkk: row.fees_dkk,
      verifiedAt: new Date(row.verified_at),
      expiresAt: new Date(row.verified_at + this.#lifetimeMs),
    };
  }

  /**
   * Hashes the PIN (off the event loop) and stores the patron. An older verification that
   * finishes hashing after a newer one never overwrites it, and never undoes what the ILS said
   * about the card meanwhile (see `forget` and `refreshFacts`).
   */
  async remember(patron: VerifiedPatron): Promise<CardKey> {
    this.#pending += 1;
    return this.#rememberPending(patron);
  }

  async #rememberPending(patron: VerifiedPatron): Promise<CardKey> {
    const verifiedAt = (patron.verifiedAt ?? this.#options.clock.now()).getTime();
    const cardKey = this.#options.cardKey(patron.cardNumber);
    let later: LaterWord | undefined;
    let pinHash: string;
    try {
      pinHash = await hashPin(patron.pin, this.#options.pinCost, this.#options.pinPepper);
    } finally {
      later = this.#laterWord.get(cardKey);
      this.#pending -= 1;
      if (this.#pending === 0) this.#laterWord.clear();
    }
    // Forgotten since (wrong PIN, unknown card): writing this PIN hash would revive it.
    if (later?.forgottenAt !== undefined && later.forgottenAt >= verifiedAt) return cardKey;
    // The ILS has said something newer about the card (lost, excluded, blocked): keep that.
    if (later?.facts && later.facts.at >= verifiedAt) patron = { ...patron, ...later.facts.facts };
    this.#write(cardKey, pinHash, patron, verifiedAt);
    return cardKey;
  }

  /** Remembered only while a remember is pending: nothing older can still be written after. */
  #noteLaterWord(cardNumber: string, change: (word: LaterWord) => void): void {
    if (this.#pending === 0) return;
    const cardKey = this.#options.cardKey(cardNumber);
    const word = this.#laterWord.get(cardKey) ?? {};
    change(word);
    this.#laterWord.set(cardKey, word);
  }

  #write(cardKey: CardKey, pinHash: string, patron: VerifiedPatron, verifiedAt: number): void {
    this.#sql
      .prepare(
        `INSERT INTO patron_credentials
           (card_key, pin_hash, birth_date, age_band, card_lost, excluded_from_unstaffed, blocked, door_blocked, fees_dkk, verified_at)
         VALUES (@cardKey, @pinHash, @birthDate, @ageBand, @cardLost, @excluded, @blocked, @doorBlocked, @feesDkk, @verifiedAt)
         ON CONFLICT (card_key) DO UPDATE SET
           pin_hash = excluded.pin_hash, birth_date = excluded.birth_date, age_band = excluded.age_band,
           card_lost = excluded.card_lost, excluded_from_unstaffed = excluded.excluded_from_unstaffed,
           blocked = excluded.blocked, door_blocked = excluded.door_blocked, fees_dkk = excluded.fees_dkk, verified_at = excluded.verified_at
         WHERE excluded.verified_at >= patron_credentials.verified_at`,
      )
      .run({
        cardKey: cardKeyToBlob(cardKey),
        pinHash,
        ...factColumns(patron),
        verifiedAt,
      });
  }

  /** Queues `remember` behind earlier ones and returns at once: for the door's hot path. */
  rememberInBackground(patron: VerifiedPatron): void {
    const snapshot = { ...patron, verifiedAt: patron.verifiedAt ?? this.#options.clock.now() };
    this.#pending += 1;
    this.#background = this.#background
      .then(() => this.#rememberPending(snapshot))
      .then(
        () => undefined,
        (error: unknown) => this.#options.onBackgroundError?.(error as Error),
      );
  }

  /** Resolves when every queued background refresh has been written (tests, shutdown). */
  settled(): Promise<void> {
    return this.#background;
  }

  /** Updates the blocking facts (e.g. from patron information) without touching the PIN hash;
   * a remember of an older verification still hashing will store these facts, not its own. */
  refreshFacts(cardNumber: string, facts: CachedFacts, at: Date = this.#options.clock.now()): boolean {
    this.#noteLaterWord(cardNumber, (word) => {
      if (!word.facts || word.facts.at <= at.getTime()) word.facts = { at: at.getTime(), facts };
    });
    const result = this.#sql
      .prepare(
        `UPDATE patron_credentials SET birth_date = @birthDate, age_band = @ageBand, card_lost = @cardLost,
           excluded_from_unstaffed = @excluded, blocked = @blocked, door_blocked = @doorBlocked, fees_dkk = @feesDkk
         WHERE card_key = @cardKey`,
      )
      .run({
        cardKey: cardKeyToBlob(this.#options.cardKey(cardNumber)),
        ...factColumns(facts),
      });
    return result.changes === 1;
  }

  /** Known card + right PIN + not expired gives the facts; anything else a refusal code. */
  async verifyOffline(cardNumber: string, pin: string, at: Date = this.#options.clock.now()): Promise<OfflineVerification> {
    const cardKey = this.#options.cardKey(cardNumber);
    const row = this.#sql.prepare('SELECT * FROM patron_credentials WHERE card_key = ?').get(cardKeyToBlob(cardKey)) as CredentialRow | undefined;
    if (!row) {
      // Same work as for a known card, so the answer's timing does not tell which cards are cached.
      await verifyPin(pin, await this.#decoyHash(), this.#options.pinPepper);
      return { ok: false, refusal: 'unknown-card', cardKey };
    }
    if (at.getTime() >= row.verified_at + this.#lifetimeMs) return { ok: false, refusal: 'expired', cardKey };
    if (!(await verifyPin(pin, row.pin_hash, this.#options.pinPepper))) return { ok: false, refusal: 'wrong-pin', cardKey };
    return { ok: true, patron: this.#toPatron(row) };
  }

  #decoyHash(): Promise<string> {
    this.#decoy ??= hashPin('decoy', this.#options.pinCost, this.#options.pinPepper);
    return this.#decoy;
  }

  /** For when the ILS says the card no longer exists or the PIN is wrong; a remember of an
   * older verification still hashing is dropped. */
  forget(cardNumber: string, at: Date = this.#options.clock.now()): boolean {
    this.#noteLaterWord(cardNumber, (word) => {
      word.forgottenAt = Math.max(word.forgottenAt ?? 0, at.getTime());
    });
    const key = cardKeyToBlob(this.#options.cardKey(cardNumber));
    return this.#sql.prepare('DELETE FROM patron_credentials WHERE card_key = ?').run(key).changes === 1;
  }

  count(): number {
    return (this.#sql.prepare('SELECT count(*) AS n FROM patron_credentials').get() as { n: number }).n;
  }

  /** Deletes entries too old to be used; returns how many. */
  purgeExpired(now: Date): number {
    return this.#sql.prepare('DELETE FROM patron_credentials WHERE verified_at <= ?').run(now.getTime() - this.#lifetimeMs).changes;
  }
}
