// Runs the real checkout machine (with the real identify machine inside) on fakes (tests only).
import { createActor, SimulatedClock } from 'xstate';
import { identifyMachine } from '../identify/identify-machine';
import type { CardRead, CheckoutOutcome, PatronFacts, PinCredentials, PlacedTag, ReceiptRequest, VerifyResult } from '../ports';
import type { CheckoutRules } from '../shared/rules';
import type { SessionConfig } from '../shared/session';
import { controllable } from '../fakes.testkit';
import { createCheckoutMachine } from './checkout-machine';
import type { CheckoutItemInput } from './checkout-types';

export const fakeCheckoutRules: CheckoutRules = {
  borrowingBlock: (p: PatronFacts) =>
    p.cardLost
      ? { blocked: true, reason: 'card-lost' }
      : p.feesDkk >= 200
        ? { blocked: true, reason: 'fees' }
        : p.borrowingBlocked
          ? { blocked: true, reason: 'ils-block' }
          : { blocked: false, reason: 'ok' },
  itemRefusal: () => null,
};

export function tag(itemId: string | null, partNumber = 1, partsInSet = 1, uid = `E0${itemId ?? 'XX'}${partNumber}`): PlacedTag {
  return { uid, itemId, partNumber, partsInSet };
}

export function startCheckout(options: { rules?: CheckoutRules; config?: Partial<SessionConfig>; card?: CardRead } = {}) {
  const clock = new SimulatedClock();
  const verify = controllable<VerifyResult, PinCredentials>();
  const cache = controllable<VerifyResult, PinCredentials>();
  const checkoutItem = controllable<CheckoutOutcome, CheckoutItemInput>();
  const printReceipt = controllable<void, ReceiptRequest>();
  const endSession = controllable<void, { card: CardRead }>();
  const machine = createCheckoutMachine(options.rules ?? fakeCheckoutRules).provide({
    actors: {
      identify: identifyMachine.provide({ actors: { verifyPin: verify.logic, verifyCached: cache.logic } }),
      checkoutItem: checkoutItem.logic,
      printReceipt: printReceipt.logic,
      endSession: endSession.logic,
    },
  });
  const actor = createActor(machine, { clock, input: { config: options.config ?? {}, card: options.card ?? null } });
  actor.start();
  const send = (...events: Parameters<typeof actor.send>[0][]) => events.forEach((e) => actor.send(e));
  const typePin = (pin: string) => [...pin].forEach((digit) => actor.send({ type: 'PIN_DIGIT', digit }));
  const flow = () => {
    const value = actor.getSnapshot().value;
    return typeof value === 'string' ? value : (value as { session: { flow: unknown } }).session.flow;
  };
  return { actor, clock, verify, cache, checkoutItem, printReceipt, endSession, send, typePin, flow };
}
