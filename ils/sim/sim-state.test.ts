import { describe, expect, it } from 'vitest';
import { DEMO, DEMO_DATA } from './demo-data';
import { defaultLoanRules, endOfLocalDay } from './loan-rules';
import { SimState } from './sim-state';

const NOW = new Date('2026-11-20T10:00:00Z');
const fresh = () => new SimState(structuredClone(DEMO_DATA), defaultLoanRules(), () => NOW);
const { patrons: p, items: i } = DEMO;

describe('SimState circulation', () => {
  it('lends an available item for 28 days, to the end of the day', () => {
    const state = fresh();
    const outcome = state.checkout(p.adultNoLoans.id, i.available[0], { pin: p.adultNoLoans.pin });
    expect(outcome).toMatchObject({ ok: true, renewal: false });
    expect(state.item(i.available[0])?.onLoanTo).toBe(p.adultNoLoans.id);
    expect(state.item(i.available[0])?.dueDate?.toISOString()).toBe('2026-12-18T22:59:59.000Z');
  });

  it('refuses: wrong PIN, unknown patron or item, lost card, on loan to another, on the hold shelf for another', () => {
    const state = fresh();
    expect(state.checkout(p.adult.id, i.available[0], { pin: '0000' })).toMatchObject({ ok: false, refusal: 'wrong-pin' });
    expect(state.checkout('nobody', i.available[0])).toMatchObject({ ok: false, refusal: 'unknown-patron' });
    expect(state.checkout(p.adult.id, 'no-such-item')).toMatchObject({ ok: false, refusal: 'unknown-item' });
    expect(state.checkout(p.lostCard.id, i.available[0])).toMatchObject({ ok: false, refusal: 'card-lost' });
    expect(state.checkout(p.adultNoLoans.id, i.onLoan)).toMatchObject({ ok: false, refusal: 'on-loan' });
    expect(state.checkout(p.adult.id, i.onLoan)).toMatchObject({ ok: false, refusal: 'already-on-loan-to-you' });
    expect(state.checkout(p.adult.id, i.reservedForAnother)).toMatchObject({ ok: false, refusal: 'reserved' });
    expect(state.item(i.onLoan)?.onLoanTo).toBe(p.adult.id);
  });

  it('lets the patron a hold waits for borrow it, which fulfils the hold', () => {
    const state = fresh();
    expect(state.holdsReadyFor(p.adultCard.id).map((x) => x.id)).toEqual([i.reservedForAnother]);
    expect(state.checkout(p.adultCard.id, i.reservedForAnother)).toMatchObject({ ok: true });
    expect(state.item(i.reservedForAnother)).toMatchObject({ onLoanTo: p.adultCard.id });
    expect(state.item(i.reservedForAnother)?.reservedBy).toBeUndefined();
    expect(state.holdsReadyFor(p.adultCard.id)).toEqual([]);
  });

  it('accepts an offline (no block) checkout even for a blocked patron, with the due date given then', () => {
    const state = fresh();
    const due = endOfLocalDay('2026-12-01');
    expect(state.checkout(p.lostCard.id, i.available[1], { noBlock: true, dueDate: due })).toMatchObject({ ok: true });
    expect(state.item(i.available[1])).toMatchObject({ onLoanTo: p.lostCard.id, dueDate: due });
  });

  it('blocks on fees only when the data sets a fee limit (>= limit)', () => {
    expect(fresh().checkout(p.owes250.id, i.available[0])).toMatchObject({ ok: true });
    const strict = new SimState({ ...structuredClone(DEMO_DATA), feeLimitDkk: 200 }, defaultLoanRules(), () => NOW);
    expect(strict.checkout(p.owes250.id, i.available[0])).toMatchObject({ ok: false, refusal: 'fees' });
    expect(strict.checkout(p.owes199.id, i.available[0])).toMatchObject({ ok: true });
  });

  it('routes returns: reserved -> hold shelf, interlibrary -> lender, other branch -> there, else shelf', () => {
    const state = fresh();
    expect(state.checkin(i.onLoanReserved)).toMatchObject({ ok: true, route: 'hold-shelf', returnedBy: p.adult.id });
    expect(state.item(i.onLoanReserved)?.holdShelfFor).toBe(p.adultCard.id);
    expect(state.checkin(i.interlibrary)).toMatchObject({ ok: true, route: 'interlibrary' });
    expect(state.item(i.interlibrary)?.inTransitTo).toBe('Det Kgl. Bibliotek');
    expect(state.checkin(i.otherBranch)).toMatchObject({ ok: true, route: 'other-branch' });
    expect(state.item(i.otherBranch)?.inTransitTo).toBe('Filial Øst');
    expect(state.checkin(i.onLoan)).toMatchObject({ ok: true, route: 'shelf' });
    expect(state.checkin(i.onLoan)).toMatchObject({ ok: false, refusal: 'not-checked-out' });
    expect(state.checkin('no-such-item')).toMatchObject({ ok: false, refusal: 'unknown-item' });
  });

  it('renews up to the limit, never a reserved item, only the borrower', () => {
    const state = fresh();
    expect(state.renew(p.adult.id, i.onLoan)).toMatchObject({ ok: true });
    expect(state.item(i.onLoan)?.renewals).toBe(1);
    expect(state.renew(p.adult.id, i.onLoan)).toMatchObject({ ok: true });
    expect(state.renew(p.adult.id, i.onLoan)).toMatchObject({ ok: false, refusal: 'renewal-refused', detail: 'renewal limit reached (2)' });
    expect(state.renew(p.adult.id, i.onLoanReserved)).toMatchObject({ ok: false, refusal: 'reserved' });
    expect(state.renew(p.adultCard.id, i.onLoan)).toMatchObject({ ok: false, refusal: 'not-on-loan' });
    expect(state.renew(p.adult.id, i.onLoan, { pin: '0000' })).toMatchObject({ ok: false, refusal: 'wrong-pin' });
  });

  it('renews all: the reserved one stays behind with its reason', () => {
    const outcome = fresh().renewAll(p.adult.id, p.adult.pin);
    if (!outcome.ok) throw new Error('expected ok');
    expect(outcome.renewed.map((x) => x.id).sort()).toEqual([i.onLoan, i.interlibrary].sort());
    expect(outcome.notRenewed.map((x) => [x.item.id, x.reason])).toEqual([[i.onLoanReserved, 'The item is reserved for another patron']]);
  });

  it('takes fee payments off the balance and finds a CPR with or without its dash', () => {
    const state = fresh();
    expect(state.payFee('231165-2004', 100)).toMatchObject({ ok: true });
    expect(state.patron(p.owes250.id)?.feesDkk).toBe(150);
  });
});

