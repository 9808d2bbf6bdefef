import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, SIMULATION } from '../fixtures/views.testkit';
import { type Rendered, renderView, typeInto } from '../render.testkit';

let r: Rendered;
afterEach(() => r.unmount());

const view = FIXTURES['start-simulation'];

describe('simulation panel', () => {
  it('swipes a demo card and types its PIN on the hardware pad', () => {
    r = renderView(view);
    r.click('Scan kort for Anna (voksen)');
    r.click('Tast pinkode for Frida (skylder 250 kr) på pinkodetastaturet');
    expect(r.sent).toEqual([{ type: 'SIM_SWIPE', patron: 'adult' }, { type: 'SIM_KEYPAD_PIN', patron: 'owes250' }]);
  });

  it('types keys, keeping only digits, # and *', () => {
    r = renderView(view);
    typeInto(r.container.querySelector('#sim-keys') as HTMLInputElement, '12a3#');
    r.click('Tast');
    expect(r.sent).toEqual([{ type: 'SIM_KEYPAD', keys: '123#' }]);
  });

  it('places a whole set or some parts, removes and clears', () => {
    r = renderView(view);
    r.click('Læg på pladen: Dansk for begyndere (bog og 2 cd)');
    r.click('Læg 2 af 3 dele af Dansk for begyndere (bog og 2 cd) på pladen');
    r.click('Fjern Kaptajn Bimse fra pladen');
    r.click('Ryd pladen');
    expect(r.sent).toEqual([
      { type: 'SIM_PLACE', itemId: '5000000005' },
      { type: 'SIM_PLACE', itemId: '5000000005', parts: 2 },
      { type: 'SIM_REMOVE', itemId: '5000000001' },
      { type: 'SIM_CLEAR_PAD' },
    ]);
  });

  it('sets the paper and stops the library system', () => {
    r = renderView(view);
    expect(r.button('OK').getAttribute('aria-pressed')).toBe('true');
    r.click('Tomt');
    r.click('Stop biblioteksystemet');
    expect(r.sent).toEqual([{ type: 'SIM_PAPER', state: 'out' }, { type: 'SIM_ILS', online: false }]);
    r.rerender({ ...view, simulation: { ...SIMULATION, ilsOnline: false } });
    r.click('Start biblioteksystemet');
    expect(r.sent.at(-1)).toEqual({ type: 'SIM_ILS', online: true });
  });

  it('folds away', () => {
    r = renderView(view);
    r.click('Skjul simulation');
    expect((r.container.querySelector('#sim-body') as HTMLElement).hidden).toBe(true);
    expect(r.button('Vis simulation').getAttribute('aria-expanded')).toBe('false');
  });
});
