// Checkout and return of one item at the kiosk (checkout.ts, checkin.ts), and what they share
// (circulation-deps.ts). A crash between two steps is repaired from the journal at the next start
// (store/journal-recovery), when the ILS comes back, and when the item is placed on the pad again.
export { checkoutItem } from './checkout';
export { checkinItem, destinationOf } from './checkin';
export { type CirculationDeps, type TagOnPad } from './circulation-deps';
