import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../ports';
import { card, patron, settle, fakeDoorRules } from '../fakes.testkit';
import { createDoorMachine } from './door-machine';
import { toDoorView } from './door-view';
import { DAYTIME, NIGHT, startDoor } from './door-harness.testkit';

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
    expect(door.logs).toEqual([{ at: new Date(DAYTIME + 28_000).toISOString(), decision: 'denied', reason: 'pin-timeout', card: adultCard }]);
    door.clock.increment(4_000);
    expect(door.state()).toBe('idle');
  });

  it('ends PIN entry at the hard end from the card read, however busy the keys keep it', () => {
    const door = startDoor({ config: { pinDigitTimeoutMs: 10_000, attemptMaxMs: 60_000 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    for (let i = 0; i < 11; i += 1) {
      door.clock.increment(5_000);
      door.typePin('1');
      door.actor.send({ type: 'PIN_CLEAR' });
    }
    expect(door.state()).toBe('pinEntry');
    door.clock.increment(5_000);
    expect(door.state()).toBe('denied');
    expect(door.logs).toEqual([{ at: new Date(DAYTIME + 60_000).toISOString(), decision: 'denied', reason: 'attempt-timeout', card: adultCard }]);
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
  it('never lets the cache answer for a slow ILS: the late answer is the answer', async () => {
    const door = startDoor({ config: { ilsTimeoutMs: 5_000 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.clock.increment(4_900);
    expect(door.state()).toBe('verifying');
    door.verify.last().resolve({ outcome: 'valid', patron: patron({ birthDate: '1980-01-01', cardLost: true }), source: 'ils' });
    await settle();
    expect(door.cache.calls).toHaveLength(0);
    expect(door.state()).toBe('denied');
    expect(door.logs.map((l) => l.reason)).toEqual(['card-lost']);
    expect(door.release.calls).toHaveLength(0);
  });

  it('waits out the slow-down after a burst of failures instead of cutting it short (doorMaxDelayMs)', async () => {
    const door = startDoor({ config: { ilsTimeoutMs: 5_000, maxRefusalDelayMs: 30_000 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.clock.increment(35_000); // the ILS answered at once; the refusal is held back 30 s
    expect(door.state()).toBe('verifying');
    door.verify.last().resolve({ outcome: 'wrong-pin', attemptsLeft: 2 });
    await settle();
    expect(door.cache.calls).toHaveLength(0);
    expect(door.logs.map((l) => l.reason)).toEqual(['wrong-pin']);
  });

  it('refuses as unavailable at the backstop when the verifier never answers', () => {
    const door = startDoor({ config: { ilsTimeoutMs: 1_000, maxRefusalDelayMs: 2_000 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.clock.increment(3_999);
    expect(door.state()).toBe('verifying');
    door.clock.increment(1);
    expect(door.state()).toBe('denied');
    expect(door.cache.calls).toHaveLength(0);
    expect(door.logs.map((l) => l.reason)).toEqual(['unavailable']);
  });

  it('asks the cache only when the ILS could not answer; a failing verifier refuses', async () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'unavailable', detail: 'timeout' });
    await settle();
    expect(door.state()).toBe('verifyingCache');
    door.cache.last().resolve({ outcome: 'offline-unknown' });
    await settle();
    expect(door.state()).toBe('denied');
    expect(door.logs.map((l) => l.reason)).toEqual(['offline-unknown']);

    door.clock.increment(4_000);
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().reject(new Error('socket closed'));
    await settle();
    expect(door.state()).toBe('denied');
    expect(door.cache.calls).toHaveLength(1);
    expect(door.logs.map((l) => l.reason)).toEqual(['offline-unknown', 'unavailable']);
  });

  it('refuses as unavailable when the cache does not answer in time', async () => {
    const door = startDoor({ config: { verifyTimeoutMs: 200, maxRefusalDelayMs: 100 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'unavailable', detail: 'offline' });
    await settle();
    door.clock.increment(299);
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

describe('door: decided at the time of the decision', () => {
  it('refuses a PIN completed after closing though the card was read before, and logs the decision time', async () => {
    const beforeClose = Date.UTC(2025, 2, 10, 21, 59, 50);
    const door = startDoor({ start: beforeClose });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    expect(door.state()).toBe('pinEntry');
    door.clock.increment(12_000);
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'valid', patron: adult, source: 'ils' });
    await settle();
    expect(door.state()).toBe('denied');
    expect(door.release.calls).toHaveLength(0);
    expect(door.logs).toEqual([{ at: '2025-03-10T22:00:02.000Z', decision: 'denied', reason: 'outside-hours', card: adultCard }]);
  });
});

describe('door: the access log', () => {
  it('releases the lock only after the allowed entry is written; a failed write refuses, logged once', async () => {
    const door = startDoor();
    door.accessLog.writable = false; // the write logEntry makes for this entry fails
    await verifiedAdult(door);
    expect(door.state()).toBe('unrecorded');
    expect(door.release.calls).toHaveLength(0);
    expect(door.actor.getSnapshot().context.outcome).toEqual({ decision: 'denied', reason: 'access-log-unavailable' });
    expect(door.logs).toHaveLength(1);
    door.clock.increment(4_000);
    expect(door.state()).toBe('idle');
    door.accessLog.writable = true;
    await verifiedAdult(door);
    expect(door.state()).toBe('released');
    expect(door.logs.map((l) => [l.decision, l.reason])).toEqual([['allowed', 'allowed'], ['allowed', 'allowed']]);
  });

  it("a PIN typed again after a wrong one stays within the first card read's hard end", async () => {
    const door = startDoor({ config: { attemptMaxMs: 60_000, pinDigitTimeoutMs: 15_000 } });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1');
    for (let i = 0; i < 4; i += 1) {
      door.clock.increment(14_000);
      door.typePin('111');
      door.actor.send({ type: 'PIN_ENTER' });
      door.verify.last().resolve({ outcome: 'wrong-pin', attemptsLeft: 4 - i });
      await settle();
      door.typePin('1'); // typing again at once: a retry
    }
    // 56 s after the card read, four wrong PINs later: the hard end still counts from the card read.
    expect(door.state()).toBe('pinEntry');
    door.clock.increment(4_000);
    expect(door.state()).toBe('denied');
    expect(door.logs.map((l) => l.reason)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'attempt-timeout']);
  });

  it('refuses (without the cache) an answer the ILS gave but that could not be used', async () => {
    const door = startDoor();
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'unavailable', detail: 'the answer names another patron', answered: true });
    await settle();
    expect(door.state()).toBe('denied');
    expect(door.cache.calls).toHaveLength(0);
    expect(door.logs.map((l) => l.reason)).toEqual(['unavailable']);
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

  async function childAttempt(door: ReturnType<typeof startDoor>, result: VerifyResult) {
    door.actor.send({ type: 'CARD_READ', card: childCard });
    expect(door.state()).toBe('pinEntry');
    door.typePin('4321');
    door.actor.send({ type: 'PIN_ENTER' });
    expect(door.verify.last().input).toEqual({ card: childCard, pin: '4321' });
    door.verify.last().resolve(result);
    await settle();
  }

  it("lets a child in with an adult on the child's own card and PIN: two rows, the child's names the adult", async () => {
    const door = startDoor();
    await verifiedAdult(door);
    expect(door.state()).toBe('released');
    expect(door.release.calls).toHaveLength(1);
    expect(door.logs).toEqual([{ at: new Date(DAYTIME).toISOString(), decision: 'allowed', reason: 'allowed', card: adultCard }]);
    door.clock.increment(10_000);
    expect(door.state()).toBe('waitingForChild');
    await childAttempt(door, { outcome: 'valid', patron: child, source: 'ils' });
    expect(door.state()).toBe('released');
    expect(door.release.calls).toHaveLength(2);
    expect(door.logs[1]).toEqual({ at: new Date(DAYTIME + 10_000).toISOString(), decision: 'allowed', reason: 'accompanied', card: childCard, accompaniedBy: adultCard });
    door.clock.increment(5000);
    expect(door.state()).toBe('idle');
    expect(door.logs).toHaveLength(2);
  });

  it('lets a card alone in for nobody: a child card without a PIN times out refused', async () => {
    const door = startDoor({ config: { pinDigitTimeoutMs: 10_000 } });
    await verifiedAdult(door);
    door.actor.send({ type: 'CARD_READ', card: childCard });
    door.clock.increment(10_000);
    expect(door.state()).toBe('denied');
    expect(door.release.calls).toHaveLength(1);
    expect(door.logs.map((l) => [l.reason, l.card.patronId])).toEqual([
      ['allowed', adultCard.patronId],
      ['pin-timeout', childCard.patronId],
    ]);
  });

  it('one child per adult: a second child in the same window is refused', async () => {
    const door = startDoor();
    await verifiedAdult(door);
    await childAttempt(door, { outcome: 'valid', patron: child, source: 'ils' });
    door.clock.increment(6_000);
    await childAttempt(door, { outcome: 'valid', patron: child, source: 'ils' });
    expect(door.state()).toBe('denied');
    expect(door.release.calls).toHaveLength(2);
    expect(door.logs.map((l) => l.reason)).toEqual(['allowed', 'accompanied', 'under-age']);
  });

  it('refuses a child after the window has closed', async () => {
    const door = startDoor({ config: { accompanyWindowMs: 20_000 } });
    await verifiedAdult(door);
    door.clock.increment(20_000);
    expect(door.state()).toBe('idle');
    await childAttempt(door, { outcome: 'valid', patron: child, source: 'ils' });
    expect(door.logs.map((l) => l.reason)).toEqual(['allowed', 'under-age']);
  });

  it("a second person who may enter alone is let in on their own PIN, and the adult's window stays open", async () => {
    const door = startDoor();
    await verifiedAdult(door);
    await childAttempt(door, { outcome: 'valid', patron: teen, source: 'ils' });
    expect(door.state()).toBe('released');
    expect(door.logs.map((l) => [l.reason, l.card.patronId, l.accompaniedBy])).toEqual([
      ['allowed', adultCard.patronId, undefined],
      ['allowed', childCard.patronId, undefined],
    ]);
  });

  it.each([
    ['a wrong PIN', { outcome: 'wrong-pin', attemptsLeft: 2 } as const, 'wrong-pin'],
    ['an unknown card', { outcome: 'unknown-card' } as const, 'unknown-card'],
    ['a lost card', { outcome: 'valid', patron: patron({ birthDate: '2014-01-01', cardLost: true }), source: 'ils' } as const, 'card-lost'],
    ['a card the cache does not know', { outcome: 'offline-unknown' } as const, 'offline-unknown'],
  ])('refuses a child with %s', async (_name, result, reason) => {
    const door = startDoor();
    await verifiedAdult(door);
    await childAttempt(door, result);
    expect(door.state()).toBe('denied');
    expect(door.release.calls).toHaveLength(1);
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
    expect(view).toEqual({ state: 'released', pinLength: 0, outcome: { decision: 'allowed', reason: 'allowed' }, source: 'ils' });
    door.clock.increment(5_000);
    expect(toDoorView(door.actor.getSnapshot()).state).toBe('waiting-for-child');
    expect(JSON.stringify(view)).not.toMatch(/0101801234|8642/);
  });
});

describe('door: lock failures', () => {
  it('a relay that fails after the allowed row: a second row says lock-failed, the view says the door did not open', async () => {
    const door = startDoor({ rules: (now) => ({ ...fakeDoorRules(now), mayAccompany: () => false }) });
    door.actor.send({ type: 'CARD_READ', card: adultCard });
    door.typePin('1234');
    door.actor.send({ type: 'PIN_ENTER' });
    door.verify.last().resolve({ outcome: 'valid', patron: adult, source: 'ils' });
    await settle();
    // The allowed row is written before the relay moves (no row, no opening): kept.
    expect(door.logs.map((l) => [l.decision, l.reason])).toEqual([['allowed', 'allowed']]);
    door.clock.increment(100);
    door.release.last().reject(new Error('relay not confirmed'));
    await settle();
    expect(door.actor.getSnapshot().status).toBe('active');
    expect(door.state()).toBe('lockFailed');
    expect(door.logs).toEqual([
      { at: new Date(DAYTIME).toISOString(), decision: 'allowed', reason: 'allowed', card: adultCard },
      { at: new Date(DAYTIME + 100).toISOString(), decision: 'denied', reason: 'lock-failed', card: adultCard },
    ]);
    expect(toDoorView(door.actor.getSnapshot())).toEqual({ state: 'lock-failed', pinLength: 0, outcome: { decision: 'denied', reason: 'lock-failed' }, source: 'ils' });
    door.clock.increment(4000);
    expect(door.state()).toBe('idle');
    expect(door.logs).toHaveLength(2);
  });

  it('an adult whose door did not open opens no window for a child', async () => {
    const door = startDoor();
    await verifiedAdult(door);
    door.release.last().reject(new Error('relay module not connected'));
    await settle();
    expect(door.state()).toBe('lockFailed');
    expect(door.actor.getSnapshot().context.companion).toBeNull();
    door.clock.increment(4000);
    expect(door.state()).toBe('idle');
  });

  it('a relay that answers after the release time ended changes nothing (the attempt is over)', async () => {
    const door = startDoor({ rules: (now) => ({ ...fakeDoorRules(now), mayAccompany: () => false }) });
    await verifiedAdult(door);
    const release = door.release.last();
    door.clock.increment(5000);
    expect(door.state()).toBe('idle');
    release.reject(new Error('late'));
    await settle();
    expect(door.logs).toHaveLength(1);
  });
});
