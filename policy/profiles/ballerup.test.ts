import { describe, expect, it } from 'vitest';
import { borrowingBlock, doorDecision, lateFee, lateFeeGroups, loanDueDate, renewalDecision } from '../index';
import { cph, person, seedCitations, value, WEEKDAY } from './seed-citations.testkit';

const FILE = '000_3aebcf4530bd5689.txt';
const { seed, p, D, cites } = seedCitations(FILE, 'ballerup', 'Ballerup');

describe(`${D}: door`, () => {
  it('who may enter: registered members (line 7)', () => {
    cites(p.door.whoMayEnter, 7);
    expect(value(p.door.whoMayEnter)).toBe('registered members');
  });
  it('credential: health card + 4-digit PIN (lines 10-11)', () => {
    cites(p.door.credential, 10, 11);
    expect(value(p.door.credential)).toMatchObject({ pinDigits: 4 });
  });
  it('under 15: unspecified, so no age refusal (14, 15, 17 and 18 all enter)', () => {
    expect(p.door.minAgeAlone.status).toBe('unspecified');
    expect(p.door.accompaniment.status).toBe('unspecified');
    for (const age of [14, 15, 17, 18]) expect(doorDecision(p, { patron: person(age), at: cph(WEEKDAY, 12) }).allowed).toBe(true);
  });
  it('letting others in, leaving, card log: unspecified', () => {
    expect(p.door.lettingOthersIn.status).toBe('unspecified');
    expect(p.door.leaving.status).toBe('unspecified');
    expect(p.door.cardLog.status).toBe('unspecified');
  });
  it('hours: no text, so the kiosk default 07:00-22:00 every day, marked default', () => {
    expect(p.door.hours.status).toBe('default');
    expect(value(p.door.hours)).toEqual({ '*': expect.objectContaining({ mon: [{ open: '07:00', close: '22:00' }], sun: [{ open: '07:00', close: '22:00' }] }) });
    expect(doorDecision(p, { patron: person(30), at: cph(WEEKDAY, 6, 59) }).reason).toBe('outside-hours');
    expect(doorDecision(p, { patron: person(30), at: cph(WEEKDAY, 7, 0) }).allowed).toBe(true);
    expect(p.door.closingDays.status).toBe('default');
  });
  it('video monitoring (line 67)', () => cites(p.door.videoSurveillance, 67));
  it('exclusion: may be expelled (line 65); an excluded patron is refused at the door', () => {
    cites(p.door.exclusion, 65);
    expect(doorDecision(p, { patron: person(30, { excludedFromUnstaffed: true }), at: cph(WEEKDAY, 12) }).reason).toBe('excluded');
  });
  it('card lost: blocked at once, holder liable (line 12); refused at the door', () => {
    cites(p.borrowing.lostCard, 12);
    expect(value(p.borrowing.lostCard)).toEqual({ blockAtOnce: true, holderLiableUntilBlocked: true });
    expect(doorDecision(p, { patron: person(30, { cardLost: true }), at: cph(WEEKDAY, 12) }).reason).toBe('card-lost');
  });
});

