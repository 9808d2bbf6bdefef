// The simulated ILS's answers: one SIP2 request in, one response out. The FBS dialect
// sends `%`-separated item records and `LN:`-prefixed patron ids, as FBS does.
import { randomUUID } from 'node:crypto';
import { parseSip2Date } from '../sip2/dates';
import { type Sip2Message, type Sip2MessageOf, type Sip2Request } from '../sip2/messages';
import { PatronResponses } from './patron-responses';
import { type ResponderContext, ResponseKit } from './response-kit';
import { type CheckinRoute, type SimItem } from './sim-state';

export { type ResponderContext, type SimDialect } from './response-kit';

// BX: patron status, checkout, checkin, (no block patron), status, resend, login, patron
// info, end session, fee paid, item info, (no status update, enable), hold, renew, renew all.
const SUPPORTED = 'YYYNYYYYYYYNNYYY';
const ALERT_TYPE: Record<CheckinRoute, string | undefined> = { shelf: undefined, 'hold-shelf': '01', interlibrary: '03', 'other-branch': '04' };
const SORT_BIN: Record<CheckinRoute, string> = { shelf: '1', 'hold-shelf': '2', 'other-branch': '3', interlibrary: '4' };

/** The response to `request`; undefined for a message the simulator does not answer. */
export function respond(request: Sip2Request, ctx: ResponderContext): Sip2Message | undefined {
  const r = new Responder(ctx);
  switch (request.code) {
    case '99': return r.status();
    case '23': return new PatronResponses(ctx).patronStatus(request);
    case '63': return new PatronResponses(ctx).patronInformation(request);
    case '11': return r.checkout(request);
    case '09': return r.checkin(request);
    case '29': return r.renew(request);
    case '65': return r.renewAll(request);
    case '35': return { code: '36', endSession: true, transactionDate: r.date(), institutionId: ctx.state.institution, patronIdentifier: request.patronIdentifier ?? '' };
    case '37': return r.feePaid(request);
    case '17': return r.itemInformation(request);
    case '19': return r.itemStatusUpdate(request);
    case '15': return r.hold(request);
    default: return undefined; // 93 and 97 belong to the connection, not the library
  }
}

class Responder extends ResponseKit {

  status(): Sip2MessageOf<'98'> {
    return {
      code: '98', onlineStatus: true, checkinOk: true, checkoutOk: true, acsRenewalPolicy: true, statusUpdateOk: false,
      offlineOk: true, timeoutPeriod: 50, retriesAllowed: 3, dateTimeSync: this.date(), protocolVersion: '2.00',
      institutionId: this.state.institution, libraryName: this.state.libraryName, supportedMessages: SUPPORTED,
    };
  }

  private circulation<C extends '12' | '30'>(code: C, patronId: string, itemId: string, outcome: { ok: boolean; item?: SimItem; renewal?: boolean }) {
    const item = outcome.item;
    return {
      code, ok: outcome.ok, renewalOk: outcome.renewal ?? code === '30', magneticMedia: 'U' as const,
      desensitize: outcome.ok ? ('Y' as const) : ('N' as const), transactionDate: this.date(),
      institutionId: this.state.institution, patronIdentifier: patronId, itemIdentifier: itemId,
      titleIdentifier: item?.title ?? '',
      ...(outcome.ok && item?.dueDate ? { dueDate: this.date(item.dueDate) } : {}),
      ...(item ? { mediaType: this.media(item), ...this.properties(item) } : {}),
      ...(this.fbs && outcome.ok ? { transactionId: randomUUID() } : {}),
    };
  }

