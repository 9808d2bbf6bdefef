// The simulated ILS's answers about patrons (23 -> 24, 63 -> 64), item lists included.
import { type SummaryRequest } from '../sip2/fixed';
import { type Sip2MessageOf } from '../sip2/messages';
import { ResponseKit } from './response-kit';
import { REFUSAL_TEXT, type SimItem, type SimPatron } from './sim-state';

export class PatronResponses extends ResponseKit {
  patronStatus(request: Sip2MessageOf<'23'>): Sip2MessageOf<'24'> {
    const id = request.patronIdentifier ?? '';
    const patron = this.state.patron(id);
    const pinGiven = request.patronPassword !== undefined && request.patronPassword !== '';
    const pinOk = patron !== undefined && pinGiven && request.patronPassword === patron.pin;
    return {
      code: '24', patronStatus: this.flags(patron), language: request.language, transactionDate: this.date(),
      institutionId: this.state.institution,
      patronIdentifier: patron ? this.patronId(patron.id) : id,
      personalName: patron && (pinOk || !pinGiven) ? patron.name : '',
      validPatron: patron ? 'Y' : 'N',
      ...(pinGiven ? { validPatronPassword: pinOk ? 'Y' : 'N' } : {}),
      ...(patron ? { currencyType: 'DKK', feeAmount: this.money(patron.feesDkk) } : { screenMessage: [REFUSAL_TEXT['unknown-patron']] }),
    };
  }

  patronInformation(request: Sip2MessageOf<'63'>): Sip2MessageOf<'64'> {
    const id = request.patronIdentifier ?? '';
    const patron = this.state.patron(id);
    const pinGiven = request.patronPassword !== undefined && request.patronPassword !== '';
    const pinOk = patron !== undefined && pinGiven && request.patronPassword === patron.pin;
    const base = {
      code: '64' as const, patronStatus: this.flags(patron), language: request.language, transactionDate: this.date(),
      holdItemsCount: 0, overdueItemsCount: 0, chargedItemsCount: 0, fineItemsCount: 0, recallItemsCount: 0, unavailableHoldsCount: 0,
      institutionId: this.state.institution,
    };
    if (!patron) {
      return { ...base, patronIdentifier: id, personalName: '', validPatron: 'N', ...(pinGiven ? { validPatronPassword: 'N' } : {}), screenMessage: [REFUSAL_TEXT['unknown-patron']] };
    }
    // A wrong PIN learns nothing about the patron beyond "wrong PIN".
    if (pinGiven && !pinOk) {
      return { ...base, patronIdentifier: this.patronId(patron.id), personalName: '', validPatron: 'Y', validPatronPassword: 'N', screenMessage: [REFUSAL_TEXT['wrong-pin']] };
    }
    const loans = this.state.loansOf(patron.id);
    const overdue = loans.filter((i) => this.state.isOverdue(i));
    const ready = this.state.holdsReadyFor(patron.id);
    const pending = this.state.holdsPendingFor(patron.id);
    const fined = patron.feesDkk > 0;
    return {
      ...base,
      holdItemsCount: ready.length, overdueItemsCount: overdue.length, chargedItemsCount: loans.length,
      fineItemsCount: fined ? 1 : 0, unavailableHoldsCount: pending.length,
      patronIdentifier: this.patronId(patron.id),
      personalName: patron.name,
      validPatron: 'Y',
      ...(pinGiven ? { validPatronPassword: 'Y' } : {}),
      currencyType: 'DKK',
      feeAmount: this.money(patron.feesDkk),
      ...(this.state.feeLimitDkk !== undefined ? { feeLimit: this.money(this.state.feeLimitDkk) } : {}),
      ...this.lists(request.summary, patron, { loans, overdue, ready, pending, fined }),
      ...(patron.birthDate ? { birthDate: patron.birthDate.replace(/-/g, '') } : {}),
      ...(patron.category ? { patronCategory: patron.category } : {}),
      ...(patron.excludedFromUnstaffed ? { excludedFromUnstaffed: 'Y' } : {}),
    };
  }

  private lists(
    summary: SummaryRequest,
    patron: SimPatron,
    l: { loans: SimItem[]; overdue: SimItem[]; ready: SimItem[]; pending: SimItem[]; fined: boolean },
  ): Partial<Sip2MessageOf<'64'>> {
    const fbs = this.fbs;
    const now = this.ctx.now();
    // FBS sends an empty field for a list asked for but empty.
    const list = (wanted: boolean, values: string[]) => (!wanted ? undefined : values.length > 0 ? values : fbs ? [''] : undefined);
    const loan = (i: SimItem) => (fbs ? `${i.id}%${i.dueDate ? this.day(i.dueDate) : ''}%${i.title}%${i.author ?? ''}%a%xx` : i.id);
    const hold = (i: SimItem) => (fbs ? `${i.id}%${i.id}%${i.id}%${this.day(new Date(now.getTime() + 7 * 86_400_000))}%${this.state.institution} - ${this.state.branch}%${i.title}` : i.id);
    const pending = (i: SimItem) => (fbs ? `${i.id}%${i.id}%${this.day(now)}%${i.title}` : i.id);
    const fine = fbs ? `%fee-${patron.id.slice(-4)}%${this.day(now)}%${this.money(patron.feesDkk)}%Outstanding fees` : `${this.money(patron.feesDkk)} DKK outstanding fees`;
    const fields = {
      holdItems: list(summary.holdItems, l.ready.map(hold)),
      overdueItems: list(summary.overdueItems, l.overdue.map(loan)),
      chargedItems: list(summary.chargedItems, l.loans.map(loan)),
      fineItems: list(summary.fineItems, l.fined ? [fine] : []),
      recallItems: list(summary.recallItems, []),
      unavailableHoldItems: list(summary.unavailableHolds, l.pending.map(pending)),
    };
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  }
}
