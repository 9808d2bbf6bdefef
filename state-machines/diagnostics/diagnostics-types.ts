// Diagnostics mode for technicians.
import type { DeviceState, DiagnosticsSummary, IlsRoundTrip, OfflineQueueEntry } from '../ports';
import type { CardReadEvent, DeviceStatusEvent, PinEvent, TagEvent } from '../shared/events';

export interface DiagnosticsConfig {
  lockPulseMs: number;
  /** Diagnostics closes itself after this long without a technician's action. */
  idleExitMs: number;
  /** How many live reads are kept on screen. */
  maxReads: number;
}

export const DEFAULT_DIAGNOSTICS_CONFIG: DiagnosticsConfig = { lockPulseMs: 1_000, idleExitMs: 300_000, maxReads: 20 };

export interface DiagnosticsInput {
  summary: DiagnosticsSummary;
  devices?: DeviceState[];
  config?: Partial<DiagnosticsConfig>;
}

/** A live read as shown to the technician: cards masked, PIN keys without their digit. */
export type LiveRead = { seq: number } & (
  | { kind: 'card'; cardKind: 'health-card' | 'library-card'; masked: string }
  | { kind: 'pin-key'; key: 'digit' | 'backspace' | 'clear' | 'enter' }
  | { kind: 'tag-placed'; uid: string; itemId: string | null; partNumber: number; partsInSet: number; error?: string }
  | { kind: 'tag-removed'; uid: string }
);

export interface TestResult {
  ok: boolean;
  detail?: string;
  /** The runtime would not run the test, and why (the screen explains it). */
  refused?: LockPulseRefusal;
}

/** The lock is not pulsed during unstaffed hours (see runtime/kiosk/technician-access.ts). */
export type LockPulseRefusal = 'unstaffed-hours';
export type LockPulseOutcome = { ok: true } | { ok: false; refused: LockPulseRefusal };

export interface DiagnosticsContext {
  config: DiagnosticsConfig;
  summary: DiagnosticsSummary;
  devices: DeviceState[];
  reads: LiveRead[];
  seq: number;
  print: TestResult | null;
  lock: TestResult | null;
  ils: IlsRoundTrip | null;
  queue: OfflineQueueEntry[] | null;
}

export type DiagnosticsEvent =
  | DeviceStatusEvent
  | CardReadEvent
  | PinEvent
  | TagEvent
  | { type: 'TEST_PRINT' }
  | { type: 'LOCK_PULSE' }
  | { type: 'ILS_ROUND_TRIP' }
  | { type: 'LOAD_QUEUE' }
  | { type: 'EXIT' };