  checkout(request: Sip2MessageOf<'11'>): Sip2MessageOf<'12'> {
    const patronId = request.patronIdentifier ?? '';
    const itemId = request.itemIdentifier ?? '';
    const nbDue = request.noBlock && request.nbDueDate.trim() !== '' ? parseSip2Date(request.nbDueDate, this.ctx.timeZone) : undefined;
    const at = request.noBlock ? (parseSip2Date(request.transactionDate, this.ctx.timeZone) ?? this.ctx.now()) : this.ctx.now();
    const outcome = this.state.checkout(patronId, itemId, {
      ...(request.patronPassword ? { pin: request.patronPassword } : {}),
      noBlock: request.noBlock, renewalPolicy: request.scRenewalPolicy, at, ...(nbDue ? { dueDate: nbDue } : {}),
    });
    const reply = this.circulation('12', patronId, itemId, outcome.ok ? outcome : { ok: false, ...(outcome.item ? { item: outcome.item } : {}) });
    return { ...reply, renewalOk: outcome.ok && outcome.renewal, ...(outcome.ok ? {} : this.refused(outcome.refusal, outcome.detail)) };
  }

  renew(request: Sip2MessageOf<'29'>): Sip2MessageOf<'30'> {
    const patronId = request.patronIdentifier ?? '';
    const itemId = request.itemIdentifier ?? '';
    const outcome = this.state.renew(patronId, itemId, request.patronPassword ? { pin: request.patronPassword } : {});
    const reply = this.circulation('30', patronId, itemId, outcome.ok ? outcome : { ok: false, ...(outcome.item ? { item: outcome.item } : {}) });
    return { ...reply, renewalOk: outcome.ok, ...(outcome.ok ? {} : this.refused(outcome.refusal, outcome.detail)) };
  }

  private location(item: SimItem): string {
    const branch = item.homeBranch ?? this.state.branch;
    return this.fbs ? `${branch}%${item.materialType === 'film' ? 'Film' : 'Voksen'}%%` : branch;
  }

  checkin(request: Sip2MessageOf<'09'>): Sip2MessageOf<'10'> {
    const itemId = request.itemIdentifier ?? '';
    const outcome = this.state.checkin(itemId);
    const base = { code: '10' as const, magneticMedia: 'U' as const, transactionDate: this.date(), institutionId: this.state.institution, itemIdentifier: itemId };
    if (!outcome.ok) {
      const item = outcome.item;
      return {
        ...base, ok: false, resensitize: false, alert: false,
        ...(item ? { permanentLocation: this.location(item), titleIdentifier: item.title, ...this.properties(item) } : {}),
        ...this.refused(outcome.refusal),
      };
    }
    const { item, route, returnedBy } = outcome;
    const holder = route === 'hold-shelf' && item.holdShelfFor ? this.state.patron(item.holdShelfFor) : undefined;
    const alertType = ALERT_TYPE[route];
    const destination = route === 'hold-shelf' ? this.state.branch : item.inTransitTo;
    return {
      ...base, ok: true, resensitize: true, alert: alertType !== undefined,
      permanentLocation: this.location(item), titleIdentifier: item.title, sortBin: SORT_BIN[route],
      ...(returnedBy ? { patronIdentifier: this.patronId(returnedBy) } : {}),
      mediaType: this.media(item), ...this.properties(item),
      ...(destination && route !== 'shelf' ? { destinationLocation: destination } : {}),
      ...(alertType ? { alertType } : {}),
      ...(holder ? { holdPatronId: this.patronId(holder.id), holdPatronName: holder.name } : {}),
    };
  }

  renewAll(request: Sip2MessageOf<'65'>): Sip2MessageOf<'66'> {
    const outcome = this.state.renewAll(request.patronIdentifier ?? '', request.patronPassword || undefined);
    const base = { code: '66' as const, transactionDate: this.date(), institutionId: this.state.institution };
    if (!outcome.ok) return { ...base, ok: false, renewedCount: 0, unrenewedCount: 0, ...this.refused(outcome.refusal) };
    const due = (i: SimItem) => (i.dueDate ? this.day(i.dueDate) : '');
    const renewed = outcome.renewed.map((i) => (this.fbs ? `${i.id}%${due(i)}%${i.title}%${i.author ?? ''}%a%xx%` : i.id));
    const notRenewed = outcome.notRenewed.map(({ item, reason }) => (this.fbs ? `${item.id}%${reason}%${due(item)}%${item.title}%${item.author ?? ''}%a%xx%` : item.id));
    return {
      ...base, ok: true, renewedCount: renewed.length, unrenewedCount: notRenewed.length,
      ...(renewed.length > 0 ? { renewedItems: renewed } : {}),
      ...(notRenewed.length > 0 ? { unrenewedItems: notRenewed } : {}),
    };
  }

