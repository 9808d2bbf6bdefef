// When the runtime dies, the browser screen must not keep showing the last patron's name, loans
// and working buttons: the real kiosk process is killed under a signed-in patron in Chromium.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2eBrowser, launchBrowser, screenshot } from './support/browser';
import { KioskPage } from './support/kiosk-page';
import { type KioskProcess, startKioskProcess } from './support/kiosk-process';
import { assertRendererBuilt } from './support/renderer-build';

let browser: E2eBrowser;
let kiosk: KioskProcess | null = null;

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
});

afterAll(async () => {
  await browser?.close();
});

describe('the browser screen when the runtime dies', () => {
  it('clears the patron’s account within two seconds and shows a neutral out-of-order screen', async () => {
    kiosk = await startKioskProcess();
    const { page } = await browser.page();
    await page.goto(kiosk.url);
    const k = new KioskPage(page);
    await k.see('Velkommen til biblioteket');
    await k.signIn('Min konto', 'anna');
    await k.see('Hej Anna');
    const before = await page.locator('body').innerText();
    expect(before).toContain('Anna');

    await kiosk.kill();
    const killedAt = Date.now();
    await k.see('Kiosken er ude af drift lige nu', 2_000);
    expect(Date.now() - killedAt).toBeLessThan(2_000);
    const after = await page.locator('body').innerText();
    expect(after).not.toContain('Anna');
    expect(await page.getByRole('button').count()).toBe(0);
    await screenshot(page, 'runtime-lost');
  }, 60_000);
});
