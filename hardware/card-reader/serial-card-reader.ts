// Card reader on a serial port (RS-232 or USB CDC): each read is a line ended by a suffix.
import { ConnectedDevice } from '../connected-device';
import type { ReconnectOptions } from '../reconnect';
import { LineFramer, type LineSuffix } from '../serial/line-framer';
import { SerialLink } from '../serial/serial-link';
import type { SerialBinding } from '../serial/binding';
import type { CardReader, CardReaderEvents } from './card-reader';
import { type CardReadOptions, CardReads } from './card-reads';

export interface SerialCardReaderOptions extends CardReadOptions {
  path: string;
  baudRate?: number;
  /** What ends each read (default CR). */
  suffix?: LineSuffix;
  binding?: SerialBinding;
  reconnect?: ReconnectOptions | false;
}

export class SerialCardReader extends ConnectedDevice<CardReaderEvents, SerialLink> implements CardReader {
  private readonly lines: LineFramer;
  private readonly reads: CardReads;

  constructor(options: SerialCardReaderOptions) {
    super(new SerialLink({ path: options.path, baudRate: options.baudRate ?? 9600, binding: options.binding, reconnect: options.reconnect, now: options.now }));
    this.lines = new LineFramer({ suffix: options.suffix ?? 'CR', maxLength: 256 });
    this.reads = new CardReads(options, { card: (card) => this.emit('card', card), rejected: (r) => this.emit('rejected', r) });
    this.link.on('data', (chunk) => {
      const overflows = this.lines.overflows;
      for (const line of this.lines.push(chunk)) this.reads.read(line.toString('latin1'));
      if (this.lines.overflows > overflows) this.emit('rejected', { reason: 'too-long', detail: 'read longer than 256 bytes without a suffix' });
    });
    this.link.on('status', () => {
      this.lines.reset();
      this.reads.reset();
    });
  }

  override close(): Promise<void> {
    this.reads.reset();
    return super.close();
  }
}
