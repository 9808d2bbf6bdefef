// Screen views of each session machine's snapshot. Only whitelisted, non-sensitive fields are
// copied out: never a card's patronId, never the PIN (only its length).
import type { SnapshotFrom } from 'xstate';
import type { AccountMachine } from '../account/account-machine';
import type { CheckoutMachine } from '../checkout/checkout-machine';
import type { DiagnosticsMachine } from '../diagnostics/diagnostics-machine';
import type { IdentifyMachine } from '../identify/identify-machine';
import type { CheckinOutcome, CheckoutOutcome, DeviceState, PatronFacts } from '../ports';
import type { ReturnMachine } from '../return/return-machine';
import type { ItemEntry } from '../shared/items';
import type { ItemView, LoanView, ScreenView } from './view-types';

export interface SessionView {
  screen: ScreenView;
  secondsLeft: number | null;
}

/** The top-level state, or the flow region's state inside a session's parallel `session` state. */
export function flowOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const flow = (value as { session?: { flow?: unknown } }).session?.flow;
  if (typeof flow === 'string') return flow;
  return Object.keys((flow ?? value) as object)[0] ?? '';
}

const firstName = (patron: PatronFacts | null) => (patron?.name ?? '').trim().split(/\s+/)[0] ?? '';
const printerReady = (devices: DeviceState[]) => devices.find((d) => d.device === 'printer')?.state !== 'disconnected' && devices.find((d) => d.device === 'printer')?.state !== 'error';

function partsOf(entry: ItemEntry<unknown>) {
  return { key: entry.key, itemId: entry.itemId, partsPresent: new Set(entry.parts.map((p) => p.partNumber)).size, partsInSet: entry.partsInSet };
}

function pendingStatus(entry: ItemEntry<unknown>): ItemView['status'] {
  return entry.status === 'queued' ? 'waiting' : entry.status === 'done' ? 'processing' : entry.status;
}

export function checkoutItemView(entry: ItemEntry<CheckoutOutcome>): ItemView {
  const o = entry.outcome;
  if (o === null) return { ...partsOf(entry), status: pendingStatus(entry) };
  if (o.ok) return { ...partsOf(entry), status: o.renewed ? 'renewed' : 'borrowed', title: o.title, dueDate: o.dueDate };
  return { ...partsOf(entry), status: 'refused', reason: o.reason, ...(o.title === undefined ? {} : { title: o.title }) };
}

export function checkinItemView(entry: ItemEntry<CheckinOutcome>): ItemView {
  const o = entry.outcome;
  if (o === null) return { ...partsOf(entry), status: pendingStatus(entry) };
  if (!o.ok) return { ...partsOf(entry), status: 'refused', reason: o.reason };
  const where = { ...(o.branch === undefined ? {} : { branch: o.branch }), ...(o.sortBin === undefined ? {} : { sortBin: o.sortBin }) };
  return { ...partsOf(entry), status: 'returned', title: o.title, destination: o.destination, ...where };
}

export function identifyView(snapshot: SnapshotFrom<IdentifyMachine> | undefined, purpose: 'borrow' | 'account'): ScreenView {
  if (snapshot === undefined) return { name: 'please-wait' };
  const { context } = snapshot;
  const state = String(snapshot.value);
  const step = state === 'pinEntry' ? 'enter-pin' : state === 'refused' ? 'refused' : state.startsWith('verifying') ? 'verifying' : 'scan-card';
  return {
    name: 'identify',
    purpose,
    step,
    card: context.card?.masked ?? null,
    pinLength: context.pin.length,
    pinMaxLength: context.config.pinMaxLength,
    refusal: context.refusal,
  };
}

