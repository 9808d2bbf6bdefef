// The view model the renderer shows: plain JSON, one screen at a time. It never holds a CPR,
// a card number or a PIN digit (only the PIN's length); patrons appear by first name only.
import type { IdentifyRefusal } from '../identify/identify-types';
import type { DeviceState, DiagnosticsSummary, HoldReady, IlsRoundTrip, OfflineQueueEntry, ReturnDestination } from '../ports';
import type { LiveRead, TestResult } from '../diagnostics/diagnostics-types';
import type { Language } from '../shared/events';
import type { KioskNotice } from './kiosk-types';

export type ItemViewStatus =
  | 'waiting'
  | 'incomplete-set'
  | 'unreadable'
  | 'processing'
  | 'borrowed'
  | 'renewed'
  | 'returned'
  | 'refused';

export interface ItemView {
  key: string;
  itemId: string | null;
  status: ItemViewStatus;
  title?: string;
  dueDate?: string;
  /** Why an item was refused (CheckoutRefusal / check-in reason), for the message catalogue. */
  reason?: string;
  destination?: ReturnDestination;
  branch?: string;
  sortBin?: string;
  partsPresent: number;
  partsInSet: number;
}

export interface LoanView {
  itemId: string;
  title: string;
  dueDate: string;
  renewable: boolean;
  /** The profile's reason when it would refuse a renewal. */
  renewalReason: string;
  renewing: boolean;
  /** The latest renewal attempt for this loan, if any. */
  renewal?: { ok: true; dueDate: string } | { ok: false; reason: string };
}

export type ScreenView =
  | { name: 'start'; accountAvailable: boolean; notice: KioskNotice | null }
  | { name: 'please-wait' }
  | {
      name: 'identify';
      purpose: 'borrow' | 'account';
      step: 'scan-card' | 'enter-pin' | 'verifying' | 'refused';
      /** The masked card as the runtime masked it; never the number itself. */
      card: string | null;
      pinLength: number;
      pinMaxLength: number;
      refusal: IdentifyRefusal | null;
    }
  | { name: 'borrow-blocked'; patronName: string; reason: string; feesDkk: number }
  | { name: 'checkout'; patronName: string; items: ItemView[]; busy: boolean; finishing: boolean }
  | { name: 'return'; items: ItemView[]; busy: boolean; finishing: boolean }
  | { name: 'receipt-choice'; kind: 'checkout' | 'return'; count: number; printerReady: boolean }
  | { name: 'printing' }
  | { name: 'goodbye'; receipt: 'printed' | 'failed' | null }
  | { name: 'account-loading' }
  | { name: 'account-unavailable' }
  | {
      name: 'account';
      patronName: string;
      loans: LoanView[];
      holdsReady: HoldReady[];
      feesDkk: number;
      borrowingBlocked: { blocked: boolean; reason: string };
      busy: boolean;
    }
  | {
      name: 'diagnostics';
      activity: 'idle' | 'printing' | 'pulsing' | 'pinging' | 'loading-queue';
      devices: DeviceState[];
      reads: LiveRead[];
      print: TestResult | null;
      lock: TestResult | null;
      ils: IlsRoundTrip | null;
      queue: OfflineQueueEntry[] | null;
      summary: DiagnosticsSummary;
    };

export interface KioskView {
  screen: ScreenView;
  language: Language;
  online: boolean;
  /** While offline: what still works (borrowing for cached patrons within the offline limit, returns). */
  offline: { works: ('borrow' | 'return')[]; unavailable: 'account'[] } | null;
  /** The inactivity warning, counting down. */
  inactivity: { secondsLeft: number } | null;
  devices: DeviceState[];
}
