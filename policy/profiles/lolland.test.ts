import { describe, expect, it } from 'vitest';
import { borrowingBlock, doorDecision, lateFee, lateFeeGroups, loanDueDate, renewalDecision } from '../index';
import { cph, person, seedCitations, value, WEEKDAY } from './seed-citations.testkit';

const FILE = '004_b686f1cede17f4fc.txt';
const { p, D, cites } = seedCitations(FILE, 'lolland', 'Lolland');
const open = (at: Date, branch?: string, patron = person(30)) => doorDecision(p, { patron, at, ...(branch ? { branch } : {}) });

describe(`${D}: door`, () => {
  it('who may enter: active users (line 11)', () => cites(p.door.whoMayEnter, 11));
  it('credential: card + 4-digit PIN (lines 15, 26)', () => {
    cites(p.door.credential, 15, 26);
    expect(value(p.door.credential)).toMatchObject({ pinDigits: 4 });
  });
  it('under 15, letting others in: unspecified; 14, 15, 17, 18 all enter', () => {
    expect(p.door.minAgeAlone.status).toBe('unspecified');
    expect(p.door.lettingOthersIn.status).toBe('unspecified');
    expect([14, 15, 17, 18].map((age) => open(cph(WEEKDAY, 12), undefined, person(age)).allowed)).toEqual([true, true, true, true]);
  });
  it('hours: Nakskov, Maribo, Rødbyhavn every day 07-22 (line 11): 06:59 no, 07:00 yes, 21:59 yes, 22:00 no', () => {
    cites(p.door.hours, 11);
    for (const branch of ['nakskov', 'maribo', 'roedbyhavn']) {
      expect([open(cph(WEEKDAY, 6, 59), branch), open(cph(WEEKDAY, 7, 0), branch), open(cph(WEEKDAY, 21, 59), branch), open(cph(WEEKDAY, 22, 0), branch)]
        .map((d) => d.allowed)).toEqual([false, true, true, false]);
    }
    expect(open(cph(WEEKDAY, 12), 'holeby')).toMatchObject({ allowed: false, reason: 'unknown-branch' });
  });
  it('hours on the March switch (2025-03-30): 07:00 CEST is 05:00Z', () => {
    expect(open(new Date('2025-03-30T04:59:00Z')).allowed).toBe(false);
    expect(open(new Date('2025-03-30T05:00:00Z')).allowed).toBe(true);
    expect(open(new Date('2025-03-30T19:59:00Z')).allowed).toBe(true);
    expect(open(new Date('2025-03-30T20:00:00Z')).allowed).toBe(false);
  });
  it('hours on the October switch (2025-10-26): 07:00 CET is 06:00Z', () => {
    expect(open(new Date('2025-10-26T05:59:00Z')).allowed).toBe(false);
    expect(open(new Date('2025-10-26T06:00:00Z')).allowed).toBe(true);
    expect(open(new Date('2025-10-26T20:59:00Z')).allowed).toBe(true);
    expect(open(new Date('2025-10-26T21:00:00Z'))).toMatchObject({ allowed: false, nextOpening: '2025-10-27T06:00:00.000Z' });
  });
  it('public holidays: closed by the kiosk default (the text names none)', () => {
    expect(p.door.closingDays.status).toBe('default');
    expect(open(cph('2025-06-09', 12))).toMatchObject({ allowed: false, reason: 'public-holiday' }); // Whit Monday
  });
  it('leaving: alarm on 22-07, whoever sets it off pays (line 103)', () => {
    cites(p.door.alarmOutsideHours, 103);
    expect(value(p.door.alarmOutsideHours)).toEqual({ from: '22:00', to: '07:00', causerPays: true });
    expect(p.door.leaving.status).toBe('unspecified');
  });
  it('card log: unspecified; exclusion: may be banned (line 80)', () => {
    expect(p.door.cardLog.status).toBe('unspecified');
    cites(p.door.exclusion, 80);
  });
  it('card lost: block at once, liable until blocked (lines 20-21)', () => {
    cites(p.borrowing.lostCard, 20, 21);
    expect(open(cph(WEEKDAY, 12), undefined, person(30, { cardLost: true })).reason).toBe('card-lost');
  });
});

