// The SIP2 client: the `Ils` port over raw TCP, TLS or the FBS envelope, with heartbeat,
// reconnect with back-off, and read-back after a lost answer (recover.ts).
import { IlsError, IlsOutcomeUnknownError, IlsUnavailableError, IlsUnusableAnswerError } from '../errors';
import {
  type CheckinRequest,
  type CheckinResult,
  type CheckoutRequest,
  type CheckoutResult,
  type FeePaidRequest,
  type FeePaidResult,
  type FeeStatus,
  type HoldRequest,
  type HoldResult,
  type Ils,
  type IlsLinkWatcher,
  type IlsStatus,
  type ItemInformation,
  type PatronInformation,
  type PatronList,
  type PatronVerification,
  type RenewAllResult,
  type RenewRequest,
  type RenewResult,
} from '../ils-port';
import { LIBRARY_TIME_ZONE } from '../../policy';
import { type Sip2MessageOf, type Sip2RequestCode, type Sip2ResponseTo } from '../sip2/messages';
import { createLink, type Sip2ClientOptions } from './client-options';
import { LinkMonitor } from './link-monitor';
import { recoverCheckin, recoverCheckout } from './recover';
import {
  checkinRequest,
  checkoutRequest,
  endSessionRequest,
  feePaidRequest,
  holdRequest,
  itemInformationRequest,
  patronInformationRequest,
  renewAllRequest,
  renewRequest,
  type RequestContext,
  statusRequest,
} from './requests';
import { type ReplyOptions, toCheckinResult, toCheckoutResult, toFeePaidResult, toHoldResult, toIlsStatus, toItemInformation, toPatronInformation, toRenewAllResult, toRenewResult } from './replies';
import { Sip2Session } from './session';
import { mergePatronReplies, summaryRequests } from './summary';

export { type Sip2ClientOptions } from './client-options';

export class Sip2Client implements Ils {
  private readonly session: Sip2Session;
  private readonly monitor: LinkMonitor;
  private readonly replies: ReplyOptions;
  private heartbeat: ReturnType<typeof setTimeout> | undefined;
  private backoffMs: number;
  private closed = false;

  constructor(private readonly options: Sip2ClientOptions) {
    this.monitor = new LinkMonitor(options.hysteresis, (error) => this.log('ils.link-watcher-failed', { error }));
    this.replies = { timeZone: options.timeZone ?? LIBRARY_TIME_ZONE, excludedCategories: options.excludedCategories ?? [] };
    this.backoffMs = options.reconnect?.initialMs ?? 500;
    const link = options.link ?? createLink(options);
    this.session = new Sip2Session({
      link,
      ...(options.user !== undefined && link.kind !== 'fbs' ? { login: { user: options.user, password: options.password ?? '', ...(options.location ? { location: options.location } : {}) } } : {}),
      errorDetection: options.errorDetection ?? true,
      encoding: options.encoding ?? 'utf-8',
      requestTimeoutMs: options.requestTimeoutMs ?? 5000,
      maxResends: options.maxResends ?? 3,
      ...(options.trace ? { trace: options.trace } : {}),
    });
  }

  get link(): IlsLinkWatcher {
    return this.monitor;
  }

  /** Connects, logs in and starts the heartbeat, which keeps reconnecting if this fails. */
  async login(): Promise<void> {
    this.closed = false;
    this.scheduleHeartbeat(this.options.heartbeatIntervalMs ?? 30_000);
    await this.status();
  }

  async status(): Promise<IlsStatus> {
    return toIlsStatus(await this.call(statusRequest(), 'safe'), this.replies);
  }

  /** Only an explicit CQ=Y verifies; an empty PIN is wrong without asking (some ILSs accept it). */
  async verifyPatron(patronId: string, pin: string): Promise<PatronVerification> {
    if (pin === '') return { result: 'wrong-pin' };
    const patron = await this.patronInformation(patronId, { pin, lists: [] });
    if (!patron.valid) return { result: 'unknown-patron' };
    if (patron.pinValid !== true) return { result: 'wrong-pin' };
    return { result: 'ok', patron };
  }

  /** `dueDates: false` skips asking item information for loans the list gives no due date. */
  async patronInformation(patronId: string, options: { pin?: string; lists?: PatronList[]; dueDates?: boolean } = {}): Promise<PatronInformation> {
    const lists = options.lists ?? ['loans', 'holds', 'fines'];
    const mode = this.options.summaryMode ?? (this.session.link.kind === 'fbs' ? 'all-lists' : 'one-list-per-request');
    const replies = [];
    for (const summary of summaryRequests(lists, mode)) {
      replies.push(await this.call(patronInformationRequest(this.context(), patronId, options.pin, summary), 'safe'));
    }
    const patron = toPatronInformation(mergePatronReplies(replies), options.pin !== undefined && options.pin !== '', this.replies);
    if (this.options.loanDueDates !== false && options.dueDates !== false && patron.valid) {
      for (const loan of patron.loans) {
        if (loan.dueDate !== undefined) continue;
        const item = await this.itemInformation(loan.itemId);
        if (item.dueDate) loan.dueDate = item.dueDate;
        if (item.title && !loan.title) loan.title = item.title;
      }
    }
    return patron;
  }

  async checkout(request: CheckoutRequest): Promise<CheckoutResult> {
    try {
      return await this.checkoutOnce(request);
    } catch (error) {
      if (!(error instanceof IlsOutcomeUnknownError)) throw error;
      return recoverCheckout(this.recovery(), request, error);
    }
  }

