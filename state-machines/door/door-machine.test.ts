import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { card, patron, settle, fakeDoorRules } from '../testing/fakes';
import { createDoorMachine } from './door-machine';
import { toDoorView } from './door-view';
import { DAYTIME, NIGHT, startDoor } from './door-harness';

const adultCard = card('0101801234');
const childCard = card('0505151234');
const adult = patron({ name: 'Karen', birthDate: '1980-01-01' });
const child = patron({ name: 'Ida', birthDate: '2013-05-05' });
const teen = patron({ name: 'Bo', birthDate: '2009-01-01' });

async function verifiedAdult(door: ReturnType<typeof startDoor>) {
  door.actor.send({ type: 'CARD_READ', card: adultCard });
  door.typePin('1234');
  door.actor.send({ type: 'PIN_ENTER' });
  door.verify.last().resolve({ outcome: 'valid', patron: adult, source: 'ils' });
  await settle();
}

describe('door: a valid adult', () => {
  it('verifies card and PIN, releases the lock for releaseMs, logs one allowed entry', async () => {
    const door = startDoor({ rules: (now) => ({ ...fakeDoorRules(now), mayAccompany: () => false }) });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    expect(door.state()).toBe('pinEntry');
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    expect(door.state()).toBe('verifying');
    expect(door.verify.last().input).toEqual({ card: adultCard, pin: '1234' });
    door.verify.last().resolve({ outcome: 'valid', patron: adult, source: 'ils' });
    await settle();
    expect(door.state()).toBe('released');
    expect(door.release.last().input).toEqual({ ms: 5000 });
    expect(door.actor.getSnapshot().context.pin).toBe('');
    expect(door.logs).toEqual([
      { at: new Date(DAYTIME).toISOString(), decision: 'allowed', reason: 'allowed', card: adultCard },
    ]);
    door.clock.increment(4999);
    expect(door.state()).toBe('released');
    door.clock.increment(1);
    expect(door.state()).toBe('idle');
    expect(door.logs).toHaveLength(1);
  });
});

