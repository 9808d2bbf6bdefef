// The simulated ILS's memory and its circulation rules: checkout, checkin, renew, holds
// and fees behave like a library system. Pure logic; the servers speak SIP2 around it.
import { type LoanRules, endOfLocalDay } from './loan-rules';
import { type SimData } from './sim-data';

export interface SimPatron {
  id: string;
  pin: string;
  name: string;
  birthDate?: string;
  feesDkk: number;
  cardLost: boolean;
  excludedFromUnstaffed: boolean;
  category?: string;
}

export interface SimItem {
  id: string;
  title: string;
  author?: string;
  materialType?: string;
  partsInSet: number;
  interlibrary: boolean;
  homeBranch?: string;
  onLoanTo?: string;
  dueDate?: Date;
  renewals: number;
  /** A patron waiting for this item. */
  reservedBy?: string;
  /** Waiting on this branch's hold shelf for this patron. */
  holdShelfFor?: string;
  /** Sent to another branch or library at checkin. */
  inTransitTo?: string;
}

export type Refusal =
  | 'unknown-patron' | 'wrong-pin' | 'unknown-item' | 'card-lost' | 'fees' | 'on-loan' | 'already-on-loan-to-you'
  | 'reserved' | 'not-on-loan' | 'not-checked-out' | 'renewal-refused';

export const REFUSAL_TEXT: Record<Refusal, string> = {
  'unknown-patron': 'Unknown patron',
  'wrong-pin': 'Wrong PIN',
  'unknown-item': 'Unknown item',
  'card-lost': 'The card is reported lost',
  fees: 'Outstanding fees block borrowing',
  'on-loan': 'The item is on loan to another patron',
  'already-on-loan-to-you': 'The item is already on loan to you',
  reserved: 'The item is reserved for another patron',
  'not-on-loan': 'The item is not on loan to you',
  'not-checked-out': 'Item not checked out',
  'renewal-refused': 'The item cannot be renewed',
};

export type Outcome<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal; detail?: string; item?: SimItem };

export type CheckinRoute = 'shelf' | 'hold-shelf' | 'other-branch' | 'interlibrary';

export class SimState {
  readonly institution: string;
  readonly branch: string;
  readonly libraryName: string;
  readonly feeLimitDkk: number | undefined;
  readonly patrons = new Map<string, SimPatron>();
  readonly items = new Map<string, SimItem>();

  constructor(
    data: SimData,
    private readonly rules: LoanRules,
    private readonly clock: () => Date,
  ) {
    this.institution = data.institution;
    this.branch = data.branch ?? 'Hovedbiblioteket';
    this.libraryName = data.libraryName ?? 'Simulated library';
    this.feeLimitDkk = data.feeLimitDkk;
    for (const p of data.patrons) {
      this.patrons.set(p.id, {
        id: p.id, pin: p.pin, name: p.name, feesDkk: p.feesDkk ?? 0, cardLost: p.cardLost ?? false,
        excludedFromUnstaffed: p.excludedFromUnstaffed ?? false,
        ...(p.birthDate ? { birthDate: p.birthDate } : {}),
        ...(p.category ? { category: p.category } : {}),
      });
    }
    for (const i of data.items) {
      const onLoan = i.onLoanTo !== undefined;
      this.items.set(i.id, {
        id: i.id, title: i.title, partsInSet: i.partsInSet ?? 1, interlibrary: i.interlibrary ?? false, renewals: 0,
        ...(i.author ? { author: i.author } : {}),
        ...(i.materialType ? { materialType: i.materialType } : {}),
        ...(i.homeBranch ? { homeBranch: i.homeBranch } : {}),
        ...(onLoan ? { onLoanTo: i.onLoanTo, dueDate: i.dueDate ? endOfLocalDay(i.dueDate) : rules.dueDate(i.materialType, clock()) } : {}),
        ...(i.reservedBy ? { reservedBy: i.reservedBy } : {}),
        // Reserved and on the shelf: it already waits for its patron.
        ...(i.reservedBy && !onLoan ? { holdShelfFor: i.reservedBy } : {}),
      });
    }
  }