  feePaid(request: Sip2MessageOf<'37'>): Sip2MessageOf<'38'> {
    const amount = Number((request.feeAmount ?? '').replace(',', '.'));
    const valid = Number.isFinite(amount) && amount > 0;
    const outcome = valid ? this.state.payFee(request.patronIdentifier ?? '', amount, request.patronPassword || undefined) : undefined;
    return {
      code: '38', paymentAccepted: outcome?.ok === true, transactionDate: this.date(), institutionId: this.state.institution,
      patronIdentifier: request.patronIdentifier ?? '',
      ...(request.transactionId !== undefined ? { transactionId: request.transactionId } : {}),
      ...(outcome && !outcome.ok ? this.refused(outcome.refusal) : {}),
    };
  }

  itemInformation(request: Sip2MessageOf<'17'>): Sip2MessageOf<'18'> {
    const itemId = request.itemIdentifier ?? '';
    const item = this.state.item(itemId);
    const base = { code: '18' as const, securityMarker: '00', feeType: '01', transactionDate: this.date(), itemIdentifier: itemId };
    if (!item) return { ...base, circulationStatus: '01', ...this.refused('unknown-item') };
    const status = item.onLoanTo ? '04' : item.holdShelfFor ? '08' : item.inTransitTo ? '10' : '03';
    return {
      ...base, circulationStatus: status,
      holdQueueLength: String(item.reservedBy ? 1 : 0),
      ...(item.dueDate ? { dueDate: this.date(item.dueDate) } : {}),
      titleIdentifier: item.title, owner: item.homeBranch ?? this.state.institution, mediaType: this.media(item),
      permanentLocation: this.location(item), currentLocation: item.inTransitTo ?? this.state.branch,
      ...this.properties(item),
      ...(item.inTransitTo ? { destinationLocation: item.inTransitTo } : {}),
    };
  }

  /** Places a hold (mode +); cancelling (-) and changing (*) a hold are not simulated. */
  hold(request: Sip2MessageOf<'15'>): Sip2MessageOf<'16'> {
    const patronId = request.patronIdentifier ?? '';
    const itemId = request.itemIdentifier ?? '';
    const base = {
      code: '16' as const, transactionDate: this.date(), institutionId: this.state.institution,
      patronIdentifier: this.state.patron(patronId) ? this.patronId(patronId) : patronId, itemIdentifier: itemId,
    };
    if (request.holdMode !== '+') return { ...base, ok: false, available: false, screenMessage: ['Only placing a hold is supported'] };
    const outcome = this.state.placeHold(patronId, itemId, request.patronPassword ? { pin: request.patronPassword } : {});
    if (!outcome.ok) {
      return { ...base, ok: false, available: false, ...(outcome.item ? { titleIdentifier: outcome.item.title } : {}), ...this.refused(outcome.refusal, outcome.detail) };
    }
    return {
      ...base, ok: true, available: outcome.available, queuePosition: '1',
      pickupLocation: request.pickupLocation || this.state.branch, titleIdentifier: outcome.item.title,
    };
  }

  itemStatusUpdate(request: Sip2MessageOf<'19'>): Sip2MessageOf<'20'> {
    const itemId = request.itemIdentifier ?? '';
    const item = this.state.item(itemId);
    return {
      code: '20', itemPropertiesOk: false, transactionDate: this.date(), itemIdentifier: itemId,
      ...(item ? { titleIdentifier: item.title } : {}),
      screenMessage: ['Item properties are not stored by this ILS'],
    };
  }
}