describe('door: PIN entry', () => {
  it('accepts exactly 4 digits by default: ENTER with 3 is ignored, a 5th digit is dropped', () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('123');
    door.actor.send({ type: 'PIN_ENTER' });
    expect(door.state()).toBe('pinEntry');
    door.typePin('45');
    expect(door.actor.getSnapshot().context.pin).toBe('1234');
    door.actor.send({ type: 'PIN_BACKSPACE' });
    expect(door.actor.getSnapshot().context.pin).toBe('123');
    door.actor.send({ type: 'PIN_CLEAR' });
    expect(door.actor.getSnapshot().context.pin).toBe('');
    door.actor.send({ type: 'PIN_DIGIT', digit: 'x' });
    expect(door.actor.getSnapshot().context.pin).toBe('');
  });

  it('honours a configured length range', () => {
    const door = startDoor({ config: { pinMinLength: 4, pinMaxLength: 6 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234567');
    expect(door.actor.getSnapshot().context.pin).toBe('123456');
    door.actor.send({ type: 'PIN_ENTER' });
    expect(door.state()).toBe('verifying');
  });

  it('abandons the attempt after the digit timeout, restarted by every key', () => {
    const door = startDoor({ config: { pinDigitTimeoutMs: 10_000 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.clock.increment(9_000);
    door.typePin('1');
    door.clock.increment(9_000);
    door.actor.send({ type: 'PIN_BACKSPACE' });
    door.clock.increment(9_999);
    expect(door.state()).toBe('pinEntry');
    door.clock.increment(1);
    expect(door.state()).toBe('denied');
    expect(door.logs).toEqual([{ at: new Date(DAYTIME).toISOString(), decision: 'denied', reason: 'pin-timeout', card: adultCard }]);
    door.clock.increment(4_000);
    expect(door.state()).toBe('idle');
  });

  it('logs an abandoned attempt when another card is read mid-PIN, then starts the new one', () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('12');
    door.actor.send({ type: 'CARD_READ', card: childCard });
    expect(door.state()).toBe('pinEntry');
    expect(door.actor.getSnapshot().context).toMatchObject({ card: childCard, pin: '' });
    expect(door.logs.map((l) => [l.reason, l.card.patronId])).toEqual([['abandoned', adultCard.patronId]]);
  });

  it('logs a cancelled attempt', () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.actor.send({ type: 'CANCEL' });
    expect(door.state()).toBe('denied');
    expect(door.logs.map((l) => l.reason)).toEqual(['cancelled']);
  });
});

describe('door: verification', () => {
  it('asks the cache when the ILS is slower than ilsSlowMs, and ignores the late ILS answer', async () => {
    const door = startDoor({ config: { ilsSlowMs: 800 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.clock.increment(799);
    expect(door.cache.calls).toHaveLength(0);
    door.clock.increment(1);
    expect(door.state()).toBe('verifyingCache');
    expect(door.cache.last().input).toEqual({ card: adultCard, pin: '1234' });
    door.verify.last().resolve({ outcome: 'wrong-pin', attemptsLeft: 2 });
    door.cache.last().resolve({ outcome: 'valid', patron: adult, source: 'cache' });
    await settle();
    expect(door.state()).toEqual({ accompanying: 'waitingForChild' });
    expect(door.actor.getSnapshot().context.source).toBe('cache');
    expect(door.release.calls).toHaveLength(1);
  });

  it.each([
    ['unavailable answer', (d: ReturnType<typeof startDoor>) => d.verify.last().resolve({ outcome: 'unavailable', detail: 'timeout' })],
    ['failure', (d: ReturnType<typeof startDoor>) => d.verify.last().reject(new Error('socket closed'))],
  ])('falls back to the cache on an ILS %s', async (_name, fail) => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    fail(door);
    await settle();
    expect(door.state()).toBe('verifyingCache');
    door.cache.last().resolve({ outcome: 'offline-unknown' });
    await settle();
    expect(door.state()).toBe('denied');
    expect(door.logs.map((l) => l.reason)).toEqual(['offline-unknown']);
  });

  it('refuses as unavailable when the cache does not answer in time', () => {
    const door = startDoor({ config: { ilsSlowMs: 100, verifyTimeoutMs: 200 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.clock.increment(100);
    door.clock.increment(199);
    expect(door.state()).toBe('verifyingCache');
    door.clock.increment(1);
    expect(door.state()).toBe('denied');
    expect(door.logs.map((l) => l.reason)).toEqual(['unavailable']);
  });

  it('shows a wrong PIN with the attempts left and lets the patron type again', async () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('5555');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'wrong-pin', attemptsLeft: 3 });
    await settle();
    expect(door.state()).toBe('denied');
    expect(door.actor.getSnapshot().context.outcome).toEqual({ decision: 'denied', reason: 'wrong-pin', attemptsLeft: 3 });
    door.typePin('9876');
    expect(door.state()).toBe('pinEntry');
    door.actor.send({ type: 'PIN_ENTER' });
    expect(door.verify.last().input).toEqual({ card: adultCard, pin: '9876' });
    door.verify.last().resolve({ outcome: 'card-locked', until: '2025-03-10T10:15:00.000Z' });
    await settle();
    expect(door.actor.getSnapshot().context.outcome).toEqual({
      decision: 'denied',
      reason: 'card-locked',
      lockedUntil: '2025-03-10T10:15:00.000Z',
    });
    expect(door.logs.map((l) => l.reason)).toEqual(['wrong-pin', 'card-locked']);
    expect(JSON.stringify(door.logs)).not.toMatch(/5555|9876/);
  });

  it('logs a card read while verifying as a busy refusal without disturbing the attempt', () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.actor.send({ type: 'CARD_READ', card: childCard });
    expect(door.state()).toBe('verifying');
    expect(door.logs).toEqual([{ at: new Date(DAYTIME).toISOString(), decision: 'denied', reason: 'busy', card: childCard }]);
  });
});

describe('door: unstaffed hours', () => {
  it('refuses at card read outside the hours and tells when the door next opens', () => {
    const door = startDoor({ start: NIGHT });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    expect(door.state()).toBe('closed');
    expect(door.actor.getSnapshot().context.outcome).toEqual({
      decision: 'denied',
      reason: 'outside-hours',
      nextOpening: '2025-03-11T07:00:00.000Z',
    });
    expect(door.logs.map((l) => l.reason)).toEqual(['outside-hours']);
    door.typePin('1234');
    expect(door.state()).toBe('closed');
    door.clock.increment(4000);
    expect(door.state()).toBe('idle');
  });
});

describe('door: children and accompanied entry', () => {
  it('refuses a child alone with the policy reason', async () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: childCard });
    door.typePin('4321');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'valid', patron: child, source: 'ils' });
    await settle();
    expect(door.state()).toBe('denied');
    expect(door.logs).toEqual([{ at: new Date(DAYTIME).toISOString(), decision: 'denied', reason: 'under-age', card: childCard }]);
    expect(door.release.calls).toHaveLength(0);
  });

  it('lets a child in with an adult: no PIN for the child, the lock released again, ONE log entry', async () => {
    const door = startDoor();
    await verifiedAdult(door);
    expect(door.state()).toEqual({ accompanying: 'waitingForChild' });
    expect(door.release.calls).toHaveLength(1);
    expect(door.logs).toHaveLength(0);
    door.clock.increment(10_000);
    door.actor.send({ type: 'CARD_READ', card: childCard });
    expect(door.lookup.last().input).toEqual({ card: childCard });
    door.lookup.last().resolve({ outcome: 'found', patron: child, source: 'ils' });
    await settle();
    expect(door.state()).toBe('accompaniedRelease');
    expect(door.release.calls).toHaveLength(2);
    expect(door.logs).toEqual([
      { at: new Date(DAYTIME).toISOString(), decision: 'allowed', reason: 'accompanied', card: adultCard, accompaniedBy: childCard },
    ]);
    door.clock.increment(5000);
    expect(door.state()).toBe('idle');
    expect(door.logs).toHaveLength(1);
  });

  it('logs the adult alone when no child comes within the window', async () => {
    const door = startDoor({ config: { accompanyWindowMs: 20_000 } });
    await verifiedAdult(door);
    door.clock.increment(19_999);
    expect(door.logs).toHaveLength(0);
    door.clock.increment(1);
    expect(door.state()).toBe('idle');
    expect(door.logs).toEqual([{ at: new Date(DAYTIME).toISOString(), decision: 'allowed', reason: 'allowed', card: adultCard }]);
  });

  it('sends a second person who may enter alone to their own PIN entry', async () => {
    const door = startDoor();
    await verifiedAdult(door);
    door.actor.send({ type: 'CARD_READ', card: childCard });
    door.lookup.last().resolve({ outcome: 'found', patron: teen, source: 'ils' });
    await settle();
    expect(door.state()).toBe('pinEntry');
    expect(door.actor.getSnapshot().context.card).toEqual(childCard);
    expect(door.logs.map((l) => [l.reason, l.card.patronId])).toEqual([['allowed', adultCard.patronId]]);
  });

  it.each([
    ['an unknown card', { outcome: 'unknown-card' } as const, 'unknown-card'],
    ['a lost card', { outcome: 'found', patron: patron({ birthDate: '2014-01-01', cardLost: true }), source: 'ils' } as const, 'card-lost'],
  ])('logs the adult, then refuses %s as its own attempt', async (_name, result, reason) => {
    const door = startDoor();
    await verifiedAdult(door);
    door.actor.send({ type: 'CARD_READ', card: childCard });
    door.lookup.last().resolve(result);
    await settle();
    expect(door.state()).toBe('denied');
    expect(door.logs.map((l) => [l.decision, l.reason, l.card.patronId])).toEqual([
      ['allowed', 'allowed', adultCard.patronId],
      ['denied', reason, childCard.patronId],
    ]);
  });

  it('does not open an accompany window for an adult under the companion age', async () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'valid', patron: teen, source: 'ils' });
    await settle();
    expect(door.state()).toBe('released');
  });
});

