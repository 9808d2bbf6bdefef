import { describe, expect, it } from 'vitest';
import { borrowingBlock, doorDecision, lateFee, lateFeeGroups, loanDueDate, type PatronFacts, renewalDecision } from '../index';
import { cph, person, seedCitations, value, WEEKDAY } from './seed-citations.testkit';

const FILE = '002_c71d59b98ba7c517.txt';
const { p, D, cites } = seedCitations(FILE, 'hvidovre', 'Hvidovre');
const open = (patron: PatronFacts, companion?: PatronFacts, at = cph(WEEKDAY, 12)) =>
  doorDecision(p, { patron, at, ...(companion ? { companion } : {}) });

describe(`${D}: door`, () => {
  it('who may enter: registered users over 15 with a health card (line 43)', () => cites(p.door.whoMayEnter, 43));
  it('credential: health card + 4-digit PIN (line 43)', () => {
    cites(p.door.credential, 43);
    expect(value(p.door.credential)).toMatchObject({ pinDigits: 4 });
  });
  it('under 15 must come with a person over 18 (lines 43, 47): 14 refused alone, 15, 17 and 18 enter', () => {
    cites(p.door.minAgeAlone, 43, 47);
    expect(open(person(14))).toMatchObject({ allowed: false, reason: 'under-age-alone' });
    expect([15, 17, 18].map((age) => open(person(age)).allowed)).toEqual([true, true, true]);
  });
  it('companion must be 18 with access (lines 24, 47): 17 refused, 18 accepted, excluded adult refused', () => {
    cites(p.door.accompaniment, 24, 47);
    expect(open(person(14), person(17)).reason).toBe('companion-too-young');
    expect(open(person(14), person(18)).reason).toBe('allowed-accompanied');
    expect(open(person(14), person(40, { excludedFromUnstaffed: true })).reason).toBe('companion-not-allowed');
  });
  it('letting others over 15 in is forbidden; a helper is allowed (line 49)', () => {
    cites(p.door.lettingOthersIn, 49);
    expect(value(p.door.lettingOthersIn)).toEqual({ allowed: false, appliesFromAge: 15, helperForDisabled: true });
  });
  it('hours per branch: not in the text, default 07:00-22:00; holidays closed (line 59)', () => {
    expect(p.door.hours.status).toBe('default');
    cites(p.door.closingDays, 59);
    expect(open(person(30), undefined, cph('2025-12-25', 12))).toMatchObject({
      allowed: false, reason: 'public-holiday', nextOpening: cph('2025-12-27', 7).toISOString(),
    });
    expect(open(person(30), undefined, cph('2025-04-17', 12)).reason).toBe('public-holiday'); // Maundy Thursday
  });
  it('leaving: after the loudspeaker closing announcement (line 57)', () => cites(p.door.leaving, 57));
  it('card log: used health cards logged, opened only on suspicion, kept at most 30 days (lines 51, 53)', () => {
    cites(p.door.cardLog, 51, 53);
    expect(value(p.door.cardLog)).toMatchObject({ logged: true, maxDays: 30 });
    cites(p.door.videoSurveillance, 36);
  });
  it('exclusion from unstaffed hours for problem behaviour (line 154): refused at the door', () => {
    cites(p.door.exclusion, 154);
    expect(value(p.door.exclusion)).toMatchObject({ fromUnstaffedHours: true });
    expect(open(person(30, { excludedFromUnstaffed: true })).reason).toBe('excluded');
  });
  it('card lost: block at once, liable until blocked (line 73)', () => {
    cites(p.borrowing.lostCard, 73);
    expect(open(person(30, { cardLost: true })).reason).toBe('card-lost');
  });
});

