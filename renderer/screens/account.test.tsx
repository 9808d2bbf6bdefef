import { afterEach, describe, expect, it } from 'vitest';
import type { ScreenOf } from '../app/types';
import { FIXTURES } from '../fixtures/views.testkit';
import { type Rendered, renderView } from '../render.testkit';

let r: Rendered;
afterEach(() => r.unmount());

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('my account', () => {
  it('lists loans with due dates and each renewal result', () => {
    r = renderView(FIXTURES.account);
    const text = r.text();
    expect(text).toContain('Dine lån (4)');
    expect(text).toContain('Kongens FaldAfleveres senest 1. dec. 2026');
    expect(text).toContain('Kan ikke fornyes: en anden låner har reserveret det.');
    expect(text).toContain('Gammel dansk ordbogFornyet – afleveres nu senest 7. jan. 2027');
    expect(text).toContain('Ikke fornyet: det er fornyet så mange gange, som man må.');
  });

  it('renews one or all', () => {
    r = renderView(FIXTURES.account);
    r.click('Forny Kongens Fald');
    r.click('Forny alle');
    expect(r.sent).toEqual([{ type: 'RENEW', itemId: '5000000006' }, { type: 'RENEW_ALL' }]);
    expect(() => r.button("Forny Smilla's fornemmelse for sne")).toThrow();
    expect(() => r.button('Forny Gammel dansk ordbog')).toThrow();
  });

  it('disables renewing while a renewal runs', () => {
    r = renderView({ ...FIXTURES.account, screen: { ...(FIXTURES.account.screen as ScreenOf<'account'>), busy: true } });
    expect(r.button('Forny alle').disabled).toBe(true);
    expect(r.button('Forny Kongens Fald').disabled).toBe(true);
  });

  it('shows holds ready for pickup and fees that block borrowing', () => {
    r = renderView(FIXTURES.account);
    const text = plain(r.text());
    expect(text).toContain('Klar til afhentning (1)');
    expect(text).toContain('Hentes på Hovedbiblioteket senest 25. nov. 2026');
    expect(text).toContain('Du skylder 250,00 kr.');
    expect(text).toContain('Du kan ikke låne, før det er betalt.');
    r.click('Log ud');
    expect(r.sent).toEqual([{ type: 'DONE' }]);
  });

  it('in English, with nothing on loan', () => {
    r = renderView(FIXTURES['account-empty']);
    expect(r.text()).toContain('You have no loans.');
    expect(r.text()).toContain('No holds are ready for pickup.');
    expect(r.text()).toContain('You have no fees.');
    expect(() => r.button('Renew all')).toThrow();
  });

  it('says when my account cannot be fetched', () => {
    r = renderView(FIXTURES['account-unavailable']);
    expect(r.text()).toContain('Du kan stadig låne og aflevere.');
    r.click('Log ud');
    expect(r.sent).toEqual([{ type: 'DONE' }]);
  });
});
