import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/views.testkit';
import { type Rendered, renderView } from '../render.testkit';

let r: Rendered;
afterEach(() => r.unmount());

describe('identify screen', () => {
  it('asks for the card first', () => {
    r = renderView(FIXTURES['identify-scan-card']);
    expect(r.text()).toContain('Scan dit sundhedskort eller lånerkort');
    expect(r.container.querySelector('.pin-pad')).toBeNull();
    r.click('Annuller');
    expect(r.sent).toEqual([{ type: 'CANCEL' }]);
  });

  it('shows the masked card and the PIN as dots, never digits', () => {
    r = renderView(FIXTURES['identify-enter-pin']);
    expect(r.text()).toContain('Kort: Sundhedskort ******-**01');
    expect(r.container.querySelectorAll('.pin-dots__dot')).toHaveLength(4);
    expect(r.container.querySelectorAll('.pin-dots__dot--filled')).toHaveLength(2);
    expect(r.text()).toContain('2 af 4 cifre tastet');
  });

  it('sends digits, delete, clear and OK from the on-screen pad', () => {
    r = renderView(FIXTURES['identify-enter-pin']);
    r.click('7');
    r.click('0');
    r.click('Slet sidste ciffer');
    r.click('Ryd pinkoden');
    r.click('OK – godkend pinkoden');
    expect(r.sent).toEqual([
      { type: 'PIN_DIGIT', digit: '7' },
      { type: 'PIN_DIGIT', digit: '0' },
      { type: 'PIN_BACKSPACE' },
      { type: 'PIN_CLEAR' },
      { type: 'PIN_ENTER' },
    ]);
  });

  it('takes digits and Backspace from the keyboard while the pad has focus', () => {
    r = renderView(FIXTURES['identify-enter-pin']);
    const key = r.button('5');
    act(() => {
      key.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true }));
      key.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true }));
      key.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    });
    expect(r.sent).toEqual([{ type: 'PIN_DIGIT', digit: '3' }, { type: 'PIN_BACKSPACE' }]);
  });

  it('cannot confirm an empty PIN', () => {
    r = renderView({ ...FIXTURES['identify-enter-pin'], screen: { ...FIXTURES['identify-enter-pin'].screen, pinLength: 0 } as never });
    expect(r.button('OK – godkend pinkoden').disabled).toBe(true);
  });

  it('explains a wrong PIN with the attempts left, in both languages', () => {
    r = renderView(FIXTURES['identify-wrong-pin']);
    expect(r.text()).toContain('Forkert pinkode.Du har 2 forsøg tilbage.');
    r.rerender({ ...FIXTURES['identify-wrong-pin'], language: 'en' });
    expect(r.text()).toContain('Wrong PIN.You have 2 tries left.');
  });

  it('explains a locked card and when to try again', () => {
    r = renderView(FIXTURES['identify-card-locked']);
    expect(r.text()).toContain('Kortet er spærret efter for mange forkerte pinkoder.');
    expect(r.text()).toContain('Du kan prøve igen 18. nov. 2026 kl. 10.30.');
  });

  it('shows no pad while the PIN is checked', () => {
    r = renderView(FIXTURES['identify-verifying']);
    expect(r.text()).toContain('Vi tjekker din pinkode');
    expect(r.text()).toContain('Min konto – log ind');
    expect(r.container.querySelector('.pin-pad')).toBeNull();
  });
});
