// USB keyboard-wedge card reader: boot keyboard reports typed as text, Enter ends a read.
import { ConnectedDevice } from '../connected-device';
import { BootKeyboardDecoder } from '../hid/boot-keyboard';
import { HidConnection } from '../hid/hid-connection';
import type { HidOpener, HidSelector } from '../hid/hid-device';
import type { ReconnectOptions } from '../reconnect';
import type { CardReader, CardReaderEvents } from './card-reader';
import { type CardReadOptions, CardReads } from './card-reads';

export interface HidCardReaderOptions extends CardReadOptions {
  selector: HidSelector;
  open?: HidOpener;
  reconnect?: ReconnectOptions | false;
  /** Typed characters older than this when the next key comes are a broken read (default 1000 ms). */
  maxKeyGapMs?: number;
}

const MAX_READ = 256;

export class HidCardReader extends ConnectedDevice<CardReaderEvents, HidConnection> implements CardReader {
  private readonly decoder = new BootKeyboardDecoder();
  private readonly reads: CardReads;
  private readonly now: () => number;
  private readonly maxKeyGapMs: number;
  private typed = '';
  private lastKeyAt = 0;

  constructor(options: HidCardReaderOptions) {
    super(new HidConnection({ selector: options.selector, open: options.open, reconnect: options.reconnect, now: options.now }));
    this.now = options.now ?? Date.now;
    this.maxKeyGapMs = options.maxKeyGapMs ?? 1000;
    this.reads = new CardReads(options, { card: (card) => this.emit('card', card), rejected: (r) => this.emit('rejected', r) });
    this.link.on('data', (report) => this.onReport(report));
    this.link.on('status', () => {
      this.decoder.reset();
      this.typed = '';
      this.reads.reset();
    });
  }

  override close(): Promise<void> {
    this.reads.reset();
    return super.close();
  }

  private onReport(report: Buffer): void {
    const result = this.decoder.push(report);
    if (!result.ok) return; // a rollover or malformed report carries no key presses
    for (const key of result.keys) {
      const at = this.now();
      if (this.typed !== '' && at - this.lastKeyAt > this.maxKeyGapMs) {
        this.typed = '';
        this.emit('rejected', { reason: 'half-read', detail: `read broke off for more than ${this.maxKeyGapMs} ms` });
      }
      this.lastKeyAt = at;
      if (key.kind === 'enter') {
        const text = this.typed;
        this.typed = '';
        this.reads.read(text);
      } else if (key.kind === 'char') {
        this.typed += key.char;
        if (this.typed.length > MAX_READ) {
          this.typed = '';
          this.emit('rejected', { reason: 'too-long', detail: `more than ${MAX_READ} characters without Enter` });
        }
      } else if (key.kind === 'backspace') {
        this.typed = this.typed.slice(0, -1);
      }
    }
  }
}
