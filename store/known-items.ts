// The items the ILS has told this kiosk about (checkouts, returns, item information, patrons'
// loans), with what it said last. Offline, the kiosk lends only items it knows, that are for loan
// and that nobody else holds: a loan it cannot vouch for would be refused at replay and leave a
// tag saying "checked out" with no loan behind it. Patrons appear only as keyed hashes.
import type { Clock } from './clock';
import { type CardKeyer, cardKeyToBlob } from './crypto/card-key';
import type { StatementCache } from './db/statements';
import { DAY_MS } from './settings';

export type KnownCirculation = 'available' | 'on-loan' | 'on-hold-shelf' | 'not-for-loan';

export interface ItemNews {
  itemId: string;
  title?: string | undefined;
  circulation: KnownCirculation;
  /** The borrower (on-loan) or the patron the hold waits for (on-hold-shelf), when the ILS said. */
  holder?: string | undefined;
}

export interface KnownItem {
  itemId: string;
  title: string | null;
  circulation: KnownCirculation;
  updatedAt: Date;
}

/** Why an offline checkout of this item is refused; null when the kiosk may lend it. */
export type OfflineItemRefusal = 'unknown-item-offline' | 'not-for-loan' | 'reserved-by-another' | 'on-loan-to-another';

interface Row {
  item_id: string;
  title: string | null;
  circulation: KnownCirculation;
  holder_key: Buffer | null;
  updated_at: number;
}

export class KnownItems {
  readonly #sql: StatementCache;
  readonly #clock: Clock;
  readonly #cardKey: CardKeyer;

  constructor(sql: StatementCache, clock: Clock, cardKey: CardKeyer) {
    this.#sql = sql;
    this.#clock = clock;
    this.#cardKey = cardKey;
  }

  /** Records what the ILS just said about an item; a title once known is kept. */
  remember(news: ItemNews): void {
    const holder = news.holder ? cardKeyToBlob(this.#cardKey(news.holder)) : null;
    this.#sql
      .prepare(
        `INSERT INTO known_items (item_id, title, circulation, holder_key, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(item_id) DO UPDATE SET title = coalesce(excluded.title, title), circulation = excluded.circulation,
           holder_key = excluded.holder_key, updated_at = excluded.updated_at`,
      )
      .run(news.itemId, news.title ?? null, news.circulation, holder, this.#clock.now().getTime());
  }

  get(itemId: string): KnownItem | null {
    const row = this.#sql.prepare('SELECT * FROM known_items WHERE item_id = ?').get(itemId) as Row | undefined;
    return row ? { itemId: row.item_id, title: row.title, circulation: row.circulation, updatedAt: new Date(row.updated_at) } : null;
  }

  /** Is the item waiting on the hold shelf for this patron (as far as the kiosk heard)? */
  heldFor(itemId: string, patronId: string): boolean {
    const row = this.#sql.prepare('SELECT * FROM known_items WHERE item_id = ? AND circulation = ?').get(itemId, 'on-hold-shelf') as Row | undefined;
    return row?.holder_key != null && row.holder_key.equals(cardKeyToBlob(this.#cardKey(patronId)));
  }

  /** May `patronId` borrow this item while the ILS cannot be asked? */
  offlineRefusal(itemId: string, patronId: string): OfflineItemRefusal | null {
    const row = this.#sql.prepare('SELECT * FROM known_items WHERE item_id = ?').get(itemId) as Row | undefined;
    if (!row) return 'unknown-item-offline';
    const ownsIt = row.holder_key !== null && row.holder_key.equals(cardKeyToBlob(this.#cardKey(patronId)));
    switch (row.circulation) {
      case 'available':
        return null;
      case 'not-for-loan':
        return 'not-for-loan';
      case 'on-hold-shelf':
        return ownsIt ? null : 'reserved-by-another';
      case 'on-loan':
        // Already this patron's: the replay renews it or leaves the loan as it is.
        return ownsIt ? null : 'on-loan-to-another';
    }
  }

  /** Forgets what has not been heard of for `keepDays` (and with it the holders' keys). */
  purgeExpired(now: Date, keepDays: number): number {
    return this.#sql.prepare('DELETE FROM known_items WHERE updated_at <= ?').run(now.getTime() - keepDays * DAY_MS).changes;
  }
}
