import { describe, expect, it } from 'vitest';
import { borrowingBlock, doorDecision, lateFee, lateFeeGroups, loanDueDate, type PatronFacts, renewalDecision } from '../index';
import { cph, person, seedCitations, value, WEEKDAY } from './seed-citations.testkit';

const FILE = '001_c8c0455d8f088892.txt';
const { seed, p, D, cites } = seedCitations(FILE, 'koebenhavn', 'København');

const open = (patron: PatronFacts, companion?: PatronFacts) =>
  doorDecision(p, { patron, at: cph(WEEKDAY, 12), ...(companion ? { companion } : {}) });

describe(`${D}: door`, () => {
  it('who may enter: all over 15 with access (lines 167-168)', () => cites(p.door.whoMayEnter, 167, 168));
  it('credential: scan the health card at the door (line 167)', () => {
    cites(p.door.credential, 167);
    expect(value(p.door.credential)).toMatchObject({ pinDigits: null });
  });
  it('under 15 must come with an adult (lines 168, 170): 14 refused alone, 15, 17, 18 enter', () => {
    cites(p.door.minAgeAlone, 168, 170);
    expect(open(person(14))).toMatchObject({ allowed: false, reason: 'under-age-alone', mayEnterAccompanied: true });
    expect([open(person(15)).allowed, open(person(17)).allowed, open(person(18)).allowed]).toEqual([true, true, true]);
  });
  it('the adult is 18+ with access (lines 91, 170): 17 may not accompany, 18 may', () => {
    cites(p.door.accompaniment, 91, 170);
    expect(open(person(10), person(17))).toMatchObject({ allowed: false, reason: 'companion-too-young' });
    expect(open(person(10), person(18))).toMatchObject({ allowed: true, reason: 'allowed-accompanied' });
    expect(open(person(10), person(40, { cardLost: true }))).toMatchObject({ allowed: false, reason: 'companion-not-allowed' });
  });
  it('letting others in: forbidden, except a helper for a disabled person (line 169)', () => {
    cites(p.door.lettingOthersIn, 169);
    expect(value(p.door.lettingOthersIn)).toEqual({ allowed: false, appliesFromAge: null, helperForDisabled: true });
  });
  it('hours: per branch, not in the text: default 07:00-22:00 (closed or limited at special occasions, line 177 noted)', () => {
    expect(p.door.hours.status).toBe('default');
    expect(p.door.closingDays.status).toBe('default');
    expect(p.door.closingDays.status === 'default' && p.door.closingDays.note).toContain('line 177');
    expect(seed.split('\n')[176]).toContain('kan der være begrænset adgang eller lukket');
    expect(doorDecision(p, { patron: person(30), at: cph(WEEKDAY, 21, 59) }).allowed).toBe(true);
    expect(doorDecision(p, { patron: person(30), at: cph(WEEKDAY, 22, 0) }).reason).toBe('outside-hours');
  });
  it('leaving: after the loudspeaker closing announcement (line 176)', () => cites(p.door.leaving, 176));
  it('card log: unspecified; video surveillance (line 173)', () => {
    expect(p.door.cardLog.status).toBe('unspecified');
    cites(p.door.videoSurveillance, 173);
  });
  it('exclusion: staff may expel (line 9)', () => cites(p.door.exclusion, 9));
  it('card lost: block at once, holder liable until blocked (line 49)', () => {
    cites(p.borrowing.lostCard, 49);
    expect(open(person(30, { cardLost: true })).reason).toBe('card-lost');
  });
});

