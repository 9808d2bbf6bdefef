// What the simulated ILS actually applied, per item, so the soak can check that the kiosk's
// journal and recovery never make it apply a checkout or a checkin twice.
import { type SimState } from '../../../ils/sim/sim-state';

export interface IlsApplication {
  kind: 'checkout' | 'checkin' | 'renewal';
  itemId: string;
  patronId?: string;
}

/** Wraps the state's circulation methods: every successful one is appended to `sink`. */
export function recordApplications(state: SimState, sink: IlsApplication[]): void {
  const checkout = state.checkout.bind(state);
  const checkin = state.checkin.bind(state);
  const renew = state.renew.bind(state);
  state.checkout = (patronId, itemId, options) => {
    const result = checkout(patronId, itemId, options);
    if (result.ok) sink.push({ kind: result.renewal ? 'renewal' : 'checkout', itemId, patronId });
    return result;
  };
  state.checkin = (itemId) => {
    const result = checkin(itemId);
    if (result.ok) sink.push({ kind: 'checkin', itemId });
    return result;
  };
  state.renew = (patronId, itemId, options) => {
    const result = renew(patronId, itemId, options);
    if (result.ok) sink.push({ kind: 'renewal', itemId, patronId });
    return result;
  };
}
