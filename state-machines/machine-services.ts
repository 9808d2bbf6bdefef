// One place for the runtime to plug its services into the machines: plain async functions in,
// fully provided machines out (nested session and identification machines included). Each
// service gets the machine's input and an AbortSignal that fires when the machine stops
// waiting (e.g. the ILS was too slow and the cache answered).
import { fromPromise } from 'xstate';
import type { RenewAllInput, RenewItemInput } from './account/account-types';
import { createAccountMachine } from './account/account-machine';
import { createCheckoutMachine } from './checkout/checkout-machine';
import type { CheckoutItemInput } from './checkout/checkout-types';
import { diagnosticsMachine } from './diagnostics/diagnostics-machine';
import { createDoorMachine } from './door/door-machine';
import { identifyMachine } from './identify/identify-machine';
import { createKioskMachine } from './kiosk/kiosk-machine';
import type { KioskRules, TechnicianAnswer } from './kiosk/kiosk-types';
import type { LockPulseOutcome } from './diagnostics/diagnostics-types';
import type {
  CardRead,
  CheckinOutcome,
  CheckoutOutcome,
  DoorEntryLog,
  IlsRoundTrip,
  OfflineQueueEntry,
  PatronAccount,
  PinCredentials,
  ReceiptRequest,
  RenewOutcome,
  TechnicianCredential,
  VerifyResult,
} from './ports';
import { returnMachine } from './return/return-machine';
import type { CheckinItemInput } from './return/return-types';
import type { DoorRules } from './shared/rules';

type Service<TInput, TOutput> = (input: TInput, signal: AbortSignal) => Promise<TOutput>;

const actor = <TInput, TOutput>(service: Service<TInput, TOutput>) =>
  fromPromise<TOutput, TInput>(({ input, signal }) => service(input, signal));

export interface VerifyServices {
  /** Card + PIN against the ILS (the runtime may answer from the cache when it knows it is offline). */
  verifyPin: Service<PinCredentials, VerifyResult>;
  /** Card + PIN against the local credential cache only. */
  verifyCached: Service<PinCredentials, VerifyResult>;
}

export interface DoorServices extends VerifyServices {
  releaseLock: Service<{ ms: number }, void>;
  /** Called once per attempt (twice when the relay fails after an allowed entry: 'lock-failed');
   * must not throw (log failures elsewhere). An allowed entry
   * must be written durably before it returns: the lock is released only after it. */
  logEntry(entry: DoorEntryLog): void;
  /** False when the last access-log write failed: an allowed entry is then refused. */
  accessLogWritable(): boolean;
}

export interface KioskServices extends VerifyServices {
  checkoutItem: Service<CheckoutItemInput, CheckoutOutcome>;
  checkinItem: Service<CheckinItemInput, CheckinOutcome>;
  printReceipt: Service<ReceiptRequest, void>;
  endSession: Service<{ card: CardRead }, void>;
  loadAccount: Service<{ card: CardRead }, PatronAccount>;
  renewItem: Service<RenewItemInput, RenewOutcome>;
  renewAll: Service<RenewAllInput, RenewOutcome[]>;
  /** Rate-limited and logged by the runtime; 'locked' while technician access is locked out. */
  checkTechnician: Service<TechnicianCredential, TechnicianAnswer>;
  testPrint: Service<void, void>;
  /** Logged by the runtime before the lock moves; may refuse (e.g. during unstaffed hours). */
  pulseLock: Service<{ ms: number }, LockPulseOutcome>;
  ilsRoundTrip: Service<void, IlsRoundTrip>;
  loadOfflineQueue: Service<void, OfflineQueueEntry[]>;
}

export function createDoor(rules: DoorRules, services: DoorServices) {
  return createDoorMachine(rules).provide({
    actors: {
      verifyPin: actor(services.verifyPin),
      verifyCached: actor(services.verifyCached),
      releaseLock: actor(services.releaseLock),
    },
    actions: { logEntry: (_, entry) => services.logEntry(entry) },
    guards: { accessLogWritable: () => services.accessLogWritable() },
  });
}

export function createKiosk(rules: KioskRules, services: KioskServices) {
  const identify = identifyMachine.provide({
    actors: { verifyPin: actor(services.verifyPin), verifyCached: actor(services.verifyCached) },
  });
  const endSession = actor(services.endSession);
  const printReceipt = actor(services.printReceipt);
  return createKioskMachine(rules).provide({
    actors: {
      checkout: createCheckoutMachine(rules.checkout).provide({
        actors: { identify, checkoutItem: actor(services.checkoutItem), printReceipt, endSession },
      }),
      return: returnMachine.provide({ actors: { checkinItem: actor(services.checkinItem), printReceipt } }),
      account: createAccountMachine(rules.account).provide({
        actors: {
          identify,
          loadAccount: actor(services.loadAccount),
          renewItem: actor(services.renewItem),
          renewAll: actor(services.renewAll),
          endSession,
        },
      }),
      diagnostics: diagnosticsMachine.provide({
        actors: {
          testPrint: actor(services.testPrint),
          pulseLock: actor(services.pulseLock),
          ilsRoundTrip: actor(services.ilsRoundTrip),
          loadOfflineQueue: actor(services.loadOfflineQueue),
        },
      }),
      checkTechnician: actor(services.checkTechnician),
      endSession,
    },
  });
}
