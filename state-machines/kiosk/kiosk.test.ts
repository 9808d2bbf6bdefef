import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import type { CardRead, PatronAccount, PlacedTag, TechnicianCredential } from '../ports';
import { patron, settle } from '../fakes.testkit';
import { createKiosk, type KioskServices } from '../machine-services';
import type { KioskRules } from './kiosk-types';
import { isKioskUiEvent, type KioskEvent } from './kiosk-events';
import { toView, viewInspector } from './view';
import type { KioskView } from './view-types';

const CPR = '0707614285';
const PIN = '9731';
const healthCard: CardRead = { kind: 'health-card', patronId: CPR, masked: 'Sundhedskort ••••' };
const techCard: CardRead = { kind: 'library-card', patronId: 'TECH-0001', masked: '••••0001' };
const karen = patron({ name: 'Karen Blixen', birthDate: '1961-07-07' });
const boCard: CardRead = { kind: 'library-card', patronId: 'LIB-0002', masked: '••••0002' };
const BO_PIN = '2468';
const bo = patron({ name: 'Bo Bendixen', birthDate: '1980-01-01' });
const who = (card: CardRead) => (card.patronId === CPR ? 'karen' : card.patronId === boCard.patronId ? 'bo' : '?');
const tag = (itemId: string): PlacedTag => ({ uid: `E0${itemId}`, itemId, partNumber: 1, partsInSet: 1 });
const account: PatronAccount = {
  patron: karen,
  loans: [{ itemId: 'L1', title: 'Babettes gæstebud', dueDate: '2025-03-20', renewals: 0 }],
  holdsReady: [{ itemId: 'H1', title: 'Den afrikanske farm', pickupLocation: 'Hovedbiblioteket' }],
  feesDkk: 0,
};

const rules: KioskRules = {
  checkout: { borrowingBlock: () => ({ blocked: false, reason: 'ok' }), itemRefusal: () => null },
  account: {
    now: () => new Date('2025-03-10T12:00:00Z'),
    borrowingBlock: () => ({ blocked: false, reason: 'ok' }),
    renewal: () => ({ allowed: true, reason: 'allowed' }),
  },
};

function services(log: string[]): KioskServices {
  return {
    verifyPin: async ({ card, pin }) =>
      card.patronId === CPR && pin === PIN
        ? { outcome: 'valid', patron: karen, source: 'ils' }
        : card.patronId === boCard.patronId && pin === BO_PIN
          ? { outcome: 'valid', patron: bo, source: 'ils' }
          : { outcome: 'wrong-pin', attemptsLeft: 4 },
    verifyCached: async () => ({ outcome: 'offline-unknown' }),
    checkoutItem: async ({ card, itemId }) => {
      log.push(`checkout ${itemId} for ${who(card)}`);
      return { ok: true, itemId, title: `Title ${itemId}`, dueDate: '2025-04-07', renewed: false };
    },
    checkinItem: async ({ itemId }) => ({ ok: true, itemId, title: `Title ${itemId}`, destination: 'hold-shelf' }),
    printReceipt: async ({ lines }) => void log.push(`receipt ${lines.length}`),
    endSession: async ({ card }) => void log.push(`end session ${who(card)}`),
    loadAccount: async ({ card }) => (card.patronId === CPR ? account : { patron: bo, loans: [], holdsReady: [], feesDkk: 0 }),
    renewItem: async ({ itemId }) => ({ ok: true, itemId, dueDate: '2025-04-20' }),
    renewAll: async ({ itemIds }) => itemIds.map((itemId) => ({ ok: true as const, itemId, dueDate: '2025-04-20' })),
    checkTechnician: async (credential: TechnicianCredential) =>
      'card' in credential ? credential.card.patronId === 'TECH-0001' : credential.code === '999999' ? ('locked' as const) : credential.code === '424242',
    testPrint: async () => undefined,
    pulseLock: async () => ({ ok: true }) as const,
    ilsRoundTrip: async () => ({ ok: true, ms: 12 }),
    loadOfflineQueue: async () => [],
  };
}

