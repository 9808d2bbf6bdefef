// The kiosk machine's services (state-machines/machine-services.ts KioskServices), each a line that hands the
// machine's request to the runtime module that does it.
import type { KioskServices, OfflineQueueEntry } from '../../state-machines';
import { type Clock } from '../clock';
import { type Logger } from '../log';
import { type PatronVerifier } from '../patrons/patron-verifier';
import { type Site } from '../setup/open-site';
import { loadAccount, renewAll, renewItem } from './account';
import { checkinItem, checkoutItem, type CirculationDeps } from './circulation';
import { type KioskHardware } from './kiosk-hardware';
import { verifyCachedForBorrowing } from '../patrons/offline-identification';
import { receiptFor, testReceipt } from './receipts';
import { type TechnicianAccess } from './technician-access';

export interface KioskServiceDeps {
  site: Site;
  clock: Clock;
  log: Logger;
  hardware: KioskHardware;
  circulation: CirculationDeps;
  verifier: PatronVerifier;
  technician: TechnicianAccess;
  /** Printed at the top of receipts. */
  libraryName: string;
}

/** The offline queue as diagnostics lists it: no patron identity. */
function offlineQueueView(site: Site): OfflineQueueEntry[] {
  return site.store.offlineQueue.list({ limit: 50 }).map((tx) => ({
    id: tx.id,
    kind: tx.kind === 'renewal' ? 'renew' : tx.kind,
    itemId: tx.itemId,
    at: tx.occurredAt.toISOString(),
    state: tx.status === 'done' ? 'replayed' : tx.status === 'refused' ? 'refused' : 'pending',
    ...(tx.ilsMessage ? { detail: tx.ilsMessage } : {}),
  }));
}

/** One SIP2 status round trip, timed, for diagnostics. */
async function ilsRoundTrip(site: Site): Promise<{ ok: boolean; ms: number; detail?: string }> {
  const start = performance.now();
  try {
    const status = await site.ilsConnection.ils.status();
    return { ok: status.online, ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - start), detail: (error as Error).message };
  }
}

export function kioskServices(deps: KioskServiceDeps): KioskServices {
  const { site, clock, log, circulation, verifier, technician, libraryName } = deps;
  const { ils } = site.ilsConnection;
  const { printer } = deps.hardware.devices;
  return {
    verifyPin: (input) => verifier.verifyPin(input),
    // Offline the kiosk asks the cache whether the patron may borrow (the door asks about entry).
    verifyCached: (input) => verifyCachedForBorrowing({ store: site.store, clock, place: 'kiosk', profile: site.profile }, input),
    checkoutItem: (input) => checkoutItem(circulation, input),
    checkinItem: (input) => checkinItem(circulation, input),
    printReceipt: (request) => printer.print(receiptFor(request, { libraryName, printedAt: clock.now() })),
    endSession: async ({ card }) => {
      await ils.endSession(card.patronId).catch((error: unknown) => log.warn('ils.end-session-failed', { error }));
    },
    loadAccount: (input) => loadAccount({ ils, log }, input),
    renewItem: (input) => renewItem({ ils, log }, input),
    renewAll: (input) => renewAll({ ils, log }, input),
    // A patron's card on the start screen is not a technician attempt: it starts borrowing.
    checkTechnician: async (credential) => ('code' in credential ? technician.checkCode(credential.code) : false),
    testPrint: () => printer.print(testReceipt(libraryName, clock.now())),
    pulseLock: ({ ms }) => technician.pulseLock(ms),
    ilsRoundTrip: () => ilsRoundTrip(site),
    loadOfflineQueue: async () => offlineQueueView(site),
  };
}
