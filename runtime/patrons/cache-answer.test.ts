import { describe, expect, it } from 'vitest';
import { credentialRefusal } from './cache-answer';
import { refuseAfter } from './refusals';

const clock = { now: () => new Date('2026-03-02T10:00:00Z') };

describe("the credential cache's refusals", () => {
  it('answers each refusal of the credential itself as the machines expect it', async () => {
    expect(await credentialRefusal('wrong-pin', { delayMs: 0 }, clock)).toEqual({ outcome: 'wrong-pin', attemptsLeft: -1 });
    expect(await credentialRefusal('unknown-card', { delayMs: 0 }, clock)).toEqual({ outcome: 'offline-unknown' });
    expect(await credentialRefusal('expired', { delayMs: 0 }, clock)).toEqual({ outcome: 'offline-unknown' });
    const lockedUntil = new Date('2026-03-02T10:15:00Z');
    expect(await credentialRefusal('card-locked', { delayMs: 0, lockedUntil }, clock)).toEqual({ outcome: 'card-locked', until: lockedUntil.toISOString() });
    expect(await credentialRefusal('card-locked', { delayMs: 0 }, clock)).toEqual({ outcome: 'card-locked', until: '2026-03-02T10:00:00.000Z' });
  });

  it('answers a refusal only after the slow-down', async () => {
    const started = Date.now();
    expect(await refuseAfter(50, { outcome: 'unknown-card' })).toEqual({ outcome: 'unknown-card' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