function startKiosk(overrides: (log: string[]) => Partial<KioskServices> = () => ({})) {
  const clock = new SimulatedClock();
  const log: string[] = [];
  const views: KioskView[] = [];
  const summary = { version: '0.1.0', library: 'hvidovre', branch: 'Hvidovre', settings: { 'ils.password': '••••' } };
  const machine = createKiosk(rules, { ...services(log), ...overrides(log) });
  const actor = createActor(machine, {
    clock,
    input: { diagnostics: { summary }, session: { inactivity: { warnAfterMs: 30_000, countdownSeconds: 5 } } },
    inspect: viewInspector(() => views.push(toView(actor.getSnapshot()))),
  });
  actor.start();
  const send = async (...events: KioskEvent[]) => {
    for (const event of events) {
      actor.send(event);
      await settle();
    }
  };
  const view = () => toView(actor.getSnapshot());
  return { actor, clock, log, views, send, view };
}

const pinDigits = (pin: string): KioskEvent[] => [...pin].map((digit) => ({ type: 'PIN_DIGIT', digit }));

describe('kiosk routing and views', () => {
  it('borrows with a health card: the views show the PIN length only, never the CPR or PIN', async () => {
    const k = startKiosk();
    expect(k.view().screen).toEqual({ name: 'start', accountAvailable: true, notice: null });
    await k.send({ type: 'SET_LANGUAGE', language: 'en' }, { type: 'ITEM_PLACED', tag: tag('111') }, { type: 'CARD_READ', card: healthCard });
    expect(k.view()).toMatchObject({
      language: 'en',
      screen: { name: 'identify', purpose: 'borrow', step: 'enter-pin', card: 'Sundhedskort ••••', pinLength: 0, pinMaxLength: 4 },
    });
    await k.send(...pinDigits(PIN).slice(0, 2));
    expect(k.view().screen).toMatchObject({ name: 'identify', pinLength: 2 });
    await k.send(...pinDigits(PIN).slice(2), { type: 'PIN_ENTER' });
    expect(k.view().screen).toEqual({
      name: 'checkout',
      patronName: 'Karen',
      items: [{ key: '111', itemId: '111', status: 'borrowed', title: 'Title 111', dueDate: '2025-04-07', partsPresent: 1, partsInSet: 1 }],
      busy: false,
      finishing: false,
    });
    await k.send({ type: 'FINISH' });
    expect(k.view().screen).toEqual({ name: 'receipt-choice', kind: 'checkout', count: 1, printerReady: true });
    await k.send({ type: 'PRINT_RECEIPT' });
    expect(k.view().screen).toEqual({ name: 'goodbye', receipt: 'printed' });
    k.clock.increment(4_000);
    expect(k.view()).toMatchObject({ language: 'da', screen: { name: 'start' } });
    expect(k.log).toEqual(['checkout 111 for karen', 'receipt 1', 'end session karen']);

    const seen = k.views.map((v) => JSON.stringify(v));
    expect(seen.some((v) => v.includes('"pinLength":3'))).toBe(true);
    for (const v of seen) {
      expect(v).not.toContain(CPR);
      expect(v).not.toContain(PIN);
    }
  });

  it('shows my account (loans, holds, renewals) without the patron id', async () => {
    const k = startKiosk();
    await k.send({ type: 'ACCOUNT' }, { type: 'CARD_READ', card: healthCard }, ...pinDigits(PIN), { type: 'PIN_ENTER' });
    await k.send({ type: 'RENEW', itemId: 'L1' });
    expect(k.view().screen).toEqual({
      name: 'account',
      patronName: 'Karen',
      loans: [
        { itemId: 'L1', title: 'Babettes gæstebud', dueDate: '2025-04-20', renewable: true, renewalReason: 'allowed', renewing: false, renewal: { ok: true, dueDate: '2025-04-20' } },
      ],
      holdsReady: [{ itemId: 'H1', title: 'Den afrikanske farm', pickupLocation: 'Hovedbiblioteket' }],
      feesDkk: 0,
      borrowingBlocked: { blocked: false, reason: 'ok' },
      busy: false,
    });
    for (const v of k.views) expect(JSON.stringify(v)).not.toMatch(new RegExp(`${CPR}|${PIN}`));
  });

  it('another patron’s card during a borrowing session ends it: their items never go on the first card', async () => {
    const k = startKiosk();
    await k.send({ type: 'CARD_READ', card: healthCard }, ...pinDigits(PIN), { type: 'PIN_ENTER' }, { type: 'ITEM_PLACED', tag: tag('111') });
    expect(k.view().screen).toMatchObject({ name: 'checkout', patronName: 'Karen' });
    k.clock.increment(30_000);
    k.clock.increment(1_000);
    expect(k.view().inactivity).toEqual({ secondsLeft: 4 });
    await k.send({ type: 'CARD_READ', card: boCard });
    // Karen's session is over (her ILS session ended) and nothing of hers is on the screen.
    expect(k.view()).toMatchObject({
      inactivity: null,
      screen: { name: 'identify', purpose: 'borrow', step: 'enter-pin', card: '••••0002', pinLength: 0 },
    });
    expect(JSON.stringify(k.view())).not.toMatch(/Karen|111/);
    await k.send({ type: 'ITEM_PLACED', tag: tag('222') });
    expect(k.log).toEqual(['checkout 111 for karen', 'end session karen']);
    await k.send(...pinDigits(BO_PIN), { type: 'PIN_ENTER' });
    expect(k.view().screen).toMatchObject({ name: 'checkout', patronName: 'Bo', items: [{ itemId: '222', status: 'borrowed' }] });
    expect(k.log).toEqual(['checkout 111 for karen', 'end session karen', 'checkout 222 for bo']);
  });

  it('the same card swiped again during the session changes nothing', async () => {
    const k = startKiosk();
    await k.send({ type: 'CARD_READ', card: healthCard }, ...pinDigits(PIN), { type: 'PIN_ENTER' }, { type: 'ITEM_PLACED', tag: tag('111') });
    await k.send({ type: 'CARD_READ', card: healthCard }, { type: 'ITEM_PLACED', tag: tag('222') });
    expect(k.view().screen).toMatchObject({ name: 'checkout', patronName: 'Karen', items: [{ itemId: '111' }, { itemId: '222' }] });
    expect(k.log).toEqual(['checkout 111 for karen', 'checkout 222 for karen']);
  });

  it('another patron’s card on my account ends that account session and starts theirs', async () => {
    const k = startKiosk();
    await k.send({ type: 'ACCOUNT' }, { type: 'CARD_READ', card: healthCard }, ...pinDigits(PIN), { type: 'PIN_ENTER' });
    expect(k.view().screen).toMatchObject({ name: 'account', patronName: 'Karen' });
    await k.send({ type: 'CARD_READ', card: boCard });
    expect(k.view().screen).toMatchObject({ name: 'identify', purpose: 'account', step: 'enter-pin', card: '••••0002' });
    expect(JSON.stringify(k.view())).not.toMatch(/Karen|Babettes|Den afrikanske farm/);
    expect(k.log).toEqual(['end session karen']);
  });

  it('keeps working when ending the previous patron’s ILS session fails', async () => {
    const k = startKiosk((log) => ({
      endSession: async ({ card }) => {
        log.push(`end session ${who(card)} failed`);
        throw new Error('SIP2 35 refused');
      },
    }));
    await k.send({ type: 'CARD_READ', card: healthCard }, ...pinDigits(PIN), { type: 'PIN_ENTER' }, { type: 'CARD_READ', card: boCard });
    await k.send(...pinDigits(BO_PIN), { type: 'PIN_ENTER' }, { type: 'ITEM_PLACED', tag: tag('222') });
    expect(k.actor.getSnapshot().status).toBe('active');
    expect(k.view().screen).toMatchObject({ name: 'checkout', patronName: 'Bo' });
    expect(k.log).toEqual(['end session karen failed', 'checkout 222 for bo']);
  });

  it('a different card while still identifying just replaces the card (no one is signed in yet)', async () => {
    const k = startKiosk();
    await k.send({ type: 'CARD_READ', card: healthCard }, ...pinDigits('12'), { type: 'CARD_READ', card: boCard });
    expect(k.view().screen).toMatchObject({ name: 'identify', step: 'enter-pin', card: '••••0002', pinLength: 0 });
    expect(k.log).toEqual([]);
  });

  it('returns items and tells where they go, with no login', async () => {
    const k = startKiosk();
    await k.send({ type: 'RETURN' }, { type: 'ITEM_PLACED', tag: tag('222') });
    expect(k.view().screen).toMatchObject({ name: 'return', items: [{ itemId: '222', status: 'returned', destination: 'hold-shelf' }] });
  });

  it('shows the inactivity countdown over the session screen', async () => {
    const k = startKiosk();
    await k.send({ type: 'RETURN' });
    k.clock.increment(30_000);
    k.clock.increment(1_000);
    expect(k.view()).toMatchObject({ screen: { name: 'return' }, inactivity: { secondsLeft: 4 } });
    await k.send({ type: 'STILL_HERE' });
    expect(k.view().inactivity).toBeNull();
  });

  it('offline: says what still works and keeps my account closed', async () => {
    const k = startKiosk();
    await k.send({ type: 'ILS_OFFLINE' }, { type: 'ACCOUNT' });
    expect(k.view()).toMatchObject({
      online: false,
      offline: { works: ['borrow', 'return'], unavailable: ['account'] },
      screen: { name: 'start', accountAvailable: false },
    });
    await k.send({ type: 'ILS_ONLINE' });
    expect(k.view()).toMatchObject({ online: true, offline: null });
  });

  it('enters diagnostics with a technician card or code, never for anyone else', async () => {
    const k = startKiosk();
    await k.send({ type: 'TECHNICIAN_CODE', code: '000000' });
    expect(k.view().screen).toEqual({ name: 'start', accountAvailable: true, notice: 'technician-refused' });
    await k.send({ type: 'CARD_READ', card: techCard });
    expect(k.view().screen).toMatchObject({ name: 'diagnostics', activity: 'idle', queue: [] });
    await k.send({ type: 'DEVICE_STATUS', status: { device: 'rfid', state: 'connected' } }, { type: 'ILS_ROUND_TRIP' });
    expect(k.view().screen).toMatchObject({ devices: [{ device: 'rfid', state: 'connected' }], ils: { ok: true, ms: 12 } });
    await k.send({ type: 'EXIT' }, { type: 'TECHNICIAN_CODE', code: '424242' });
    expect(k.view().screen.name).toBe('diagnostics');
    expect(JSON.stringify(k.views)).not.toContain('TECH-0001');
  });

  it('says so when technician access is locked out, and stays on the start screen', async () => {
    const k = startKiosk();
    await k.send({ type: 'TECHNICIAN_CODE', code: '999999' });
    expect(k.view().screen).toEqual({ name: 'start', accountAvailable: true, notice: 'technician-locked' });
    await k.send({ type: 'BORROW' });
    expect(k.view().screen.name).not.toBe('start');
  });
});

