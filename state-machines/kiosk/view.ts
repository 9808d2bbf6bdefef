// `toView`: the kiosk snapshot (with its session child) as a plain JSON view model for the
// renderer. Call it in the runtime on every snapshot (see `viewInspector`) and send the result
// over IPC / WebSocket; the renderer never receives a raw snapshot.
import type { AnyActorRef, InspectionEvent, SnapshotFrom } from 'xstate';
import type { AccountMachine } from '../account/account-machine';
import type { CheckoutMachine } from '../checkout/checkout-machine';
import type { DiagnosticsMachine } from '../diagnostics/diagnostics-machine';
import type { ReturnMachine } from '../return/return-machine';
import type { KioskMachine } from './kiosk-machine';
import { accountView, checkoutView, diagnosticsView, returnView, type SessionView } from './session-views';
import type { KioskView, ScreenView } from './view-types';

type KioskSnapshot = SnapshotFrom<KioskMachine>;

function sessionView(snapshot: KioskSnapshot): SessionView {
  const { context } = snapshot;
  const child = (snapshot.children as Record<string, AnyActorRef | undefined>).session?.getSnapshot() as unknown;
  const state = String(snapshot.value);
  const wait: SessionView = { screen: { name: 'please-wait' }, secondsLeft: null };
  if (child === undefined) {
    if (state === 'start') return { screen: { name: 'start', accountAvailable: context.online, notice: context.notice }, secondsLeft: null };
    return wait;
  }
  switch (state) {
    case 'borrowing':
      return checkoutView(child as SnapshotFrom<CheckoutMachine>, context.devices);
    case 'returning':
      return returnView(child as SnapshotFrom<ReturnMachine>, context.devices);
    case 'account':
      return accountView(child as SnapshotFrom<AccountMachine>);
    case 'diagnostics':
      return { screen: diagnosticsView(child as SnapshotFrom<DiagnosticsMachine>), secondsLeft: null };
    default:
      return wait;
  }
}

export function toView(snapshot: KioskSnapshot): KioskView {
  const { context } = snapshot;
  const { screen, secondsLeft }: { screen: ScreenView; secondsLeft: number | null } = sessionView(snapshot);
  return {
    screen,
    language: context.language,
    online: context.online,
    offline: context.online ? null : { works: ['borrow', 'return'], unavailable: ['account'] },
    inactivity: secondsLeft === null ? null : { secondsLeft },
    devices: context.devices,
  };
}

/**
 * An `inspect` option for `createActor(kiosk, { inspect })` that calls `onChange` whenever the
 * kiosk or any actor inside it (session, identification) has a new snapshot; the parent's own
 * subscription does not fire for its children's changes.
 */
export function viewInspector(onChange: () => void) {
  return (event: InspectionEvent) => {
    if (event.type === '@xstate.snapshot') onChange();
  };
}
