// Between the parser and the driver: joins a track 1 line with the track 2 line that follows
// it, and de-duplicates the same card read again within a short window.
import type { Card, CardRejection } from './card';
import { type CardParserOptions, parseCardData } from './card-parser';

export interface CardReadOptions extends CardParserOptions {
  /** The same card again within this many ms (of its last read) is a 'repeat' (default 1500). */
  repeatWindowMs?: number;
  /** How long a track-1-only read waits for its track 2 line (default 300 ms). */
  trackJoinMs?: number;
  now?: () => number;
}

export interface CardReadSink {
  card(card: Card): void;
  rejected(rejection: CardRejection): void;
}

export class CardReads {
  private readonly now: () => number;
  private last: { card: Card; at: number } | null = null;
  private heldTrack1: { text: string; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly options: CardReadOptions,
    private readonly sink: CardReadSink,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** One complete read from the reader (a line without its suffix). */
  read(text: string): void {
    const held = this.takeHeld();
    const combined = held === null ? text : `${held}${text}`;
    const result = parseCardData(combined, this.options);
    if (result.ok) return this.accept(result.card);
    if (result.reason === 'track1-only' && held === null) {
      const timer = setTimeout(() => {
        if (this.takeHeld() !== null) this.sink.rejected({ reason: 'track1-only', detail: result.detail });
      }, this.options.trackJoinMs ?? 300);
      this.heldTrack1 = { text, timer };
      return;
    }
    if (held !== null) {
      // The held track 1 did not belong to this line: judge the line on its own.
      this.sink.rejected({ reason: 'track1-only', detail: 'only track 1 was read; it holds no CPR' });
      return this.read(text);
    }
    this.sink.rejected({ reason: result.reason, detail: result.detail });
  }

  /** A broken-off read (reconnect, timeout): forget it. */
  reset(): void {
    this.takeHeld();
  }

  private accept(card: Card): void {
    const at = this.now();
    const last = this.last;
    this.last = { card, at };
    if (last && last.card.sameAs(card) && at - last.at < (this.options.repeatWindowMs ?? 1500)) {
      this.sink.rejected({ reason: 'repeat', detail: `same card read again within ${this.options.repeatWindowMs ?? 1500} ms` });
      return;
    }
    this.sink.card(card);
  }

  private takeHeld(): string | null {
    const held = this.heldTrack1;
    if (!held) return null;
    clearTimeout(held.timer);
    this.heldTrack1 = null;
    return held.text;
  }
}
