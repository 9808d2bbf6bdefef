import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import type { PinCredentials, VerifyResult } from '../ports';
import { card, controllable, patron, settle } from '../fakes.testkit';
import { identifyMachine } from './identify-machine';
import type { IdentifyInput } from './identify-types';

const c = card('0303031234');

function start(input: IdentifyInput = {}) {
  const clock = new SimulatedClock();
  const verify = controllable<VerifyResult, PinCredentials>();
  const cache = controllable<VerifyResult, PinCredentials>();
  const actor = createActor(identifyMachine.provide({ actors: { verifyPin: verify.logic, verifyCached: cache.logic } }), { clock, input });
  actor.start();
  const enterPin = (pin: string) => {
    for (const digit of pin) actor.send({ type: 'PIN_DIGIT', digit });
    actor.send({ type: 'PIN_ENTER' });
  };
  return { actor, clock, verify, cache, enterPin };
}

describe('identify', () => {
  it('card, PIN, ILS: finishes with the patron', async () => {
    const id = start();
    expect(id.actor.getSnapshot().value).toBe('waitingForCard');
    id.actor.send({ type: 'CARD_READ', card: c });
    id.enterPin('4321');
    expect(id.verify.last().input).toEqual({ card: c, pin: '4321' });
    id.verify.last().resolve({ outcome: 'valid', patron: patron(), source: 'ils' });
    await settle();
    expect(id.actor.getSnapshot().output).toEqual({ identified: true, card: c, patron: patron(), source: 'ils' });
  });

  it('starts at the PIN with a card given as input; PIN_ENTER before 4 digits is ignored', () => {
    const id = start({ card: c });
    expect(id.actor.getSnapshot().value).toBe('pinEntry');
    id.enterPin('432');
    expect(id.actor.getSnapshot().value).toBe('pinEntry');
    id.actor.send({ type: 'PIN_BACKSPACE' });
    id.actor.send({ type: 'PIN_CLEAR' });
    expect(id.actor.getSnapshot().context.pin).toBe('');
  });

  it('never lets the cache answer for a slow ILS: waits for its answer, then refuses as unavailable at the backstop', async () => {
    const id = start({ card: c, config: { ilsTimeoutMs: 5_000, verifyTimeoutMs: 700 } });
    id.enterPin('4321');
    id.clock.increment(4_000);
    expect(id.actor.getSnapshot().value).toBe('verifying');
    expect(id.cache.calls).toHaveLength(0);
    id.clock.increment(1_000);
    expect(id.actor.getSnapshot().value).toBe('refused');
    expect(id.actor.getSnapshot().context).toMatchObject({ pin: '', refusal: { reason: 'unavailable' } });
    // A late "lost card" from the ILS changes nothing now, and the cache was never asked.
    id.verify.last().resolve({ outcome: 'valid', patron: patron({ cardLost: true }), source: 'ils' });
    await settle();
    expect(id.actor.getSnapshot().value).toBe('refused');
    expect(id.cache.calls).toHaveLength(0);
  });

  it('after a wrong PIN lets the patron type again; a locked card shows until when', async () => {
    const id = start({ card: c });
    id.enterPin('1111');
    id.verify.last().resolve({ outcome: 'wrong-pin', attemptsLeft: 1 });
    await settle();
    expect(id.actor.getSnapshot().context.refusal).toEqual({ reason: 'wrong-pin', attemptsLeft: 1 });
    id.enterPin('2222');
    expect(id.verify.last().input.pin).toBe('2222');
    id.verify.last().resolve({ outcome: 'card-locked', until: '2025-01-01T10:15:00Z' });
    await settle();
    expect(id.actor.getSnapshot().context.refusal).toEqual({ reason: 'card-locked', lockedUntil: '2025-01-01T10:15:00Z' });
    id.actor.send({ type: 'PIN_DIGIT', digit: '3' });
    expect(id.actor.getSnapshot().value).toBe('refused');
  });

  it('falls back to the cache when the ILS is unavailable, and CANCEL ends unidentified', async () => {
    const id = start({ card: c });
    id.enterPin('4321');
    id.verify.last().resolve({ outcome: 'unavailable', detail: 'offline' });
    await settle();
    expect(id.actor.getSnapshot().value).toBe('verifyingCache');
    id.cache.last().resolve({ outcome: 'offline-unknown' });
    await settle();
    expect(id.actor.getSnapshot().context.refusal).toEqual({ reason: 'offline-unknown' });
    id.actor.send({ type: 'CANCEL' });
    expect(id.actor.getSnapshot().output).toEqual({ identified: false });
  });
});