describe(`${D}: lending`, () => {
  it('loan period: see ILS (line 94 points elsewhere)', () => {
    expect(p.lending.standardPeriod.status).toBe('unspecified');
    expect(loanDueDate(p, { loanedAt: cph(WEEKDAY, 12), materialType: 'book' })).toMatchObject({ ok: false, source: 'ils' });
  });
  const ask = (over: { renewalsSoFar?: number; at?: Date; reservedByAnother?: boolean; interlibrary?: boolean }) =>
    renewalDecision(p, { renewalsSoFar: 0, dueDate: '2025-02-10', at: cph('2025-02-05', 12), reservedByAnother: false, interlibrary: false, ...over });
  it('renewals: 3 (line 102); the 4th refused', () => {
    cites(p.renewal.maxRenewals, 102);
    expect(ask({ renewalsSoFar: 2 }).allowed).toBe(true);
    expect(ask({ renewalsSoFar: 3 }).reason).toBe('limit-reached');
  });
  it('each renewal runs one month from the renewal day (line 102)', () => {
    cites(p.renewal.periodStart, 102);
    cites(p.renewal.periodLength, 102);
    expect(ask({})).toMatchObject({ allowed: true, newDueDate: '2025-03-05', newDueDateSource: 'profile' });
  });
  it('also after the due date if not reserved (line 104), with a late fee (line 136)', () => {
    cites(p.renewal.afterDue, 104, 136);
    expect(ask({ at: cph('2025-02-20', 12) })).toMatchObject({ allowed: true, reason: 'ok-late-fee', lateFee: true, newDueDate: '2025-03-20' });
  });
  it('reserved by another: cannot renew (lines 98, 102)', () => {
    cites(p.renewal.whenReserved, 98, 102);
    expect(ask({ reservedByAnother: true }).reason).toBe('reserved');
    expect(ask({ reservedByAnother: true, at: cph('2025-02-20', 12) }).reason).toBe('reserved');
  });
  it('interlibrary: if the owner allows, max 2, on time (line 122)', () => {
    cites(p.renewal.interlibrary, 122);
    expect(ask({ interlibrary: true, renewalsSoFar: 1 })).toMatchObject({ allowed: true, ownerMayRefuse: true });
    expect(ask({ interlibrary: true, renewalsSoFar: 2 }).reason).toBe('interlibrary-limit-reached');
    expect(ask({ interlibrary: true, at: cph('2025-02-11', 12) }).reason).toBe('interlibrary-after-due-date');
  });
  it('borrowing blocked at 200 kr or more, "shall" (line 152): 199.99 passes; 200, 250, 250.01 blocked', () => {
    cites(p.borrowing.debtThreshold, 152);
    const owe = (feesDkk: number) => borrowingBlock(p, person(30, { feesDkk })).blocked;
    expect([owe(199.99), owe(200), owe(250), owe(250.01)]).toEqual([false, true, true, true]);
  });
  it('borrowing blocked otherwise: repeated non-return or damage (line 150)', () => cites(p.borrowing.otherBlocks, 150));
  it("parents may borrow on the child's card (line 67)", () => cites(p.lending.parentsMayBorrowOnChildCard, 67));
  it('reservations when on loan, with notice (lines 112, 114)', () => cites(p.lending.reservations, 112, 114));
  it('receipt: RULES.md says "same", but the text only says web/phone renewals give none', () => {
    expect(p.lending.receipts.status).toBe('unspecified');
  });
});

describe(`${D}: late fees`, () => {
  it('no fee table: rates from the ILS, at any age and days late', () => {
    expect(p.fees.lateFees.status).toBe('unspecified');
    for (const [age, days] of [[14, 7], [15, 8], [17, 30], [18, 31]] as const) {
      expect(lateFee(p, { age, daysLate: days })).toMatchObject({ amountDkk: null, source: 'ils' });
    }
  });
  it('one fee per loan date + due date, each late day again (lines 134, 136)', () => {
    cites(p.fees.grouping, 134, 136);
    const r = lateFeeGroups(p, 30, [
      { itemId: 'a', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-03' },
      { itemId: 'b', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-03' },
      { itemId: 'c', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-04' },
      { itemId: 'd', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-01' },
    ]);
    expect(r.groups.map((g) => [g.itemIds, g.daysLate, g.fee.amountDkk])).toEqual([[['a', 'b'], 2, null], [['c'], 3, null]]);
  });
});

describe(`${D}: privacy and retention`, () => {
  it('never tells others what a patron borrowed, owes or reserved (line 174)', () => cites(p.privacy.neverDiscloseToOthers, 174));
  it("loan link deleted at return; visible to staff 4 weeks (line 81)", () => {
    cites(p.retention.loanLink, 81);
    expect(value(p.retention.loanLink)).toEqual({ deletedAtReturn: true, staffMayTraceDays: 28 });
  });
  it('loan history anonymised 30 days after return, or when the debt is paid (line 176)', () => {
    cites(p.retention.loanHistoryAnonymised, 176);
    expect(value(p.retention.loanHistoryAnonymised)).toEqual({ daysAfterReturn: 30, whenDebtPaidIfFeeAttached: true });
  });
  it('door card log kept at most 30 days (lines 51, 53)', () => cites(p.retention.accessLogMaxDays, 51, 53));
  it('a patron may see, correct and ask for deletion of their data (lines 166-170)', () => cites(p.privacy.rightsOfPatron, 166, 168, 170));
  it('remember to log out (line 194)', () => cites(p.privacy.rememberToLogOut, 194));
});
