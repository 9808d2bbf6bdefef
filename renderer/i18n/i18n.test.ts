import { describe, expect, it } from 'vitest';
import { da } from './da';
import { en } from './en';
import { formatDate, formatMoney, formatTime } from './format';
import { BORROWING_BLOCKS, CHECKIN_REFUSALS, CHECKOUT_REFUSALS, DESTINATIONS, IDENTIFY_REFUSALS, reasonKey, RENEWAL_REASONS } from './reasons';
import { CATALOGUES, createTranslator, type MessageKey } from './translate';

/** ICU separates amounts and units with no-break spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it('have no empty texts', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same {values} in both languages', () => {
    for (const key of Object.keys(da) as MessageKey[]) expect(placeholders(en[key]), key).toEqual(placeholders(da[key]));
  });

  it('have both plural forms wherever one exists', () => {
    for (const key of Object.keys(da)) {
      if (key.endsWith('.one')) expect(Object.hasOwn(da, key.replace(/\.one$/, '.other')), key).toBe(true);
      if (key.endsWith('.other')) expect(Object.hasOwn(da, key.replace(/\.other$/, '.one')), key).toBe(true);
    }
  });
});

describe('reason codes', () => {
  const maps = { IDENTIFY_REFUSALS, BORROWING_BLOCKS, CHECKOUT_REFUSALS, CHECKIN_REFUSALS, RENEWAL_REASONS, DESTINATIONS };

  it.each(Object.entries(maps))('%s: every code has its own message in both languages', (_name, map) => {
    const keys = Object.values(map) as MessageKey[];
    expect(new Set(keys).size).toBe(keys.length);
    for (const [code, key] of Object.entries(map) as [string, MessageKey][]) {
      expect(da[key], code).toBeTruthy();
      expect(en[key], code).toBeTruthy();
    }
  });

  it('covers the codes the machines and the policy send', () => {
    const checkout = ['afi-write-failed', 'incomplete-set', 'ils-refused', 'offline-limit-reached', 'on-loan-to-another', 'patron-blocked', 'reserved-by-another', 'unavailable', 'unreadable-tag',
      'item-lifted', 'unknown-item-offline', 'not-for-loan', 'other-library', 'undo-pending', 'needs-staff'];
    expect(Object.keys(CHECKOUT_REFUSALS).sort()).toEqual(checkout.sort());
    expect(Object.keys(CHECKIN_REFUSALS).sort()).toEqual(['afi-write-failed', 'ils-refused', 'incomplete-set', 'unavailable', 'unreadable-tag', 'item-lifted', 'not-on-loan'].sort());
    expect(Object.keys(BORROWING_BLOCKS).sort()).toEqual(['card-lost', 'debt-threshold', 'ils-block', 'rules-not-applied']);
    expect(Object.keys(IDENTIFY_REFUSALS).sort()).toEqual(['card-locked', 'offline-unknown', 'unavailable', 'unknown-card', 'wrong-pin']);
    expect(Object.keys(DESTINATIONS).sort()).toEqual(['alert', 'hold-shelf', 'other-branch', 'shelf', 'sort-bin']);
    expect(Object.keys(RENEWAL_REASONS).sort()).toEqual(
      ['ok', 'ok-late-fee', 'reserved', 'limit-reached', 'after-due-date', 'too-early', 'interlibrary-personal-request', 'interlibrary-limit-reached', 'interlibrary-after-due-date', 'ils-refused', 'unavailable', 'outcome-unknown', 'rules-not-applied'].sort(),
    );
  });

  it('falls back to a plain message for a code it does not know, never the raw code', () => {
    expect(reasonKey(CHECKOUT_REFUSALS, 'reserved-by-another', 'refusal.fallback')).toBe('refusal.checkout.reserved-by-another');
    expect(reasonKey(CHECKOUT_REFUSALS, 'something-new', 'refusal.fallback')).toBe('refusal.fallback');
    expect(reasonKey(CHECKOUT_REFUSALS, 'toString', 'refusal.fallback')).toBe('refusal.fallback');
    expect(reasonKey(CHECKOUT_REFUSALS, undefined, 'refusal.fallback')).toBe('refusal.fallback');
  });
});

describe('formatting', () => {
  it('formats due dates for da-DK and en-GB in Copenhagen time', () => {
    expect(formatDate('2026-11-20', 'da-DK')).toBe('20. nov. 2026');
    expect(formatDate('2026-11-20', 'en-GB')).toBe('20 Nov 2026');
    // 23:30 UTC on 31 March is already 1 April in Copenhagen (summer time).
    expect(formatDate('2026-03-31T23:30:00Z', 'da-DK')).toBe('1. apr. 2026');
    expect(formatTime('2026-11-18T10:30:00+01:00', 'da-DK')).toBe('10.30');
    expect(formatTime('2026-07-18T10:30:00+02:00', 'en-GB')).toBe('10:30');
  });

  it('formats money in kroner', () => {
    expect(plain(formatMoney(250, 'da-DK'))).toBe('250,00 kr.');
    expect(plain(formatMoney(199.5, 'en-GB'))).toBe('DKK 199.50');
  });

  it('shows a value it cannot read as it came', () => {
    expect(formatDate('not a date', 'da-DK')).toBe('not a date');
  });

  it('fills values and picks plural forms', () => {
    const daT = createTranslator('da');
    const enT = createTranslator('en');
    expect(daT.t('checkout.greeting', { name: 'Anna' })).toBe('Hej Anna');
    expect(daT.plural('inactivity.countdown', 1)).toBe('Du bliver logget ud om 1 sekund.');
    expect(enT.plural('inactivity.countdown', 9)).toBe('You will be signed out in 9 seconds.');
    expect(enT.plural('identify.attemptsLeft', 1)).toBe('You have 1 try left.');
    expect(daT.list(['lån', 'aflevering'])).toBe('lån og aflevering');
  });

  it('shows a key missing at run time as itself', () => {
    expect(createTranslator('en').t('device.scanner' as MessageKey)).toBe('device.scanner');
  });
});
