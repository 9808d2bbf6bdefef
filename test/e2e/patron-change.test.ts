// Another patron's card during a signed-in session, through the real runtime and Chromium: the
// first patron's session ends (nothing of theirs stays on the screen) and the new card is asked
// for its own PIN.
import { describe, expect, it } from 'vitest';
import { ITEMS, PATRONS } from './support/kiosk-page';
import { browserKioskSuite } from './support/kiosk-suite';

const suite = browserKioskSuite();

describe('another patron’s card during a session', () => {
  it('ends the first patron’s borrowing session; the next items go on the new patron’s card only after their PIN', async () => {
    const k = (await suite.open()).screen;
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
