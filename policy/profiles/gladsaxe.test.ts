import { describe, expect, it } from 'vitest';
import { borrowingBlock, doorDecision, lateFee, lateFeeGroups, loanDueDate, type PatronFacts, renewalDecision } from '../index';
import { cph, person, seedCitations, value, WEEKDAY } from './seed-citations.testkit';

const FILE = '003_fbebf93c8a2ebffe.txt';
const { p, D, cites } = seedCitations(FILE, 'gladsaxe', 'Gladsaxe');
const open = (patron: PatronFacts, at = cph(WEEKDAY, 12)) => doorDecision(p, { patron, at });

describe(`${D}: door`, () => {
  it('who may enter: members, self-service libraries (line 11)', () => cites(p.door.whoMayEnter, 11));
  it('credential: card + PIN (lines 7, 24)', () => cites(p.door.credential, 7, 24));
  it('under 15 and letting others in: unspecified; 14, 15, 17, 18 all enter', () => {
    expect(p.door.minAgeAlone.status).toBe('unspecified');
    expect(p.door.lettingOthersIn.status).toBe('unspecified');
    expect([14, 15, 17, 18].map((age) => open(person(age)).allowed)).toEqual([true, true, true, true]);
  });
  it('hours per branch: not in the text, default 07:00-22:00 every day', () => {
    expect(p.door.hours.status).toBe('default');
    expect(open(person(30), cph(WEEKDAY, 6, 59)).reason).toBe('outside-hours');
    expect(open(person(30), cph('2025-01-12', 7)).allowed).toBe(true); // a Sunday
  });
  it('leaving, card log, exclusion: unspecified', () => {
    expect(p.door.leaving.status).toBe('unspecified');
    expect(p.door.cardLog.status).toBe('unspecified');
    expect(p.door.exclusion.status).toBe('unspecified');
  });
  it('card lost: block at once (line 20)', () => {
    cites(p.borrowing.lostCard, 20);
    expect(open(person(30, { cardLost: true })).reason).toBe('card-lost');
    expect(borrowingBlock(p, person(30, { cardLost: true })).reason).toBe('card-lost');
  });
});

describe(`${D}: lending`, () => {
  it('loan period usually 1 month (line 28); some shorter (line 28); shown on the receipt', () => {
    cites(p.lending.standardPeriod, 28);
    cites(p.lending.shorterPeriods, 28);
    expect(loanDueDate(p, { loanedAt: cph('2024-01-31', 9) })).toMatchObject({ ok: true, dueDate: '2024-02-29' });
  });
  const ask = (over: { renewalsSoFar?: number; reservedByAnother?: boolean; interlibrary?: boolean }) =>
    renewalDecision(p, { renewalsSoFar: 0, dueDate: '2025-02-10', at: cph('2025-02-05', 12), reservedByAnother: false, interlibrary: false, ...over });
  it('renewal allowed if not reserved (line 48); limits vary, so the ILS decides them (line 50)', () => {
    cites(p.renewal.whenReserved, 48);
    expect(p.renewal.maxRenewals.status).toBe('unspecified');
    expect(ask({ reservedByAnother: true }).reason).toBe('reserved');
    expect(ask({ renewalsSoFar: 10 })).toMatchObject({ allowed: true, ilsDecides: expect.arrayContaining(['maxRenewals']) });
  });
  it('interlibrary loans: unspecified', () => {
    expect(p.renewal.interlibrary.status).toBe('unspecified');
    expect(ask({ interlibrary: true }).ilsDecides).toContain('interlibrary');
  });
  it('borrowing blocked by debt: unspecified; the ILS block decides (199.99, 200, 250, 250.01 all pass here)', () => {
    expect(p.borrowing.debtThreshold.status).toBe('unspecified');
    for (const feesDkk of [199.99, 200, 250, 250.01]) {
      expect(borrowingBlock(p, person(30, { feesDkk }))).toMatchObject({ blocked: false, debtRule: 'ils' });
    }
    expect(borrowingBlock(p, person(30, { blocked: true })).reason).toBe('ils-block');
  });
  it('parents for children: unspecified', () => expect(p.lending.parentsMayBorrowOnChildCard.status).toBe('unspecified'));
  it('reservations (line 43)', () => cites(p.lending.reservations, 43));
  it('loan and return receipts (lines 28, 33)', () => {
    cites(p.lending.receipts, 28, 33);
    expect(value(p.lending.receipts)).toEqual({ dueDateOnLoanReceipt: true, returnReceipt: true });
  });
});

describe(`${D}: late fees`, () => {
  it('no table: from the ILS (line 39 points elsewhere)', () => {
    expect(p.fees.lateFees.status).toBe('unspecified');
    expect(lateFee(p, { age: 18, daysLate: 8 })).toEqual(expect.objectContaining({ amountDkk: null, source: 'ils' }));
    expect(p.fees.grouping.status).toBe('unspecified');
    const r = lateFeeGroups(p, 30, [{ itemId: 'a', loanDate: '2025-01-01', dueDate: '2025-02-01', settledOn: '2025-02-09' }]);
    expect(r).toMatchObject({ grouping: 'unspecified', groups: [{ itemIds: ['a'], daysLate: 8, fee: { amountDkk: null, source: 'ils' } }] });
  });
});

describe(`${D}: privacy and retention`, () => {
  it('no privacy rules in the text; access log default 30 days', () => {
    expect(p.privacy.neverDiscloseToOthers.status).toBe('unspecified');
    expect(p.retention.accessLogMaxDays).toMatchObject({ status: 'default', value: 30 });
  });
});
