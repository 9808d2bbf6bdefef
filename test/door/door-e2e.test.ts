// End to end: `kiosk door` with real serial ptys for the card reader, PIN pad and relay, and
// `kiosk ils-sim` over TCP. Hvidovre's rules (15+ alone, 18+ may bring a child), demo patrons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index';
import { doorBench, type DoorBench, type JsonLinesProcess, kiosk, type LogLine, present, startIlsSim } from './door-harness';

const RELEASE_MS = 600;
const OPEN_AT = '2026-11-20T10:00:00+01:00'; // a Friday morning: inside unstaffed hours
const CLOSED_AT = '2026-11-20T23:30:00+01:00';
const ADULT = { id: '0103801001', pin: '1234' };
const ADULT_CARD = { id: '40000001', pin: '2345' };
const CHILD_12 = { id: '0106144001', pin: '3456' };
const TEEN_15 = { id: '1003114003', pin: '4567' };
const OWES_199 = { id: '40000003', pin: '7890' };
const NEVER_SEEN = { id: '2412581000', pin: '9012' };

const isAttempt = (l: LogLine) => l.event === 'door.attempt';

describe('kiosk door, end to end (002_c71d59b98ba7c517.txt, Hvidovre)', () => {
  let ils: { proc: JsonLinesProcess; port: number };
  let bench: DoorBench;
  let door: JsonLinesProcess;
  let attempts = 0;

  /** Presents a card (and PIN) and waits for the door's verdict on that attempt. */
  async function attempt(cardId: string, pin?: string, timeoutMs = 8000): Promise<LogLine> {
    const since = door.lines.length;
    await present(bench, cardId, pin);
    attempts += 1;
    return door.next(isAttempt, timeoutMs, since);
  }

  const relaySwitches = () => bench.relay.history.map((s) => ({ on: s.on, at: s.at.getTime() }));

  beforeAll(async () => {
    ils = await startIlsSim();
    bench = await doorBench(ils.port, RELEASE_MS, { site: { kiosk: { accompaniedEntryWindowSeconds: 2 } } });
    door = kiosk(['door', '--config', bench.configFile, '--clock', OPEN_AT]);
    await door.next((l) => l.event === 'door.ready', 15_000);
  }, 30_000);

  afterAll(async () => {
    await door?.stop();
    await ils?.proc.stop();
    await bench?.close();
  });

  /** The relay's on/off switches after `before`, once it has switched off again. */
  async function pulseAfter(before: number, timeoutMs = 5000) {
    const end = Date.now() + timeoutMs;
    const switches = () => relaySwitches().slice(before).filter((s, i, all) => i === 0 || s.on !== all[i - 1]!.on);
    while (Date.now() < end && !(switches().length >= 2 && switches().at(-1)!.on === false)) await new Promise((resolve) => setTimeout(resolve, 20));
    return switches();
  }

  it('lets a valid adult in: relay on, then off after releaseMs', async () => {
    const before = relaySwitches().length;
    const verdict = await attempt(ADULT.id, ADULT.pin);
    expect(verdict).toMatchObject({ decision: 'allowed', reason: 'allowed', card: 'health-card' });
    await pulseAfter(before);
    const switches = relaySwitches().slice(before).filter((s, i, all) => i === 0 || s.on !== all[i - 1]!.on);
    expect(switches.map((s) => s.on)).toEqual([true, false]);
    const heldMs = switches[1]!.at - switches[0]!.at;
    expect(heldMs).toBeGreaterThanOrEqual(RELEASE_MS - 50);
    expect(heldMs).toBeLessThan(RELEASE_MS + 400);
    // The JSON log never carries the CPR or the PIN.
    expect(door.text.join('\n')).not.toContain(ADULT.id);
  }, 20_000);

  it('keeps the door shut on a wrong PIN', async () => {
    const before = relaySwitches().filter((s) => s.on).length;
    expect(await attempt(ADULT_CARD.id, '0000')).toMatchObject({ decision: 'denied', reason: 'wrong-pin' });
    expect(relaySwitches().filter((s) => s.on).length).toBe(before);
  });

  it('locks a card after five wrong PINs, even against the right one', async () => {
    const reasons: unknown[] = [];
    for (let i = 0; i < 5; i += 1) reasons.push((await attempt(OWES_199.id, '0000')).reason);
    expect(reasons).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'card-locked']);
    expect(await attempt(OWES_199.id, OWES_199.pin)).toMatchObject({ decision: 'denied', reason: 'card-locked' });
  }, 30_000);

  it('refuses a 12-year-old alone, and lets a 15-year-old in alone', async () => {
    expect(await attempt(CHILD_12.id, CHILD_12.pin)).toMatchObject({ decision: 'denied', reason: 'under-age-alone' });
    expect(await attempt(TEEN_15.id, TEEN_15.pin)).toMatchObject({ decision: 'allowed', reason: 'allowed' });
  }, 20_000);

  it("lets a 12-year-old in with an adult on the child's own card and PIN: one row each", async () => {
    const since = door.lines.length;
    const onBefore = relaySwitches().filter((s) => s.on).length;
    await present(bench, ADULT.id, ADULT.pin);
    expect(await door.next(isAttempt, 8000, since)).toMatchObject({ decision: 'allowed', reason: 'allowed' });
    await present(bench, CHILD_12.id, CHILD_12.pin);
    attempts += 2;
    const verdict = await door.next((l) => isAttempt(l) && l.accompanied === true, 8000, since);
    expect(verdict).toMatchObject({ decision: 'allowed', reason: 'allowed-accompanied', accompanied: true });
    expect(relaySwitches().filter((s) => s.on).length).toBe(onBefore + 2);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(door.lines.slice(since).filter(isAttempt)).toHaveLength(2);
  }, 20_000);

  it('with the ILS stopped, lets a cached patron in and refuses an unknown card', async () => {
    await ils.proc.stop();
    expect(await attempt(ADULT.id, ADULT.pin, 15_000)).toMatchObject({ decision: 'allowed', reason: 'allowed' });
    expect(await attempt(NEVER_SEEN.id, NEVER_SEEN.pin, 15_000)).toMatchObject({ decision: 'denied', reason: 'offline-unknown' });
    // A wrong PIN is still wrong offline (the cache holds a salted hash, not "any PIN").
    expect(await attempt(ADULT.id, '9999', 15_000)).toMatchObject({ decision: 'denied', reason: 'wrong-pin' });
  }, 60_000);

  it('has exactly one access-log entry per attempt, and the relay is off at exit', async () => {
    expect(await door.stop()).toBe(0);
    const last = bench.relay.history.at(-1);
    expect(last?.on).toBe(false);
    const store = openStore({ dataDir: `${bench.dir}/data` });
    try {
      expect(store.accessLog.count()).toBe(attempts);
    } finally {
      store.close();
    }
  }, 20_000);
});

describe('kiosk door outside unstaffed hours', () => {
  it('refuses everyone and tells when the door next opens', async () => {
    const ils = await startIlsSim();
    const bench = await doorBench(ils.port, RELEASE_MS);
    const door = kiosk(['door', '--config', bench.configFile, '--clock', CLOSED_AT]);
    try {
      await door.next((l) => l.event === 'door.ready', 15_000);
      const since = door.lines.length;
      await present(bench, ADULT.id, ADULT.pin);
      expect(await door.next(isAttempt, 8000, since)).toMatchObject({ decision: 'denied', reason: 'outside-hours' });
      // Hvidovre's unstaffed hours (the 07-22 default): the next opening is Saturday 07:00.
      expect(await door.next((l) => l.event === 'door.closed', 2000, since)).toMatchObject({ nextOpening: '2026-11-21T06:00:00.000Z' });
      expect(bench.relay.history.filter((s) => s.on)).toEqual([]);
    } finally {
      await door.stop();
      await ils.proc.stop();
      await bench.close();
    }
  }, 40_000);
});
