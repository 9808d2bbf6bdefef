// What every simulated answer needs: dates in the library's zone, ids and item records in
// the dialect (FBS sends `LN:` ids and `%` records), patron flags, refusal texts.
import { formatSip2Date, formatSip2Day } from '../sip2/dates';
import { PATRON_STATUS_FLAGS, type PatronStatus } from '../sip2/fixed';
import { REFUSAL_TEXT, type Refusal, type SimItem, type SimPatron, type SimState } from './sim-state';

export type SimDialect = 'sip2' | 'fbs';

export interface ResponderContext {
  state: SimState;
  dialect: SimDialect;
  now: () => Date;
  timeZone?: string;
}

const MEDIA_TYPE: Record<string, string> = { book: '001', magazine: '002', music: '006', film: '006', 'video-game': '006' };

export class ResponseKit {
  constructor(readonly ctx: ResponderContext) {}

  get state(): SimState {
    return this.ctx.state;
  }

  get fbs(): boolean {
    return this.ctx.dialect === 'fbs';
  }

  date(at = this.ctx.now()): string {
    return formatSip2Date(at, this.ctx.timeZone);
  }

  day(at: Date): string {
    return formatSip2Day(at, this.ctx.timeZone);
  }

  patronId(id: string): string {
    return this.fbs ? `LN:${id}` : id;
  }

  /** FBS item record: `title%author%GMB%SMB%DK5`. */
  properties(item: SimItem): { itemProperties?: string } {
    return this.fbs ? { itemProperties: `${item.title}%${item.author ?? ''}%a%xx%` } : {};
  }

  media(item: SimItem): string {
    return MEDIA_TYPE[item.materialType ?? 'book'] ?? '000';
  }

  money(amount: number): string {
    return amount.toFixed(2);
  }

  refused(refusal: Refusal, detail?: string): { screenMessage: string[] } {
    return { screenMessage: [detail ?? REFUSAL_TEXT[refusal]] };
  }

  flags(patron: SimPatron | undefined): PatronStatus {
    const flags = Object.fromEntries(PATRON_STATUS_FLAGS.map((f) => [f, false])) as PatronStatus;
    if (!patron) return flags;
    const limit = this.state.feeLimitDkk;
    const feesBlock = limit !== undefined && patron.feesDkk >= limit;
    flags.cardReportedLost = patron.cardLost;
    flags.chargePrivilegesDenied = patron.cardLost || feesBlock;
    flags.renewalPrivilegesDenied = patron.cardLost;
    flags.holdPrivilegesDenied = patron.cardLost;
    flags.excessiveOutstandingFees = feesBlock;
    return flags;
  }
}
