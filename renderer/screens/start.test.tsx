import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/views.testkit';
import { type Rendered, renderView, typeInto } from '../render.testkit';

let r: Rendered;
afterEach(() => r.unmount());

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('start screen', () => {
  it('offers borrow, return and my account in Danish, and sends the choice', () => {
    r = renderView(FIXTURES.start);
    expect(r.text()).toContain('Velkommen til biblioteket');
    r.click(/^Lån/);
    r.click(/^Aflever/);
    r.click(/^Min konto/);
    expect(r.sent).toEqual([{ type: 'BORROW' }, { type: 'RETURN' }, { type: 'ACCOUNT' }]);
  });

  it('switches language with one touch', () => {
    r = renderView(FIXTURES.start);
    r.click('Change language to English');
    expect(r.sent).toEqual([{ type: 'SET_LANGUAGE', language: 'en' }]);
    r.rerender({ ...FIXTURES.start, language: 'en' });
    expect(r.text()).toContain('Welcome to the library');
    r.click('Skift sprog til dansk');
    expect(r.sent.at(-1)).toEqual({ type: 'SET_LANGUAGE', language: 'da' });
  });

  it('while offline: says what still works, and my account cannot be chosen', () => {
    r = renderView(FIXTURES['start-offline']);
    expect(r.text()).toContain('Biblioteksystemet svarer ikke lige nu');
    expect(r.text()).toContain('Det virker stadig: lån, hvis du har brugt dit kort her før og aflevering.');
    expect(r.text()).toContain('Det virker ikke lige nu: min konto.');
    expect(r.button(/^Min konto/).disabled).toBe(true);
    r.rerender({ ...FIXTURES['start-offline'], language: 'en' });
    expect(r.text()).toContain('Still working: borrowing, if you have used your card here before and returns.');
  });

  it('lets a technician type a code, which it sends and forgets', () => {
    r = renderView(FIXTURES.start);
    r.click('Service');
    const input = r.container.querySelector('input[type="password"]') as HTMLInputElement;
    typeInto(input, '  4711 ');
    r.click('Åbn diagnose');
    expect(r.sent).toEqual([{ type: 'TECHNICIAN_CODE', code: '4711' }]);
    expect(input.value).toBe('');
  });

  it('says when a technician code was refused', () => {
    r = renderView(FIXTURES['start-technician-refused']);
    expect(r.container.querySelector('[role="alert"]')?.textContent).toBe('Teknikerkoden blev ikke godkendt.');
  });

  it('says when technician access is locked out', () => {
    r = renderView(FIXTURES['start-technician-locked']);
    expect(r.container.querySelector('[role="alert"]')?.textContent).toBe('For mange forkerte teknikerkoder. Service er spærret et stykke tid.');
  });

  it('shows the simulation panel only in simulation mode', () => {
    r = renderView(FIXTURES.start);
    expect(r.container.querySelector('aside')).toBeNull();
    r.rerender(FIXTURES['start-simulation']);
    expect(r.container.querySelector('aside')?.textContent).toContain('Simulation');
    expect(plain(r.text())).toContain('Frida (skylder 250 kr)');
  });
});
