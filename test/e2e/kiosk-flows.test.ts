// The whole kiosk, end to end: the real runtime (`kiosk start --browser`, embedded default with
// simulated devices and the bundled simulated ILS, its own data folder, the clock at a weekday
// 10:00) driven through the screen and the simulation drawer in Debian's Chromium. Each test
// saves screenshots under test-output/screenshots and scans each screen it visits with axe.
import { describe, expect, it } from 'vitest';
import { ITEMS, type KioskPage } from './support/kiosk-page';
import { TECHNICIAN_CODE } from './support/kiosk-process';
import { browserKioskSuite } from './support/kiosk-suite';

const suite = browserKioskSuite();

async function openKiosk(options: Parameters<typeof suite.open>[0] = {}): Promise<KioskPage> {
  return (await suite.open(options)).screen;
}

describe('the kiosk in browser mode', () => {
  it('borrows 3 items, one a complete 3-part set, with a receipt', async () => {
    const k = await openKiosk();
    await k.check('borrow-01-start');
    await k.press(/^Lån/);
    await k.see('Scan dit sundhedskort eller lånerkort');
    await k.check('borrow-02-scan-card');
    await k.swipe('anna');
    await k.see('Tast din pinkode');
    await k.press('1');
    await k.press('2');
    await expect.poll(() => k.page.locator('.pin-dots__dot--filled').count()).toBe(2);
    await k.check('borrow-03-pin');
    await k.press('3');
    await k.press('4');
    await k.press('OK – godkend pinkoden');
    await k.see('Hej Anna');
    await k.place(ITEMS.bimse);
    await k.place(ITEMS.ninja);
    await k.place(ITEMS.set);
    await k.see('3 materialer lånt');
    const text = await k.page.locator('main').innerText();
    expect(text).toContain(`${ITEMS.set} (3 dele)`);
    expect(text.match(/Lånt – afleveres senest \d+\. \w+\. 2026/g)).toHaveLength(3);
    await k.check('borrow-04-three-items');
    await k.press('Færdig');
    await k.see('Du har lånt 3 materialer.');
    await k.check('borrow-05-receipt-choice');
    await k.press('Ja, udskriv');
    await k.see('Tag din kvittering.');
    await k.check('borrow-06-goodbye');
    await k.see('Velkommen til biblioteket', 15_000);
  }, 60_000);

  it('refuses an incomplete set and explains it', async () => {
    const k = await openKiosk();
    await k.signIn('Lån', 'bo');
    await k.see('Hej Bo');
    await k.press(`Læg 2 af 3 dele af ${ITEMS.set} på pladen`);
    await k.see('Sættet er ikke komplet: 2 af 3 dele ligger på pladen. Læg alle delene på pladen.');
    expect(await k.page.locator('main').innerText()).not.toContain('Lånt – afleveres');
    await k.check('incomplete-set');
  }, 60_000);

  it('refuses a patron who owes 250 kr, with the reason, in Danish and English', async () => {
    const k = await openKiosk();
    await k.press(/^Lån/);
    await k.see('Scan dit sundhedskort eller lånerkort');
    await k.swipe('frida');
    await k.see('Tast din pinkode');
    // This time the PIN comes from the hardware PIN pad.
    await k.press('Tast pinkode for Owes 250 kr (Frida) på pinkodetastaturet');
    await k.see('Du kan ikke låne lige nu');
    const text = (await k.page.locator('main').innerText()).replace(/\u00a0/g, ' ');
    expect(text).toContain('Hej Frida');
    expect(text).toContain('Du skylder biblioteket mere end grænsen for at låne.');
    expect(text).toContain('Dine gebyrer: 250,00 kr.');
    await k.check('blocked-250-da');
    await k.press('Change language to English');
    await k.see('You cannot borrow right now');
    expect((await k.page.locator('main').innerText()).replace(/\u00a0/g, ' ')).toContain('Your fees: DKK 250.00');
    await k.check('blocked-250-en');
  }, 60_000);

  it('returns items and says which goes to the hold shelf', async () => {
    const k = await openKiosk();
    await k.press(/^Aflever/);
    await k.see('Du behøver ikke at logge ind.');
    await k.place(ITEMS.kongensFald);
    await k.place(ITEMS.smilla);
    await k.place(ITEMS.otherBranch);
    await k.see('3 materialer afleveret');
    const text = await k.page.locator('main').innerText();
    expect(text).toMatch(new RegExp(`${ITEMS.smilla}\\s+Afleveret\\s+Reserveret til en anden låner – læg det på reserveringshylden\\.`));
    expect(text).toMatch(new RegExp(`${ITEMS.kongensFald}\\s+Afleveret\\s+Læg det i sorteringskasse \\d+\\.`));
    expect(text).toMatch(new RegExp(`${ITEMS.otherBranch}\\s+Afleveret\\s+Skal til Filial Øst – læg det i kassen til andre biblioteker\\.`));
    await k.check('return-hold-shelf');
    await k.press('Færdig');
    await k.see('Du har afleveret 3 materialer.');
    await k.press('Nej tak');
    await k.see('Tak for besøget');
  }, 60_000);

  it('renews a loan from my account', async () => {
    const k = await openKiosk();
    await k.check('account-00-start');
    await k.signIn('Min konto', 'anna');
    await k.see('Hej Anna');
    await k.see(/Dine lån \(\d+\)/);
    await k.check('account-01-overview');
    await k.press(`Forny ${ITEMS.kongensFald}`);
    await k.see(/Fornyet – afleveres nu senest \d+\. \w+\. 20\d\d/);
    await k.check('account-02-renewed');
    await k.press('Forny alle');
    await k.page.locator('li', { hasText: ITEMS.interlibrary }).getByText(/Fornyet – afleveres nu senest/).waitFor();
    await k.press('Log ud');
    await k.see('Velkommen til biblioteket', 15_000);
  }, 60_000);

  it('shows an offline banner that says what still works when the library system stops', async () => {
    const k = await openKiosk();
    await k.press('Stop biblioteksystemet');
    await k.see('Stoppet');
    await k.see('Biblioteksystemet svarer ikke lige nu', 45_000);
    await k.see('Det virker stadig: lån, hvis du har brugt dit kort her før og aflevering.');
    await k.see('Det virker ikke lige nu: min konto.');
    expect(await k.button(/^Min konto/).isDisabled()).toBe(true);
    await k.check('offline-banner');
  }, 90_000);

  it('enters diagnostics with the technician code and runs the tests', async () => {
    const k = await openKiosk();
    // The start key went into an HttpOnly cookie; the address bar no longer holds it.
    expect(k.page.url()).not.toContain('key=');
    const cookies = await k.page.context().cookies(k.page.url());
    expect(cookies.filter((c) => c.name.startsWith('kiosk_key_')).map((c) => ({ httpOnly: c.httpOnly, sameSite: c.sameSite }))).toEqual([{ httpOnly: true, sameSite: 'Strict' }]);
    await k.press('Service');
    await k.page.getByLabel('Teknikerkode').fill(TECHNICIAN_CODE);
    await k.press('Åbn diagnose');
    await k.see('Version og konfiguration');
    await k.press('Testudskrift');
    await k.see(/Testudskrift\s*OK/);
    await k.press('Test dørlåsen');
    // E2E_CLOCK is inside unstaffed hours: no lock pulse then, and the screen says why.
    await k.see('Ikke tilladt i selvbetjent åbningstid (ingen personale): brug kort og pinkode ved døren');
    await k.press('Test biblioteksystemet');
    await k.see(/OK på \d+ ms/);
    await k.press('Vis offline-køen');
    await k.see('Køen er tom.');
    await k.swipe('anna');
    await k.see(/Kort \(sundhedskort\): /);
    const text = await k.page.locator('main').innerText();
    expect(text).toMatch(/Kortlæser\s+Tilsluttet/);
    expect(text).not.toContain('0103801001');
    await k.check('diagnostics');
    await k.press('Afslut diagnose');
    await k.see('Velkommen til biblioteket');
  }, 60_000);

  it('signs a patron out after inactivity, with a countdown', async () => {
    // The site's own inactivity timing (config `session`), short so the test need not wait 60 s.
    const k = await openKiosk({ session: { warnAfterSeconds: 6, countdownSeconds: 5 } });
    await k.signIn('Lån', 'anna');
    await k.see('Hej Anna');
    await k.see('Er du her stadig?', 15_000);
    await k.see(/Du bliver logget ud om \d+ sekund/);
    await k.check('inactivity-warning');
    await k.see('Velkommen til biblioteket', 15_000);
  }, 60_000);
});