describe('door: injected side effects', () => {
  it('fails loudly when the runtime did not provide logEntry', () => {
    const machine = createDoorMachine(fakeDoorRules(() => new Date(NIGHT)));
    const errors: unknown[] = [];
    const actor = createActor(machine, { input: {} });
    actor.subscribe({ error: (e) => errors.push(e) });
    actor.start();
    actor.send({ type: 'CARD_READ', card: adultCard });
    expect(String(errors[0])).toContain("action 'logEntry' not provided");
  });
});

describe('door view', () => {
  it('shows the state, the PIN length and the outcome, never the card or the PIN', async () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('86');
    expect(toDoorView(door.actor.getSnapshot())).toEqual({ state: 'pin-entry', pinLength: 2, outcome: null, source: null });
    door.typePin('42');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'valid', patron: adult, source: 'ils' });
    await settle();
    const view = toDoorView(door.actor.getSnapshot());
    expect(view).toEqual({ state: 'waiting-for-child', pinLength: 0, outcome: { decision: 'allowed', reason: 'allowed' }, source: 'ils' });
    expect(JSON.stringify(view)).not.toMatch(/0101801234|8642/);
  });
});

describe('door: lock failures', () => {
  it('keeps running when the lock driver fails; the entry stays logged once', async () => {
    const door = startDoor({ rules: (now) => ({ ...fakeDoorRules(now), mayAccompany: () => false }) });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'valid', patron: adult, source: 'ils' });
    await settle();
    door.release.last().reject(new Error('relay not confirmed'));
    await settle();
    expect(door.actor.getSnapshot().status).toBe('active');
    expect(door.state()).toBe('released');
    door.clock.increment(5000);
    expect(door.state()).toBe('idle');
    expect(door.logs).toHaveLength(1);
  });
});
