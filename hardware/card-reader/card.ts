// What a card reader read: a health card (CPR) or a library card (card number). The
// identifying value is kept in a private field so logs, JSON and inspect only see a mask.
import { inspect } from 'node:util';
import { type Cpr, maskCpr, type LocalDate } from '../../policy';

export type HealthCardSource = 'track2' | 'barcode';

export class HealthCard {
  readonly kind = 'health-card' as const;
  readonly #cpr: Cpr;
  readonly #holderName: string | undefined;

  constructor(
    cpr: Cpr,
    readonly birthDate: LocalDate,
    readonly modulus11Valid: boolean,
    readonly source: HealthCardSource,
    holderName?: string,
  ) {
    this.#cpr = cpr;
    this.#holderName = holderName;
  }

  /** The full CPR: hand it to the ILS or the policy, never to a log or a screen. */
  get cpr(): Cpr {
    return this.#cpr;
  }

  /** "First Last" from track 1, when the reader sent it. */
  get holderName(): string | undefined {
    return this.#holderName;
  }

  /** Same card as `other` (for de-duplicating repeated reads). */
  sameAs(other: Card): boolean {
    return other.kind === 'health-card' && other.cpr === this.#cpr;
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, source: this.source, cpr: maskCpr(this.#cpr), holderName: this.#holderName === undefined ? undefined : '***' };
  }

  toString(): string {
    return `health card ${maskCpr(this.#cpr)}`;
  }

  [inspect.custom](): string {
    return `HealthCard { ${maskCpr(this.#cpr)}, source: ${this.source} }`;
  }
}

/** Shows only the last three characters of a library card number. */
export function maskCardNumber(cardNumber: string): string {
  const visible = cardNumber.length > 6 ? cardNumber.slice(-3) : '';
  return `${'*'.repeat(cardNumber.length - visible.length)}${visible}`;
}

export class LibraryCard {
  readonly kind = 'library-card' as const;
  readonly #cardNumber: string;

  constructor(cardNumber: string) {
    this.#cardNumber = cardNumber;
  }

  get cardNumber(): string {
    return this.#cardNumber;
  }

  sameAs(other: Card): boolean {
    return other.kind === 'library-card' && other.cardNumber === this.#cardNumber;
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, cardNumber: maskCardNumber(this.#cardNumber) };
  }

  toString(): string {
    return `library card ${maskCardNumber(this.#cardNumber)}`;
  }

  [inspect.custom](): string {
    return `LibraryCard { ${maskCardNumber(this.#cardNumber)} }`;
  }
}

export type Card = HealthCard | LibraryCard;

export type CardRejectReason =
  | 'empty'
  | 'garbage'
  | 'too-long'
  | 'half-read'
  | 'not-health-card'
  | 'track1-only'
  | 'invalid-cpr'
  | 'unknown-format'
  | 'repeat';

/** Why a read was not turned into a card. `detail` never holds the data that was read. */
export interface CardRejection {
  reason: CardRejectReason;
  detail: string;
}

export type CardParseResult = { ok: true; card: Card } | ({ ok: false } & CardRejection);