  /** Looks a patron up by id; a CPR matches with or without its dash. */
  patron(id: string): SimPatron | undefined {
    return this.patrons.get(id) ?? this.patrons.get(id.replace(/^(\d{6})-(\d{4})$/, '$1$2'));
  }

  item(id: string): SimItem | undefined {
    return this.items.get(id);
  }

  loansOf(patronId: string): SimItem[] {
    return [...this.items.values()].filter((i) => i.onLoanTo === patronId);
  }

  holdsReadyFor(patronId: string): SimItem[] {
    return [...this.items.values()].filter((i) => i.holdShelfFor === patronId);
  }

  holdsPendingFor(patronId: string): SimItem[] {
    return [...this.items.values()].filter((i) => i.reservedBy === patronId && i.holdShelfFor !== patronId);
  }

  isOverdue(item: SimItem, at = this.clock()): boolean {
    return item.dueDate !== undefined && item.dueDate.getTime() < at.getTime();
  }

  /** Patron known and, when a PIN is given, the right one. */
  authenticate(patronId: string, pin: string | undefined): Outcome<{ patron: SimPatron }> {
    const patron = this.patron(patronId);
    if (!patron) return { ok: false, refusal: 'unknown-patron' };
    if (pin !== undefined && pin !== patron.pin) return { ok: false, refusal: 'wrong-pin' };
    return { ok: true, patron };
  }

  checkout(
    patronId: string,
    itemId: string,
    options: { pin?: string; noBlock?: boolean; renewalPolicy?: boolean; at?: Date; dueDate?: Date } = {},
  ): Outcome<{ item: SimItem; renewal: boolean }> {
    const auth = this.authenticate(patronId, options.noBlock ? undefined : options.pin);
    if (!auth.ok) return auth;
    const { patron } = auth;
    const item = this.items.get(itemId);
    if (!item) return { ok: false, refusal: 'unknown-item' };
    const at = options.at ?? this.clock();
    if (!options.noBlock) {
      if (patron.cardLost) return { ok: false, refusal: 'card-lost', item };
      if (this.feeLimitDkk !== undefined && patron.feesDkk >= this.feeLimitDkk) return { ok: false, refusal: 'fees', item };
      if (item.onLoanTo === patron.id) {
        if (!options.renewalPolicy) return { ok: false, refusal: 'already-on-loan-to-you', item };
        const renewed = this.renew(patron.id, item.id, { at });
        return renewed.ok ? { ok: true, item, renewal: true } : renewed;
      }
      if (item.onLoanTo !== undefined) return { ok: false, refusal: 'on-loan', item };
      if (item.holdShelfFor !== undefined && item.holdShelfFor !== patron.id) return { ok: false, refusal: 'reserved', item };
    }
    if (item.holdShelfFor === patron.id || item.reservedBy === patron.id) {
      delete item.holdShelfFor;
      delete item.reservedBy;
    }
    // Offline replay (no block): the kiosk already lent it; the ILS records what happened.
    item.onLoanTo = patron.id;
    item.dueDate = options.dueDate ?? this.rules.dueDate(item.materialType, at);
    item.renewals = 0;
    delete item.inTransitTo;
    return { ok: true, item, renewal: false };
  }

  checkin(itemId: string): Outcome<{ item: SimItem; route: CheckinRoute; returnedBy?: string }> {
    const item = this.items.get(itemId);
    if (!item) return { ok: false, refusal: 'unknown-item' };
    const returnedBy = item.onLoanTo;
    if (returnedBy === undefined) return { ok: false, refusal: 'not-checked-out', item };
    delete item.onLoanTo;
    delete item.dueDate;
    item.renewals = 0;
    if (item.reservedBy !== undefined && item.reservedBy !== returnedBy) {
      item.holdShelfFor = item.reservedBy;
      return { ok: true, item, route: 'hold-shelf', returnedBy };
    }
    if (item.reservedBy === returnedBy) delete item.reservedBy;
    if (item.interlibrary) {
      item.inTransitTo = item.homeBranch ?? 'the lending library';
      return { ok: true, item, route: 'interlibrary', returnedBy };
    }
    if (item.homeBranch !== undefined && item.homeBranch !== this.branch) {
      item.inTransitTo = item.homeBranch;
      return { ok: true, item, route: 'other-branch', returnedBy };
    }
    return { ok: true, item, route: 'shelf', returnedBy };
  }

