import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, MovingClock, openTestStore, tempDir, type TempDir } from '../test/store/helpers';
import { generateOfficerKeyPair, type OfficerKeyPair, parseOfficerPrivateKey } from './crypto/sealed-box';
import type { Store } from './open-store';

let tmp: TempDir;
let clock: MovingClock;
let store: Store;
let officer: OfficerKeyPair;

function open(retentionDays = 30, key: string | null = officer.publicKeyBase64): Store {
  return openTestStore(tmp.dir, clock, { accessLog: { retentionDays, officerPublicKey: key } });
}
beforeEach(() => {
  tmp = tempDir();
  clock = new MovingClock('2026-03-02T10:00:00Z');
  officer = generateOfficerKeyPair();
  store = open();
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('access log', () => {
  it('records an attempt with a pseudonymous card key and the identity sealed', () => {
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: '0101901234' });
    expect(store.accessLog.list()).toEqual([
      {
        id: 1,
        at: new Date('2026-03-02T10:00:00Z'),
        door: 'front',
        decision: 'allowed',
        reason: 'ok',
        cardKey: store.cardKey('0101901234'),
        companionCardKey: null,
        identitySealed: true,
      },
    ]);
  });

  it('records an accompanied entry (adult + child) as one entry with both identities sealed', () => {
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'accompanied', cardNumber: '0101801234', companionCardNumber: '0101151234' });
    const { entries } = store.accessLogExports.export({ privateKey: parseOfficerPrivateKey(officer.privateKeyPem), exportedBy: 'officer' });
    expect(entries).toEqual([
      {
        at: '2026-03-02T10:00:00.000Z',
        door: 'front',
        decision: 'allowed',
        reason: 'accompanied',
        cardKey: store.cardKey('0101801234'),
        companionCardKey: store.cardKey('0101151234'),
        identities: [
          { role: 'patron', cardNumber: '0101801234' },
          { role: 'companion', cardNumber: '0101151234' },
        ],
      },
    ]);
  });

  it('records a garbage read without any card', () => {
    store.accessLog.record({ door: 'front', decision: 'denied', reason: 'unreadable-card', cardNumber: null });
    expect(store.accessLog.list()[0]).toMatchObject({ cardKey: null, identitySealed: false });
  });

  it('stores no identity at all when no officer key is configured', () => {
    store.close();
    store = open(30, null);
    expect(store.warnings.map((w) => w.code)).toContain('no-officer-key');
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: '0101901234' });
    expect(store.accessLog.list()[0]).toMatchObject({ cardKey: store.cardKey('0101901234'), identitySealed: false });
  });

  it('exports a range and audits it (who, when, range, count), without identities in the audit', () => {
    for (let day = 0; day < 5; day += 1) {
      store.accessLog.record({ door: 'front', decision: 'denied', reason: 'wrong-pin', cardNumber: `card-${day}` });
      clock.advance(DAY);
    }
    const privateKey = parseOfficerPrivateKey(officer.privateKeyPem);
    const { entries, audit } = store.accessLogExports.export({
      privateKey,
      from: new Date('2026-03-03T10:00:00Z'),
      to: new Date('2026-03-05T10:00:00Z'),
      exportedBy: 'Sikkerhedsansvarlig Hansen',
    });
    expect(entries.map((e) => e.identities?.[0]?.cardNumber)).toEqual(['card-1', 'card-2']);
    expect(audit).toEqual({
      id: 1,
      exportedAt: new Date('2026-03-07T10:00:00Z'),
      exportedBy: 'Sikkerhedsansvarlig Hansen',
      officerKeyId: officer.keyId,
      from: new Date('2026-03-03T10:00:00Z'),
      to: new Date('2026-03-05T10:00:00Z'),
      entryCount: 2,
    });
    expect(store.accessLogExports.list()).toEqual([audit]);
  });

  it('marks entries sealed to an earlier officer key instead of failing the export', () => {
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: 'old-officer' });
    store.close();
    const next = generateOfficerKeyPair();
    store = open(30, next.publicKeyBase64);
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: 'new-officer' });
    const { entries } = store.accessLogExports.export({ privateKey: parseOfficerPrivateKey(next.privateKeyPem), exportedBy: 'x' });
    expect(entries.map((e) => [e.identities, e.identityNote])).toEqual([
      [null, 'sealed-to-another-key'],
      [[{ role: 'patron', cardNumber: 'new-officer' }], undefined],
    ]);
  });

  it('deletes entries older than the retention period at start-up and on purgeExpired (moving clock)', () => {
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: 'a' }); // day 0
    clock.advance(10 * DAY);
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: 'b' }); // day 10
    clock.advance(20 * DAY - 1);
    expect(store.accessLog.purgeExpired(clock.now())).toBe(0); // day 30 - 1 ms: both kept
    clock.advance(1);
    expect(store.accessLog.purgeExpired(clock.now())).toBe(0); // exactly 30 days: still inside
    clock.advance(1);
    expect(store.accessLog.purgeExpired(clock.now())).toBe(1); // older than 30 days: gone
    expect(store.accessLog.list().map((e) => e.cardKey)).toEqual([store.cardKey('b')]);
    store.close();
    clock.advance(10 * DAY);
    store = open();
    expect(store.accessLog.count()).toBe(0); // the start-up purge
  });

  it('honours a shorter retention and refuses one above 30 days', () => {
    store.close();
    store = open(7);
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok' });
    clock.advance(7 * DAY + 1);
    expect(store.purgeExpired().accessLog).toBe(1);
    store.close();
    expect(() => open(31)).toThrow(/accessLog.retentionDays must be a number above 0 and at most 30 \(got 31\)/);
    store = open();
  });

  it('keeps the export audit when the entries it covered are purged', () => {
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: 'a' });
    store.accessLogExports.export({ privateKey: parseOfficerPrivateKey(officer.privateKeyPem), exportedBy: 'x' });
    clock.advance(31 * DAY);
    expect(store.purgeExpired().accessLog).toBe(1);
    expect(store.accessLogExports.list()).toHaveLength(1);
  });
});
