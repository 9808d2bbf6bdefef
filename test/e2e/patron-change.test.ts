// Another patron's card during a signed-in session, through the real runtime and Chromium: the
// first patron's session ends (nothing of theirs stays on the screen) and the new card is asked
// for its own PIN.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2eBrowser, launchBrowser } from './support/browser';
import { ITEMS, KioskPage, PATRONS } from './support/kiosk-page';
import { type KioskProcess, startKioskProcess } from './support/kiosk-process';
import { assertRendererBuilt } from './support/renderer-build';

let browser: E2eBrowser;
let kiosk: KioskProcess | null = null;
let errors: string[] = [];

beforeAll(async () => {
  assertRendererBuilt();
  browser = await launchBrowser();
}, 30_000);

afterEach(async (context) => {
  for (const page of browser.context.pages()) await page.close();
  const output = kiosk?.output() ?? '';
  await kiosk?.stop();
  kiosk = null;
  if (context.task.result?.state === 'fail') console.error(`kiosk output:\n${output.slice(-4000)}`);
  expect(errors, 'console errors (CSP violations among them)').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('another patron’s card during a session', () => {
  it('ends the first patron’s borrowing session; the next items go on the new patron’s card only after their PIN', async () => {
    kiosk = await startKioskProcess();
    const opened = await browser.page();
    errors = opened.errors;
    await opened.page.goto(kiosk.url);
    const k = new KioskPage(opened.page);
    await k.see('Velkommen til biblioteket');
    await k.signIn('Lån', 'anna');
    await k.see('Hej Anna');
    await k.place(ITEMS.bimse);
    await k.see('Lånt – afleveres senest');

    await k.swipe('bo');
    await k.see('Tast din pinkode');
    const main = () => k.page.locator('main').innerText();
    expect(await main()).not.toMatch(/Anna|Kaptajn Bimse/);
    await k.typePinOnScreen(PATRONS.bo.pin);
    await k.see('Hej Bo');
    await k.place(ITEMS.ninja);
    await k.see('Lånt – afleveres senest');
    expect(await main()).not.toContain(ITEMS.bimse);
  }, 60_000);
});