describe(`${D}: lending`, () => {
  const due = (materialType: 'book' | 'music' | 'quick-loan' | 'magazine' | 'film' | 'video-game' | 'other') =>
    loanDueDate(p, { loanedAt: cph('2025-03-01', 12), materialType });
  it('books and music 30 days, kviklån 15, magazines, films and games 14 (line 33)', () => {
    cites(p.lending.materialPeriods, 33);
    expect([due('book'), due('music'), due('quick-loan'), due('magazine'), due('film'), due('video-game')].map((r) => r.ok && r.dueDate))
      .toEqual(['2025-03-31', '2025-03-31', '2025-03-16', '2025-03-15', '2025-03-15', '2025-03-15']);
    expect(due('other')).toMatchObject({ ok: false, source: 'ils' });
  });
  const ask = (over: { renewalsSoFar?: number; at?: Date; reservedByAnother?: boolean; interlibrary?: boolean }) =>
    renewalDecision(p, { renewalsSoFar: 0, dueDate: '2025-02-20', at: cph('2025-02-15', 12), reservedByAnother: false, interlibrary: false, ...over });
  it('most materials twice (line 34)', () => {
    cites(p.renewal.maxRenewals, 34);
    expect(ask({ renewalsSoFar: 1 }).allowed).toBe(true);
    expect(ask({ renewalsSoFar: 2 }).reason).toBe('limit-reached');
  });
  it('earliest 10 days before the due date (line 34): 11 days before no, 10 days before yes', () => {
    cites(p.renewal.earliestDaysBeforeDue, 34);
    expect(ask({ at: cph('2025-02-09', 23, 59) })).toMatchObject({ allowed: false, reason: 'too-early' });
    expect(ask({ at: cph('2025-02-10', 0, 0) }).allowed).toBe(true);
  });
  it('a late renewal costs a fee (line 38)', () => {
    cites(p.renewal.afterDue, 38);
    expect(ask({ at: cph('2025-02-21', 12) })).toMatchObject({ allowed: true, reason: 'ok-late-fee', lateFee: true });
  });
  it('reserved by another: cannot renew (line 34)', () => {
    cites(p.renewal.whenReserved, 34);
    expect(ask({ reservedByAnother: true }).reason).toBe('reserved');
  });
  it('interlibrary loans: free within Denmark (line 51); renewal unspecified', () => {
    cites(p.lending.interlibraryCost, 51);
    expect(p.renewal.interlibrary.status).toBe('unspecified');
  });
  it('borrowing blocked at 200 kr or more (line 79): 199.99 passes; 200, 250, 250.01 blocked', () => {
    cites(p.borrowing.debtThreshold, 79);
    const owe = (feesDkk: number) => borrowingBlock(p, person(30, { feesDkk })).blocked;
    expect([owe(199.99), owe(200), owe(250), owe(250.01)]).toEqual([false, true, true, true]);
  });
  it('borrowing blocked otherwise: repeated non-return/damage (line 78), disorder (line 80)', () => cites(p.borrowing.otherBlocks, 78, 80));
  it('parents for children: unspecified', () => expect(p.lending.parentsMayBorrowOnChildCard.status).toBe('unspecified'));
  it('reservations: at most 50 active (line 50)', () => {
    cites(p.lending.reservations, 50);
    expect(value(p.lending.reservations)).toMatchObject({ maxActive: 50 });
  });
  it('loan and return receipts (lines 32, 35)', () => cites(p.lending.receipts, 32, 35));
});

describe(`${D}: late fees`, () => {
  it('no table: from the ILS (line 62 points elsewhere)', () => {
    expect(p.fees.lateFees.status).toBe('unspecified');
    expect(lateFee(p, { age: 30, daysLate: 31 })).toMatchObject({ amountDkk: null, source: 'ils' });
  });
  it('fee rates apply per borrow date + return date (line 61)', () => {
    cites(p.fees.grouping, 61);
    const r = lateFeeGroups(p, 30, [
      { itemId: 'a', loanDate: '2025-01-01', dueDate: '2025-01-31', settledOn: '2025-02-02' },
      { itemId: 'b', loanDate: '2025-01-01', dueDate: '2025-01-31', settledOn: '2025-02-02' },
    ]);
    expect(r.groups).toHaveLength(1);
  });
  it('recall after 14 days (line 56), bill after 5 weeks (line 57), collection after 7 weeks (line 58)', () => {
    cites(p.fees.recallAfter, 56);
    cites(p.fees.billAfter, 57);
    cites(p.fees.collectionAfter, 58);
    expect([value(p.fees.recallAfter), value(p.fees.billAfter), value(p.fees.collectionAfter)]).toEqual([
      { days: 14, comparison: 'at-least' }, { days: 35, comparison: 'at-least' }, { days: 49, comparison: 'at-least' },
    ]);
  });
});

describe(`${D}: privacy and retention`, () => {
  it('information about a loan is deleted at return (line 37)', () => cites(p.retention.loanLink, 37));
  it('access log: kiosk default 30 days; other privacy rules unspecified', () => {
    expect(p.retention.accessLogMaxDays.status).toBe('default');
    expect(p.privacy.neverDiscloseToOthers.status).toBe('unspecified');
  });
});
