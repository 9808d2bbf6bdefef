import { afterEach, describe, expect, it } from 'vitest';
import type { ScreenOf } from '../app/types';
import { FIXTURES } from '../fixtures/views.testkit';
import { type Rendered, renderView } from '../render.testkit';

let r: Rendered;
afterEach(() => r.unmount());

const diagnostics = FIXTURES.diagnostics;

describe('diagnostics', () => {
  it('shows device states, live reads, test results, the queue and the summary', () => {
    r = renderView(diagnostics);
    const text = r.text();
    expect(text).toContain('KortlæserTilsluttet');
    expect(text).toContain('KvitteringsprinterFejl: paper out');
    expect(text).toContain('Kort (sundhedskort): ******-**01');
    expect(text).toContain('Tast på pinkodetastaturet: ciffer');
    expect(text).toContain('Mærke lagt på: 5000000005, del 2 af 3');
    expect(text).toContain('Fejlet: paper out');
    expect(text).toContain('OK på 12 ms');
    expect(text).toContain('18. nov. 2026 09.12 · udlån · 5000000002 · venter');
    expect(text).toContain('Version0.1.0');
    expect(text).toContain('ils.password********');
  });

  it('runs the tests and leaves', () => {
    r = renderView(diagnostics);
    r.click('Testudskrift');
    r.click('Test dørlåsen');
    r.click('Test biblioteksystemet');
    r.click('Vis offline-køen');
    r.click('Afslut diagnose');
    expect(r.sent.map((e) => e.type)).toEqual(['TEST_PRINT', 'LOCK_PULSE', 'ILS_ROUND_TRIP', 'LOAD_QUEUE', 'EXIT']);
  });

  it('says why the lock pulse was refused', () => {
    r = renderView({ ...diagnostics, screen: { ...(diagnostics.screen as ScreenOf<'diagnostics'>), lock: { ok: false, refused: 'unstaffed-hours' } } });
    expect(r.text()).toContain('Ikke tilladt i selvbetjent åbningstid (ingen personale): brug kort og pinkode ved døren');
  });

  it('runs one test at a time', () => {
    r = renderView({ ...diagnostics, screen: { ...(diagnostics.screen as ScreenOf<'diagnostics'>), activity: 'pinging' } });
    expect(r.button('Testudskrift').disabled).toBe(true);
    expect(r.text()).toContain('Kører …');
    expect(r.button('Afslut diagnose').disabled).toBe(false);
  });
});
