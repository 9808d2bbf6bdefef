// Every screen (the renderer's fixture views) in the real browser-mode server and Debian's
// Chromium, with a fake runtime: axe finds no serious or critical problem, targets are large,
// the CSP holds (no console errors), and each screen is saved as a screenshot to look at.
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, type FixtureName, viewOf } from '../../renderer/fixtures/views.testkit';
import type { View } from '../../renderer/app/types';
import { startBrowserServer, type BrowserServer } from '../../runtime/browser/server';
import { FakeKioskHost } from '../browser/fake-kiosk-host';
import { seriousA11yProblems } from './support/axe';
import { type E2eBrowser, launchBrowser, screenshot } from './support/browser';
import { focused, smallTargets } from './support/page-checks';
import { assertRendererBuilt, RENDERER_DIR } from './support/renderer-build';

/** A text only that fixture's screen shows (so the test knows the new view is on screen). */
const MARKER: Record<FixtureName, string> = {
  start: 'Hvad vil du gøre?',
  'start-offline': 'Det virker stadig',
  'start-technician-refused': 'Teknikerkoden blev ikke godkendt.',
  'start-technician-locked': 'For mange forkerte teknikerkoder.',
  'start-simulation': 'Demolånere',
  'please-wait': 'Et øjeblik',
  'identify-scan-card': 'Scan dit sundhedskort eller lånerkort',
  'identify-enter-pin': '2 af 4 cifre tastet',
  'identify-verifying': 'Vi tjekker din pinkode',
  'identify-wrong-pin': 'Forkert pinkode.',
  'identify-card-locked': 'Kortet er spærret',
  'borrow-blocked': 'Du kan ikke låne lige nu',
  checkout: 'Sættet er ikke komplet',
  'checkout-empty': 'Ingen materialer endnu.',
  'checkout-inactivity': 'Er du her stadig?',
  return: 'reserveringshylden',
  'checkout-problems': 'afleveringsdatoen bliver sat',
  'return-problems': 'Det kan blive på biblioteket.',
  'receipt-choice': 'Du har lånt 3 materialer.',
  'receipt-choice-no-printer': 'Printeren virker ikke lige nu',
  printing: 'Udskriver din kvittering',
  goodbye: 'Tag din kvittering.',
  'goodbye-failed': 'Kvitteringen kunne ikke udskrives',
  'account-loading': 'Henter dine lån',
  'account-unavailable': 'Min konto virker ikke lige nu',
  account: 'Klar til afhentning (1)',
  'account-empty': 'You have no loans.',
  diagnostics: 'Version og konfiguration',
};

const BLANK = viewOf({ name: 'please-wait' });

let browser: E2eBrowser;
let server: BrowserServer;
let host: FakeKioskHost<View>;
let page: Page;
let errors: string[];

async function show(name: FixtureName): Promise<void> {
  host.emit(BLANK);
  await page.getByText('Et øjeblik').first().waitFor();
  host.emit(FIXTURES[name]);
  await page.getByText(MARKER[name]).first().waitFor();
}

beforeAll(async () => {
  assertRendererBuilt();
  host = new FakeKioskHost<View>(FIXTURES.start);
  server = await startBrowserServer({ host, rendererDir: RENDERER_DIR, port: 0 });
  browser = await launchBrowser();
  ({ page, errors } = await browser.page());
  await page.goto(server.url);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every screen in Chromium', () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])('%s: no serious or critical axe violation, large targets', async (name) => {
    await show(name);
    await screenshot(page, `screen-${name}`);
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });

  it('loads under the strict CSP without a console error', () => {
    expect(errors).toEqual([]);
  });

  it('is usable by keyboard in a logical order, with a visible focus ring', async () => {
    await show('start');
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.locator('h1').focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now.outline).toMatch(/^solid [1-9]/);
      order.push(now.name);
    }
    expect(order.map((n) => n.split(/\s+/)[0])).toEqual(['Lån', 'Aflever', 'Min', 'Service']);
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(host.sent.at(-1)).toEqual({ type: 'BORROW' });
  });

  it('types a PIN with the keyboard on the identify screen', async () => {
    await show('identify-enter-pin');
    await page.getByRole('button', { name: '5', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('12');
    expect(host.sent.slice(-3)).toEqual([
      { type: 'PIN_DIGIT', digit: '5' },
      { type: 'PIN_DIGIT', digit: '1' },
      { type: 'PIN_DIGIT', digit: '2' },
    ]);
  });
});