describe(`${D}: lending`, () => {
  it('loan period 28 days (line 56), some shorter (line 57); DST-correct due date', () => {
    cites(p.lending.standardPeriod, 56);
    cites(p.lending.shorterPeriods, 57);
    // 23:30 on 30 March, the night before the switch: 28 calendar days later, not 28 x 24 h.
    expect(loanDueDate(p, { loanedAt: cph('2024-03-30', 23, 30) })).toMatchObject({ ok: true, dueDate: '2024-04-27' });
    expect(loanDueDate(p, { loanedAt: cph('2024-10-26', 23, 30) })).toMatchObject({ ok: true, dueDate: '2024-11-23' });
  });
  const ask = (over: { renewalsSoFar?: number; at?: Date; reservedByAnother?: boolean; interlibrary?: boolean }) =>
    renewalDecision(p, { renewalsSoFar: 0, dueDate: '2025-02-10', at: cph('2025-02-05', 12), reservedByAnother: false, interlibrary: false, ...over });
  it('renewals: 2 extra periods (line 70); the 3rd is refused', () => {
    cites(p.renewal.maxRenewals, 70);
    expect(ask({ renewalsSoFar: 1 }).allowed).toBe(true);
    expect(ask({ renewalsSoFar: 2 })).toMatchObject({ allowed: false, reason: 'limit-reached' });
  });
  it('renewals only before the due date (line 70): on the due day yes, the day after no', () => {
    cites(p.renewal.afterDue, 70);
    expect(ask({ at: cph('2025-02-10', 23, 59) }).allowed).toBe(true);
    expect(ask({ at: cph('2025-02-11', 0, 0) })).toMatchObject({ allowed: false, reason: 'after-due-date' });
  });
  it('reserved by another: cannot renew (line 67)', () => {
    cites(p.renewal.whenReserved, 67);
    expect(ask({ reservedByAnother: true })).toMatchObject({ allowed: false, reason: 'reserved' });
  });
  it('interlibrary: renew if the owner allows, max 2, before due (line 83); return in København (line 85)', () => {
    cites(p.renewal.interlibrary, 83);
    expect(ask({ interlibrary: true })).toMatchObject({ allowed: true, ownerMayRefuse: true });
    expect(ask({ interlibrary: true, renewalsSoFar: 2 })).toMatchObject({ allowed: false, reason: 'interlibrary-limit-reached' });
    expect(ask({ interlibrary: true, at: cph('2025-02-11', 9) })).toMatchObject({ allowed: false, reason: 'interlibrary-after-due-date' });
    cites(p.lending.interlibraryReturn, 85);
  });
  it('borrowing blocked at 200 kr or more, "may" (line 150): 199.99 passes, 200, 250 and 250.01 blocked', () => {
    cites(p.borrowing.debtThreshold, 150);
    const owe = (feesDkk: number) => borrowingBlock(p, person(30, { feesDkk })).blocked;
    expect([owe(199.99), owe(200), owe(250), owe(250.01)]).toEqual([false, true, true, true]);
    expect(borrowingBlock(p, person(30, { feesDkk: 200 })).message).toContain('may refuse');
  });
  it('borrowing blocked otherwise: repeated non-return or damage (line 149); lost card (line 49)', () => {
    cites(p.borrowing.otherBlocks, 149);
    expect(borrowingBlock(p, person(30, { borrowingBlocked: true })).reason).toBe('ils-block');
    expect(borrowingBlock(p, person(30, { cardLost: true })).reason).toBe('card-lost');
  });
  it("parents may borrow on the child's card (line 47)", () => cites(p.lending.parentsMayBorrowOnChildCard, 47));
  it('reservations when on loan; notice by mail/SMS free (lines 75-76)', () => cites(p.lending.reservations, 75, 76));
  it('receipt: due date on the loan receipt; the return receipt is proof (lines 58-59)', () => {
    cites(p.lending.receipts, 58, 59);
    expect(value(p.lending.receipts)).toEqual({ dueDateOnLoanReceipt: true, returnReceipt: true });
  });
});

describe(`${D}: late fees`, () => {
  const fee = (age: number, daysLate: number) => lateFee(p, { age, daysLate }).amountDkk;
  it('adults 18+: 20 / 120 / 230 kr (lines 91-94), boundaries 7/8/30/31 days', () => {
    cites(p.fees.lateFees, 91, 92, 93, 94);
    expect([fee(18, 7), fee(18, 8), fee(18, 30), fee(18, 31)]).toEqual([20, 120, 120, 230]);
  });
  it('children 0-17: 10 / 55 / 120 kr (lines 91-94), boundaries 7/8/30/31 days', () => {
    expect([fee(17, 7), fee(17, 8), fee(17, 30), fee(17, 31)]).toEqual([10, 55, 55, 120]);
  });
  it('age boundaries 14, 15, 17 (children) vs 18 (adult)', () => {
    expect([fee(14, 1), fee(15, 1), fee(17, 1), fee(18, 1)]).toEqual([10, 10, 10, 20]);
  });
  it('fee grouping: not in the text, so one fee per item is shown and the ILS decides', () => {
    expect(p.fees.grouping.status).toBe('unspecified');
    const r = lateFeeGroups(p, 30, [
      { itemId: 'a', loanDate: '2025-01-01', dueDate: '2025-01-29', settledOn: '2025-02-01' },
      { itemId: 'b', loanDate: '2025-01-01', dueDate: '2025-01-29', settledOn: '2025-02-01' },
    ]);
    expect(r).toMatchObject({ grouping: 'unspecified' });
    expect(r.groups.map((g) => g.itemIds)).toEqual([['a'], ['b']]);
  });
  it('recall after 10 days (line 99), lost and billed at 31 days (line 100), reminder 3 days before (line 62)', () => {
    cites(p.fees.recallAfter, 99);
    cites(p.fees.billAfter, 100);
    cites(p.fees.reminderDaysBeforeDue, 62);
    expect(value(p.fees.billAfter)).toEqual({ days: 31, comparison: 'at-least' });
  });
});

describe(`${D}: privacy and retention`, () => {
  it('never tells others what a patron borrowed, owes or reserved (line 161)', () => cites(p.privacy.neverDiscloseToOthers, 161));
  it("a loan's link is deleted at return; staff may see it for 4 weeks (line 48)", () => {
    cites(p.retention.loanLink, 48);
    expect(value(p.retention.loanLink)).toEqual({ deletedAtReturn: true, staffMayTraceDays: 28 });
  });
  it('access log: kiosk default 30 days', () => expect(p.retention.accessLogMaxDays.status).toBe('default'));
});