describe('SimState holds (15)', () => {
  it('puts an available item of this branch on the hold shelf for the patron: available, nobody else may borrow it', () => {
    const state = fresh();
    expect(state.placeHold(p.adultNoLoans.id, i.available[0])).toMatchObject({ ok: true, available: true });
    expect(state.item(i.available[0])).toMatchObject({ holdShelfFor: p.adultNoLoans.id, reservedBy: p.adultNoLoans.id });
    expect(state.holdsReadyFor(p.adultNoLoans.id).map((x) => x.id)).toEqual([i.available[0]]);
    expect(state.checkout(p.adult.id, i.available[0])).toMatchObject({ ok: false, refusal: 'reserved' });
    expect(state.checkout(p.adultNoLoans.id, i.available[0])).toMatchObject({ ok: true });
    expect(state.item(i.available[0])?.reservedBy).toBeUndefined();
  });

  it('queues a hold on an item on loan to someone else; the return sends it to the hold shelf', () => {
    const state = fresh();
    expect(state.placeHold(p.adultNoLoans.id, i.onLoan)).toMatchObject({ ok: true, available: false });
    expect(state.item(i.onLoan)).toMatchObject({ onLoanTo: p.adult.id, reservedBy: p.adultNoLoans.id });
    expect(state.item(i.onLoan)?.holdShelfFor).toBeUndefined();
    expect(state.holdsPendingFor(p.adultNoLoans.id).map((x) => x.id)).toEqual([i.onLoan]);
    expect(state.checkin(i.onLoan)).toMatchObject({ ok: true, route: 'hold-shelf' });
    expect(state.item(i.onLoan)?.holdShelfFor).toBe(p.adultNoLoans.id);
  });

  it('refuses: unknown patron or item, wrong PIN, lost card, on loan to the patron, held for another; again for the same patron is fine', () => {
    const state = fresh();
    expect(state.placeHold('nobody', i.available[0])).toMatchObject({ ok: false, refusal: 'unknown-patron' });
    expect(state.placeHold(p.adult.id, 'no-such-item')).toMatchObject({ ok: false, refusal: 'unknown-item' });
    expect(state.placeHold(p.adult.id, i.available[0], { pin: '0000' })).toMatchObject({ ok: false, refusal: 'wrong-pin' });
    expect(state.placeHold(p.lostCard.id, i.available[0])).toMatchObject({ ok: false, refusal: 'card-lost' });
    expect(state.placeHold(p.adult.id, i.onLoan)).toMatchObject({ ok: false, refusal: 'already-on-loan-to-you' });
    expect(state.placeHold(p.adult.id, i.reservedForAnother)).toMatchObject({ ok: false, refusal: 'reserved' });
    expect(state.placeHold(p.adultNoLoans.id, i.onLoanReserved)).toMatchObject({ ok: false, refusal: 'reserved' });
    expect(state.item(i.available[0])?.reservedBy).toBeUndefined();
    expect(state.placeHold(p.adultCard.id, i.reservedForAnother)).toMatchObject({ ok: true, available: true });
  });

  it('queues (not available) an item that is not on the shelves of this branch', () => {
    const state = fresh();
    expect(state.checkin(i.otherBranch)).toMatchObject({ ok: true, route: 'other-branch' });
    expect(state.placeHold(p.adultNoLoans.id, i.otherBranch)).toMatchObject({ ok: true, available: false });
    expect(state.item(i.otherBranch)?.holdShelfFor).toBeUndefined();
    expect(state.item(i.otherBranch)?.reservedBy).toBe(p.adultNoLoans.id);
  });
});