  renew(patronId: string, itemId: string, options: { pin?: string; at?: Date } = {}): Outcome<{ item: SimItem }> {
    const auth = this.authenticate(patronId, options.pin);
    if (!auth.ok) return auth;
    const item = this.items.get(itemId);
    if (!item) return { ok: false, refusal: 'unknown-item' };
    if (item.onLoanTo !== auth.patron.id || item.dueDate === undefined) return { ok: false, refusal: 'not-on-loan', item };
    if (item.reservedBy !== undefined && item.reservedBy !== auth.patron.id) return { ok: false, refusal: 'reserved', item };
    const decision = this.rules.renewal(
      { renewals: item.renewals, dueDate: item.dueDate, interlibrary: item.interlibrary, ...(item.materialType ? { materialType: item.materialType } : {}) },
      options.at ?? this.clock(),
    );
    if (!decision.allowed) return { ok: false, refusal: 'renewal-refused', detail: decision.reason, item };
    item.dueDate = decision.dueDate;
    item.renewals += 1;
    return { ok: true, item };
  }

  renewAll(patronId: string, pin?: string): Outcome<{ renewed: SimItem[]; notRenewed: { item: SimItem; reason: string }[] }> {
    const auth = this.authenticate(patronId, pin);
    if (!auth.ok) return auth;
    const renewed: SimItem[] = [];
    const notRenewed: { item: SimItem; reason: string }[] = [];
    for (const item of this.loansOf(auth.patron.id)) {
      const result = this.renew(auth.patron.id, item.id);
      if (result.ok) renewed.push(item);
      else notRenewed.push({ item, reason: result.detail ?? REFUSAL_TEXT[result.refusal] });
    }
    return { ok: true, renewed, notRenewed };
  }

  /**
   * Places a hold (SIP2 15, mode +) for the patron on the item. An item on this branch's
   * shelves goes straight to the hold shelf (available); one on loan or elsewhere is queued.
   * The simulator keeps one hold per item: an item held for someone else is refused.
   */
  placeHold(patronId: string, itemId: string, options: { pin?: string } = {}): Outcome<{ item: SimItem; available: boolean }> {
    const auth = this.authenticate(patronId, options.pin);
    if (!auth.ok) return auth;
    const { patron } = auth;
    const item = this.items.get(itemId);
    if (!item) return { ok: false, refusal: 'unknown-item' };
    if (patron.cardLost) return { ok: false, refusal: 'card-lost', item };
    if (item.onLoanTo === patron.id) return { ok: false, refusal: 'already-on-loan-to-you', item };
    const heldFor = item.holdShelfFor ?? item.reservedBy;
    if (heldFor !== undefined && heldFor !== patron.id) return { ok: false, refusal: 'reserved', item };
    item.reservedBy = patron.id;
    const onOurShelves = item.onLoanTo === undefined && item.inTransitTo === undefined && (item.homeBranch ?? this.branch) === this.branch;
    if (onOurShelves) item.holdShelfFor = patron.id;
    return { ok: true, item, available: item.holdShelfFor === patron.id };
  }

  payFee(patronId: string, amount: number, pin?: string): Outcome<{ patron: SimPatron }> {
    const auth = this.authenticate(patronId, pin);
    if (!auth.ok) return auth;
    auth.patron.feesDkk = Math.max(0, Math.round((auth.patron.feesDkk - amount) * 100) / 100);
    return auth;
  }
}