export function checkoutView(snapshot: SnapshotFrom<CheckoutMachine>, devices: DeviceState[]): SessionView {
  const { context } = snapshot;
  const flow = flowOf(snapshot.value);
  const items = context.items.map(checkoutItemView);
  const busy = context.items.some((i) => i.status === 'processing');
  const screen = ((): ScreenView => {
    switch (flow) {
      case 'identifying':
      case 'checkingPatron':
        return identifyView(snapshot.children.identify?.getSnapshot() as SnapshotFrom<IdentifyMachine> | undefined, 'borrow');
      case 'blocked':
        return { name: 'borrow-blocked', patronName: firstName(context.patron), reason: context.block?.reason ?? '', feesDkk: context.patron?.feesDkk ?? 0 };
      case 'borrowing':
        return { name: 'checkout', patronName: firstName(context.patron), items, busy, finishing: context.finishRequested };
      case 'receiptChoice':
        return { name: 'receipt-choice', kind: 'checkout', count: items.filter((i) => i.status === 'borrowed' || i.status === 'renewed').length, printerReady: printerReady(devices) };
      case 'printing':
        return { name: 'printing' };
      default:
        return { name: 'goodbye', receipt: context.receipt };
    }
  })();
  return { screen, secondsLeft: context.secondsLeft };
}

export function returnView(snapshot: SnapshotFrom<ReturnMachine>, devices: DeviceState[]): SessionView {
  const { context } = snapshot;
  const flow = flowOf(snapshot.value);
  const items = context.items.map(checkinItemView);
  const screen = ((): ScreenView => {
    switch (flow) {
      case 'returning':
        return { name: 'return', items, busy: context.items.some((i) => i.status === 'processing'), finishing: context.finishRequested };
      case 'receiptChoice':
        return { name: 'receipt-choice', kind: 'return', count: items.filter((i) => i.status === 'returned').length, printerReady: printerReady(devices) };
      case 'printing':
        return { name: 'printing' };
      default:
        return { name: 'goodbye', receipt: context.receipt };
    }
  })();
  return { screen, secondsLeft: context.secondsLeft };
}

function loanViews(context: SnapshotFrom<AccountMachine>['context']): LoanView[] {
  return (context.account?.loans ?? []).map((loan) => {
    const hint = context.renewable[loan.itemId];
    const outcome = context.renewals.find((r) => r.itemId === loan.itemId);
    const view: LoanView = {
      itemId: loan.itemId,
      title: loan.title,
      dueDate: loan.dueDate,
      renewable: hint?.allowed ?? false,
      renewalReason: hint?.reason ?? '',
      renewing: context.renewing.includes(loan.itemId),
    };
    if (outcome !== undefined) view.renewal = outcome.ok ? { ok: true, dueDate: outcome.dueDate } : { ok: false, reason: outcome.reason };
    return view;
  });
}

export function accountView(snapshot: SnapshotFrom<AccountMachine>): SessionView {
  const { context } = snapshot;
  const flow = flowOf(snapshot.value);
  const screen = ((): ScreenView => {
    switch (flow) {
      case 'identifying':
        return identifyView(snapshot.children.identify?.getSnapshot() as SnapshotFrom<IdentifyMachine> | undefined, 'account');
      case 'loading':
        return { name: 'account-loading' };
      case 'unavailable':
        return { name: 'account-unavailable' };
      case 'overview':
      case 'renewing':
      case 'renewingAll':
        return {
          name: 'account',
          patronName: firstName(context.patron),
          loans: loanViews(context),
          holdsReady: (context.account?.holdsReady ?? []).map((h) => ({ ...h })),
          feesDkk: context.account?.feesDkk ?? 0,
          borrowingBlocked: { blocked: context.block?.blocked ?? false, reason: context.block?.reason ?? '' },
          busy: flow !== 'overview',
        };
      default:
        return { name: 'goodbye', receipt: null };
    }
  })();
  return { screen, secondsLeft: context.secondsLeft };
}

const ACTIVITY = { printing: 'printing', pulsing: 'pulsing', pinging: 'pinging', loadingQueue: 'loading-queue' } as const;

export function diagnosticsView(snapshot: SnapshotFrom<DiagnosticsMachine>): ScreenView {
  const { context } = snapshot;
  const state = String(snapshot.value);
  return {
    name: 'diagnostics',
    activity: ACTIVITY[state as keyof typeof ACTIVITY] ?? 'idle',
    devices: context.devices,
    reads: context.reads,
    print: context.print,
    lock: context.lock,
    ils: context.ils,
    queue: context.queue,
    summary: context.summary,
  };
}