describe(`${D}: lending`, () => {
  it('loan period: usually 1 month (line 27)', () => {
    cites(p.lending.standardPeriod, 27);
    expect(loanDueDate(p, { loanedAt: cph('2025-01-31', 12) })).toMatchObject({ ok: true, dueDate: '2025-02-28' });
    expect(loanDueDate(p, { loanedAt: cph('2025-03-15', 12) })).toMatchObject({ ok: true, dueDate: '2025-04-15' });
  });
  it('some materials 7 or 14 days (line 27); which ones the ILS knows', () => {
    cites(p.lending.shorterPeriods, 27);
    expect(value(p.lending.shorterPeriods)).toEqual({ days: [7, 14] });
    expect(p.lending.materialPeriods.status).toBe('unspecified');
  });
  it('renewals: 3 (line 28); the 4th is refused', () => {
    cites(p.renewal.maxRenewals, 28);
    const ask = (renewalsSoFar: number) =>
      renewalDecision(p, { renewalsSoFar, dueDate: '2025-02-10', at: cph('2025-02-05', 12), reservedByAnother: false, interlibrary: false });
    expect(ask(2)).toMatchObject({ allowed: true, reason: 'ok', newDueDate: null, newDueDateSource: 'ils' });
    expect(ask(3)).toMatchObject({ allowed: false, reason: 'limit-reached' });
  });
  it('reserved by another: RULES.md says cannot renew, but the text is silent, so the ILS decides', () => {
    expect(p.renewal.whenReserved.status).toBe('unspecified');
    expect(seed).not.toMatch(/reserved by/i);
    const r = renewalDecision(p, { renewalsSoFar: 0, dueDate: '2025-02-10', at: cph('2025-02-05', 12), reservedByAnother: true, interlibrary: false });
    expect(r.ilsDecides).toContain('whenReserved');
  });
  it('interlibrary loans: renewed only by personal request (line 28)', () => {
    cites(p.renewal.interlibrary, 28);
    const r = renewalDecision(p, { renewalsSoFar: 0, dueDate: '2025-02-10', at: cph('2025-02-05', 12), reservedByAnother: false, interlibrary: true });
    expect(r).toMatchObject({ allowed: false, reason: 'interlibrary-personal-request' });
  });
  it('borrowing blocked by debt: more than 250 kr (line 42): 199.99, 200 and 250 pass, 250.01 is blocked', () => {
    cites(p.borrowing.debtThreshold, 42);
    const owe = (feesDkk: number) => borrowingBlock(p, person(30, { feesDkk })).blocked;
    expect([owe(199.99), owe(200), owe(250), owe(250.01)]).toEqual([false, false, false, true]);
    expect(borrowingBlock(p, person(30, { feesDkk: 250.01 })).reason).toBe('debt-threshold');
  });
  it('borrowing blocked otherwise: lost card (line 12); other blocks come from the ILS', () => {
    expect(borrowingBlock(p, person(30, { cardLost: true })).reason).toBe('card-lost');
    expect(p.borrowing.otherBlocks.status).toBe('unspecified');
    expect(borrowingBlock(p, person(30, { borrowingBlocked: true })).reason).toBe('ils-block');
  });
  it('parents for children: unspecified', () => expect(p.lending.parentsMayBorrowOnChildCard.status).toBe('unspecified'));
  it('reservations: when on loan (line 30)', () => cites(p.lending.reservations, 30));
  it('receipt: RULES.md says "return date on receipt", but the text has no receipt sentence', () => {
    expect(p.lending.receipts.status).toBe('unspecified');
    expect(seed).not.toMatch(/receipt/i);
  });
});

describe(`${D}: late fees`, () => {
  const fee = (age: number, daysLate: number) => lateFee(p, { age, daysLate }).amountDkk;
  it('children 0-15: 10 / 50 / 100 kr (lines 44-47), boundaries 7/8/30/31 days', () => {
    cites(p.fees.lateFees, 44, 45, 46, 47);
    expect([fee(15, 1), fee(15, 7), fee(15, 8), fee(15, 30), fee(15, 31)]).toEqual([10, 10, 50, 50, 100]);
    expect(fee(0, 100)).toBe(100);
  });
  it('adults: 20 / 120 / 230 kr (lines 44-47), boundaries 7/8/30/31 days', () => {
    expect([fee(16, 7), fee(16, 8), fee(16, 30), fee(16, 31)]).toEqual([20, 120, 120, 230]);
  });
  it('age boundaries 14, 15 (children) vs 17, 18 (adults)', () => {
    expect([fee(14, 8), fee(15, 8), fee(17, 8), fee(18, 8)]).toEqual([50, 50, 120, 120]);
  });
  it('one fee per loan date + due date + return day (lines 53-55)', () => {
    cites(p.fees.grouping, 53, 54, 55);
    const items = [
      { itemId: 'a', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-10' },
      { itemId: 'b', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-10' },
      { itemId: 'c', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-11' },
      { itemId: 'd', loanDate: '2025-01-02', dueDate: '2025-02-01', settledOn: '2025-02-10' },
      { itemId: 'e', loanDate: '2025-01-01', dueDate: '2025-02-05', settledOn: '2025-02-10' },
    ];
    const result = lateFeeGroups(p, 30, items);
    expect(result.grouping).toBe('grouped');
    expect(result.groups.map((g) => [g.itemIds.join('+'), g.daysLate, g.fee.amountDkk])).toEqual([
      ['a+b', 9, 120], ['c', 10, 120], ['d', 9, 120], ['e', 5, 20],
    ]);
  });
  it('reminder 3 days before the due date (line 49)', () => {
    cites(p.fees.reminderDaysBeforeDue, 49);
    expect(value(p.fees.reminderDaysBeforeDue)).toBe(3);
  });
  it('more than 5 weeks overdue: charged for replacement (line 59)', () => {
    cites(p.fees.billAfter, 59);
    expect(value(p.fees.billAfter)).toEqual({ days: 35, comparison: 'more-than' });
  });
});

describe(`${D}: privacy and retention`, () => {
  it('no privacy rules in the text', () => {
    expect(p.privacy.neverDiscloseToOthers.status).toBe('unspecified');
    expect(p.retention.loanLink.status).toBe('unspecified');
    expect(p.retention.loanHistoryAnonymised.status).toBe('unspecified');
  });
  it('access log: kiosk default of at most 30 days', () => {
    expect(p.retention.accessLogMaxDays).toMatchObject({ status: 'default', value: 30 });
  });
});
