import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/views.testkit';
import { type Rendered, renderView } from '../render.testkit';

let r: Rendered;
afterEach(() => r.unmount());

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('borrowing', () => {
  it('refuses a blocked patron with the reason and the fees', () => {
    r = renderView(FIXTURES['borrow-blocked']);
    const text = plain(r.text());
    expect(text).toContain('Du kan ikke låne lige nu');
    expect(text).toContain('Du skylder biblioteket mere end grænsen for at låne.');
    expect(text).toContain('Dine gebyrer: 250,00 kr.');
    r.click('OK, log ud');
    expect(r.sent).toEqual([{ type: 'FINISH' }]);
    r.rerender({ ...FIXTURES['borrow-blocked'], language: 'en' });
    expect(plain(r.text())).toContain('Your fees: DKK 250.00');
  });

  it('lists each item with its result and due date, sets and refusals in plain words', () => {
    r = renderView(FIXTURES.checkout);
    const text = r.text();
    expect(text).toContain('Kaptajn BimseLånt – afleveres senest 16. dec. 2026');
    expect(text).toContain('Dansk for begyndere (bog og 2 cd) (3 dele)Lånt');
    expect(text).toContain('Ikke lånt: en anden låner har reserveret det.');
    expect(text).toContain('Sættet er ikke komplet: 2 af 3 dele ligger på pladen.');
    expect(text).toContain('Materiale 5000000004Registrerer');
    expect(text).toContain('2 materialer lånt');
    r.click('Færdig');
    expect(r.sent).toEqual([{ type: 'FINISH' }]);
  });

  it('shows the same in English', () => {
    r = renderView({ ...FIXTURES.checkout, language: 'en' });
    expect(r.text()).toContain('Borrowed – due back 16 Dec 2026');
    expect(r.text()).toContain('Not borrowed: another patron has reserved it.');
    expect(r.text()).toContain('This set is incomplete: 2 of 3 parts are on the pad.');
  });

  it('asks to place items while the list is empty', () => {
    r = renderView(FIXTURES['checkout-empty']);
    expect(r.text()).toContain('Ingen materialer endnu.');
  });

  it('offers a receipt, or says why it cannot', () => {
    r = renderView(FIXTURES['receipt-choice']);
    expect(r.text()).toContain('Du har lånt 3 materialer.');
    r.click('Ja, udskriv');
    r.click('Nej tak');
    expect(r.sent).toEqual([{ type: 'PRINT_RECEIPT' }, { type: 'NO_RECEIPT' }]);
    r.rerender(FIXTURES['receipt-choice-no-printer']);
    expect(r.text()).toContain('Printeren virker ikke lige nu');
    expect(r.text()).toContain('Du har afleveret 1 materiale.');
    expect(r.button('Ja, udskriv').disabled).toBe(true);
  });

  it('says goodbye, with or without a receipt', () => {
    r = renderView(FIXTURES.goodbye);
    expect(r.text()).toContain('Tak for besøgetTag din kvittering.');
    r.rerender({ ...FIXTURES['goodbye-failed'], language: 'en' });
    expect(r.text()).toContain('The receipt could not be printed, but everything has been registered.');
  });
});

describe('returns', () => {
  it('says where each item goes', () => {
    r = renderView(FIXTURES.return);
    const text = r.text();
    expect(text).toContain('Kongens FaldAfleveretLæg det på returhylden.');
    expect(text).toContain('Reserveret til en anden låner – læg det på reserveringshylden.');
    expect(text).toContain('Skal til Filial Øst');
    expect(text).toContain('Læg det i sorteringskasse 3.');
    expect(text).toContain('Ikke afleveret: biblioteksystemet sagde nej.');
    expect(text).toContain('4 materialer afleveret');
    r.click('Færdig');
    expect(r.sent).toEqual([{ type: 'FINISH' }]);
  });

  it('in English too', () => {
    r = renderView({ ...FIXTURES.return, language: 'en' });
    expect(r.text()).toContain('Reserved for another patron – put it on the hold shelf.');
    expect(r.text()).toContain('Put it in sorting bin 3.');
  });
});

describe('inactivity warning', () => {
  it('counts down and answers "I am still here"', () => {
    r = renderView(FIXTURES['checkout-inactivity']);
    const dialog = r.container.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('Er du her stadig?Du bliver logget ud om 9 sekunder.');
    expect(r.container.querySelector('.kiosk__patron')?.hasAttribute('inert')).toBe(true);
    expect(document.activeElement?.textContent).toBe('Jeg er her stadig');
    r.click('Jeg er her stadig');
    expect(r.sent).toEqual([{ type: 'STILL_HERE' }]);
    r.rerender({ ...FIXTURES['checkout-inactivity'], inactivity: { secondsLeft: 1 }, language: 'en' });
    expect(r.text()).toContain('You will be signed out in 1 second.');
    r.rerender({ ...FIXTURES['checkout-inactivity'], inactivity: null });
    expect(r.container.querySelector('[role="alertdialog"]')).toBeNull();
  });
});