  async checkin(request: CheckinRequest): Promise<CheckinResult> {
    try {
      return await this.checkinOnce(request);
    } catch (error) {
      if (!(error instanceof IlsOutcomeUnknownError)) throw error;
      return recoverCheckin(this.recovery(), request, error);
    }
  }

  /** Never sent twice: a lost answer is reported as IlsOutcomeUnknownError (two renewals would be two). */
  async renew(request: RenewRequest): Promise<RenewResult> {
    return toRenewResult(await this.call(renewRequest(this.context(), request), 'never'), request.itemId, this.replies);
  }

  async renewAll(patronId: string, pin?: string): Promise<RenewAllResult> {
    return toRenewAllResult(await this.call(renewAllRequest(this.context(), patronId, pin), 'never'), this.replies);
  }

  async itemInformation(itemId: string): Promise<ItemInformation> {
    return toItemInformation(await this.call(itemInformationRequest(this.context(), itemId), 'safe'), itemId, this.replies);
  }

  async endSession(patronId: string, pin?: string): Promise<boolean> {
    return (await this.call(endSessionRequest(this.context(), patronId, pin), 'safe')).endSession;
  }

  async feeStatus(patronId: string, pin?: string): Promise<FeeStatus> {
    return (await this.patronInformation(patronId, { ...(pin !== undefined ? { pin } : {}), lists: ['fines'] })).fees;
  }

  /** Never sent twice, like renewals. */
  async feePaid(request: FeePaidRequest): Promise<FeePaidResult> {
    return toFeePaidResult(await this.call(feePaidRequest(this.context(), request), 'never'));
  }

  /** Never sent twice, like renewals: a lost answer is IlsOutcomeUnknownError (read the patron's holds to learn more). */
  async placeHold(request: HoldRequest): Promise<HoldResult> {
    return toHoldResult(await this.call(holdRequest(this.context(), request), 'never'), request.itemId);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.heartbeat);
    this.session.close();
  }

  private async checkoutOnce(request: CheckoutRequest): Promise<CheckoutResult> {
    return toCheckoutResult(await this.call(checkoutRequest(this.context(), request), 'never'), request.itemId, this.replies);
  }

  private async checkinOnce(request: CheckinRequest): Promise<CheckinResult> {
    return toCheckinResult(await this.call(checkinRequest(this.context(), request), 'never'), request.itemId);
  }

  private recovery() {
    return {
      itemInformation: (itemId: string) => this.itemInformation(itemId),
      patronInformation: (patronId: string, options: { pin?: string; lists: PatronList[] }) => this.patronInformation(patronId, { ...options, dueDates: false }),
      checkoutOnce: (request: CheckoutRequest) => this.checkoutOnce(request),
      checkinOnce: (request: CheckinRequest) => this.checkinOnce(request),
    };
  }

  /**
   * One exchange, fed to the online/offline monitor. 'safe' requests change nothing at the
   * ILS: after a lost answer they are sent once more, and a second loss means "unavailable".
   */
  private async call<C extends Sip2RequestCode>(message: Sip2MessageOf<C>, retry: 'safe' | 'never'): Promise<Sip2ResponseTo<C>> {
    for (let attempt = 0; ; attempt += 1) {
      if (this.closed) throw new IlsUnavailableError('the ILS client has been closed');
      try {
        const reply = await this.session.request(message);
        this.monitor.recordSuccess();
        return reply;
      } catch (error) {
        // An answer that could not be used still came from a reachable ILS: the link stays online
        // (otherwise one odd answer would send every patron to the cache for the next seconds).
        const answered = error instanceof IlsUnusableAnswerError || (error instanceof IlsError && error.kind === 'protocol');
        if (error instanceof IlsError && !answered) this.monitor.recordFailure();
        if (retry === 'safe' && error instanceof IlsOutcomeUnknownError) {
          if (attempt === 0) continue;
          if (error instanceof IlsUnusableAnswerError) throw error;
          throw new IlsUnavailableError(error.message, { cause: error });
        }
        throw error;
      }
    }
  }

  private scheduleHeartbeat(delayMs: number): void {
    const interval = this.options.heartbeatIntervalMs ?? 30_000;
    if (this.closed || interval <= 0) return;
    clearTimeout(this.heartbeat);
    this.heartbeat = setTimeout(() => void this.beat(interval), delayMs);
    this.heartbeat.unref?.();
  }

  private async beat(interval: number): Promise<void> {
    const initial = this.options.reconnect?.initialMs ?? 500;
    const max = this.options.reconnect?.maxMs ?? 30_000;
    try {
      await this.status();
      this.backoffMs = initial;
      // Until the link is trusted again, confirm quickly rather than at the full interval.
      this.scheduleHeartbeat(this.monitor.state === 'online' ? interval : initial);
    } catch (error) {
      // An IlsError is already recorded: call() fed it to the link monitor (offline). Anything else is a bug.
      if (!(error instanceof IlsError)) this.log('ils.heartbeat-failed', { error });
      this.scheduleHeartbeat(this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, max);
    }
  }

  private log(event: string, fields: Record<string, unknown>): void {
    this.options.log?.(event, fields);
  }

  private context(): RequestContext {
    const o = this.options;
    return {
      institution: o.institution,
      timeZone: this.replies.timeZone,
      now: (o.clock ?? (() => new Date()))(),
      ...(o.terminalPassword !== undefined ? { terminalPassword: o.terminalPassword } : {}),
      ...(o.language !== undefined ? { language: o.language } : {}),
      ...(o.location !== undefined ? { location: o.location } : {}),
    };
  }
}
