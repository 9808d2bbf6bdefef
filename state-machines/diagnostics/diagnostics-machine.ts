// Diagnostics: device states (from the runtime's DEVICE_STATUS events), live reads (masked),
// test print, lock pulse, ILS round trip with timing, offline queue, version and settings.
// One test at a time; EXIT or a long idle period leaves.
import { assign, setup } from 'xstate';
import type { IlsRoundTrip, OfflineQueueEntry } from '../ports';
import { notProvidedActor } from '../shared/placeholders';
import {
  DEFAULT_DIAGNOSTICS_CONFIG,
  type DiagnosticsContext,
  type DiagnosticsEvent,
  type DiagnosticsInput,
  type LockPulseOutcome,
  type TestResult,
} from './diagnostics-types';
import { addRead, liveReadOf, updateDevice } from './live-reads';

const failure = (error: unknown): TestResult => ({ ok: false, detail: error instanceof Error ? error.message : String(error) });
const liveRead = { actions: 'recordRead' } as const;

export const diagnosticsMachine = setup({
  types: {} as { context: DiagnosticsContext; events: DiagnosticsEvent; input: DiagnosticsInput },
  actors: {
    testPrint: notProvidedActor<void, void>('testPrint'),
    pulseLock: notProvidedActor<LockPulseOutcome, { ms: number }>('pulseLock'),
    ilsRoundTrip: notProvidedActor<IlsRoundTrip, void>('ilsRoundTrip'),
    loadOfflineQueue: notProvidedActor<OfflineQueueEntry[], void>('loadOfflineQueue'),
  },
  actions: {
    recordDevice: assign(({ context, event }) =>
      event.type === 'DEVICE_STATUS' ? { devices: updateDevice(context.devices, event.status) } : {},
    ),
    recordRead: assign(({ context, event }) => {
      const read = liveReadOf(event);
      if (read === null) return {};
      return { reads: addRead(context.reads, read, context.seq + 1, context.config.maxReads), seq: context.seq + 1 };
    }),
    printResult: assign((_, print: TestResult) => ({ print })),
    lockResult: assign((_, lock: TestResult) => ({ lock })),
    ilsResult: assign((_, ils: IlsRoundTrip) => ({ ils })),
    showQueue: assign((_, queue: OfflineQueueEntry[]) => ({ queue })),
  },
  delays: {
    idleExit: ({ context }) => context.config.idleExitMs,
  },
}).createMachine({
  id: 'diagnostics',
  context: ({ input }) => ({
    config: { ...DEFAULT_DIAGNOSTICS_CONFIG, ...input.config },
    summary: input.summary,
    devices: (input.devices ?? []).reduce<DiagnosticsContext['devices']>((all, d) => updateDevice(all, d), []),
    reads: [],
    seq: 0,
    print: null,
    lock: null,
    ils: null,
    queue: null,
  }),
  initial: 'loadingQueue',
  on: {
    DEVICE_STATUS: { actions: 'recordDevice' },
    CARD_READ: liveRead,
    PIN_DIGIT: liveRead,
    PIN_BACKSPACE: liveRead,
    PIN_CLEAR: liveRead,
    PIN_ENTER: liveRead,
    ITEM_PLACED: liveRead,
    ITEM_REMOVED: liveRead,
    EXIT: '.done',
  },
  states: {
    ready: {
      after: { idleExit: 'done' },
      on: {
        TEST_PRINT: 'printing',
        LOCK_PULSE: 'pulsing',
        ILS_ROUND_TRIP: 'pinging',
        LOAD_QUEUE: 'loadingQueue',
      },
    },
    printing: {
      invoke: {
        src: 'testPrint',
        onDone: { target: 'ready', actions: { type: 'printResult', params: { ok: true } } },
        onError: { target: 'ready', actions: { type: 'printResult', params: ({ event }) => failure(event.error) } },
      },
    },
    pulsing: {
      invoke: {
        src: 'pulseLock',
        input: ({ context }) => ({ ms: context.config.lockPulseMs }),
        onDone: { target: 'ready', actions: { type: 'lockResult', params: ({ event }) => event.output } },
        onError: { target: 'ready', actions: { type: 'lockResult', params: ({ event }) => failure(event.error) } },
      },
    },
    pinging: {
      invoke: {
        src: 'ilsRoundTrip',
        onDone: { target: 'ready', actions: { type: 'ilsResult', params: ({ event }) => event.output } },
        onError: { target: 'ready', actions: { type: 'ilsResult', params: ({ event }) => ({ ...failure(event.error), ms: 0 }) } },
      },
    },
    loadingQueue: {
      invoke: {
        src: 'loadOfflineQueue',
        onDone: { target: 'ready', actions: { type: 'showQueue', params: ({ event }) => event.output } },
        onError: 'ready',
      },
    },
    done: { type: 'final' },
  },
});

export type DiagnosticsMachine = typeof diagnosticsMachine;
