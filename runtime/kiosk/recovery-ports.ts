// Journal recovery's view of the world at the kiosk: the ILS's word on an item (SIP2 17), the pad
// for the tags, and a checkin with the original date (SIP2 09).
import { type Ils, isOnLoan } from '../../ils';
import { type ItemCirculation, type RecoveryPorts } from '../../store/index';

export function recoveryPorts(ils: Ils, pad: { writeAfi(uid: string, afi: number): Promise<void> }): RecoveryPorts {
  return {
    itemStatus: async (itemId): Promise<ItemCirculation> => {
      const info = await ils.itemInformation(itemId);
      if (!info.found) return 'unknown';
      if (isOnLoan(info.circulationStatus)) return 'checked-out';
      if (info.circulationStatus === 'on-hold-shelf') return 'on-hold-shelf';
      if (info.circulationStatus === 'in-transit') return 'in-transit';
      return 'available';
    },
    writeAfi: async ({ tagUid }, afi) => {
      if (tagUid === null) throw new Error('the journal does not name the tag');
      await pad.writeAfi(tagUid, afi);
    },
    replay: async (tx) => {
      const result = await ils.checkin({ itemId: tx.itemId, offline: { returnDate: tx.occurredAt } });
      return { ok: result.ok, ...(result.screenMessages.length ? { message: result.screenMessages.join(' ') } : {}) };
    },
  };
}
