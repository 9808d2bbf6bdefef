// After a lost answer to a checkout or checkin, the ILS is asked what happened before
// anything is sent again, so nothing is done twice. Renewals and payments are never
// repeated: their outcome is reported as unknown instead (see README).
import { IlsOutcomeUnknownError } from '../errors';
import {
  type CheckinRequest,
  type CheckinResult,
  type CheckoutRequest,
  type CheckoutResult,
  isOnLoan,
  type ItemInformation,
  type PatronInformation,
  type PatronList,
} from '../ils-port';

export interface RecoveryOperations {
  itemInformation(itemId: string): Promise<ItemInformation>;
  patronInformation(patronId: string, options: { pin?: string; lists: PatronList[] }): Promise<PatronInformation>;
  checkoutOnce(request: CheckoutRequest): Promise<CheckoutResult>;
  checkinOnce(request: CheckinRequest): Promise<CheckinResult>;
}

const ROUNDS = 2;

export async function recoverCheckout(ops: RecoveryOperations, request: CheckoutRequest, lost: IlsOutcomeUnknownError): Promise<CheckoutResult> {
  let cause: unknown = lost;
  for (let round = 0; round < ROUNDS; round += 1) {
    let item: ItemInformation;
    let patron: PatronInformation | undefined;
    try {
      item = await ops.itemInformation(request.itemId);
      if (isOnLoan(item.circulationStatus)) {
        patron = await ops.patronInformation(request.patronId, { ...(request.pin ? { pin: request.pin } : {}), lists: ['loans'] });
      }
    } catch (error) {
      cause = error;
      break;
    }
    if (patron) {
      const loan = patron.loans.find((l) => l.itemId === request.itemId);
      const dueDate = item.dueDate ?? loan?.dueDate;
      const title = item.title ?? loan?.title;
      // On loan to this patron: our checkout went through. To someone else: it did not.
      return {
        ok: loan !== undefined,
        itemId: request.itemId,
        ...(title ? { title } : {}),
        ...(loan && dueDate ? { dueDate } : {}),
        renewal: false,
        screenMessages: [],
        recovered: true,
      };
    }
    // Not on loan: the checkout never happened, so sending it again cannot double it.
    try {
      return await ops.checkoutOnce(request);
    } catch (error) {
      if (!(error instanceof IlsOutcomeUnknownError)) throw error;
      cause = error;
    }
  }
  throw new IlsOutcomeUnknownError('checkout', 'no answer to a checkout, and its outcome could not be read back', { cause });
}

export async function recoverCheckin(ops: RecoveryOperations, request: CheckinRequest, lost: IlsOutcomeUnknownError): Promise<CheckinResult> {
  let cause: unknown = lost;
  for (let round = 0; round < ROUNDS; round += 1) {
    let item: ItemInformation;
    try {
      item = await ops.itemInformation(request.itemId);
    } catch (error) {
      cause = error;
      break;
    }
    if (!isOnLoan(item.circulationStatus)) {
      // Returned: say where it goes as far as item information tells.
      const alertType = item.circulationStatus === 'on-hold-shelf' ? 'hold-here' : item.circulationStatus === 'in-transit' ? 'send-to-other-branch' : undefined;
      return {
        ok: true,
        itemId: request.itemId,
        ...(item.title ? { title: item.title } : {}),
        resensitize: true,
        alert: alertType !== undefined,
        ...(alertType ? { alertType } : {}),
        ...(item.destination ? { destination: item.destination } : {}),
        ...(item.permanentLocation ? { permanentLocation: item.permanentLocation } : {}),
        screenMessages: [],
        recovered: true,
      };
    }
    try {
      return await ops.checkinOnce(request);
    } catch (error) {
      if (!(error instanceof IlsOutcomeUnknownError)) throw error;
      cause = error;
    }
  }
  throw new IlsOutcomeUnknownError('checkin', 'no answer to a checkin, and its outcome could not be read back', { cause });
}
