// When the runtime dies, the browser screen must not keep showing the last patron's name, loans
// and working buttons: the real kiosk process is killed under a signed-in patron in Chromium.
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { browserKioskSuite } from './support/kiosk-suite';

// The page logs the lost connection to the console: that is expected here.
const suite = browserKioskSuite({ consoleErrorsAllowed: true });

describe('the browser screen when the runtime dies', () => {
  it('clears the patron’s account within two seconds and shows a neutral out-of-order screen', async () => {
    const { screen: k, kiosk } = await suite.open();
    const { page } = k;
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