describe('isKioskUiEvent', () => {
  it('accepts the renderer’s events with exactly their fields', () => {
    const good: unknown[] = [
      { type: 'BORROW' },
      { type: 'SET_LANGUAGE', language: 'en' },
      { type: 'PIN_DIGIT', digit: '0' },
      { type: 'RENEW', itemId: '3274-0012' },
      { type: 'TECHNICIAN_CODE', code: '1234' },
      { type: 'EXIT' },
    ];
    expect(good.map(isKioskUiEvent)).toEqual(good.map(() => true));
  });

  it('refuses runtime-only events, extra fields and malformed values', () => {
    const bad: unknown[] = [
      { type: 'CARD_READ', card: healthCard },
      { type: 'ITEM_PLACED', tag: tag('1') },
      { type: 'ILS_ONLINE' },
      { type: 'SESSION_TIMEOUT' },
      { type: 'PATRON_CHANGED', card: boCard },
      { type: 'BORROW', extra: 1 },
      { type: 'PIN_DIGIT', digit: '12' },
      { type: 'SET_LANGUAGE', language: 'de' },
      { type: 'RENEW', itemId: '' },
      { type: 'RENEW', itemId: 'x'.repeat(65) },
      null,
      'BORROW',
      [],
    ];
    expect(bad.map(isKioskUiEvent)).toEqual(bad.map(() => false));
  });
});
