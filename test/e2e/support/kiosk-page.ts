// Drives the kiosk screen as a patron and a tester would: by visible texts and button names
// (Danish, the default language), and through the simulation drawer.
import { type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO } from '../../../ils/sim/demo-data';
import { seriousA11yProblems } from './axe';
import { screenshot } from './browser';
import { smallTargets } from './page-checks';

/** The simulation drawer's labels for the demo patrons (runtime/kiosk/simulation.ts). */
export const PATRONS = {
  anna: { label: 'Adult (Anna, health card)', pin: DEMO.patrons.adult.pin },
  bo: { label: 'Adult (Bo, library card)', pin: DEMO.patrons.adultCard.pin },
  frida: { label: 'Owes 250 kr (Frida)', pin: DEMO.patrons.owes250.pin },
} as const;

export const ITEMS = {
  bimse: 'Kaptajn Bimse',
  ninja: 'Ternet Ninja',
  set: 'Dansk for begyndere (bog og 2 cd)',
  kongensFald: 'Kongens Fald',
  smilla: "Smilla's fornemmelse for sne",
  otherBranch: 'Tro, håb og kærlighed',
  interlibrary: 'Gammel dansk ordbog',
} as const;

export class KioskPage {
  constructor(readonly page: Page) {}

  text(text: string | RegExp) {
    return this.page.getByText(text).first();
  }

  async see(text: string | RegExp, timeout?: number): Promise<void> {
    await this.text(text).waitFor(timeout === undefined ? {} : { timeout });
  }

  button(name: string | RegExp) {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async press(name: string | RegExp): Promise<void> {
    await this.button(name).click();
  }

  async heading(): Promise<string> {
    return (await this.page.locator('h1').innerText()).trim();
  }

  /** Swipes a demo patron's card on the simulated reader. */
  async swipe(patron: keyof typeof PATRONS): Promise<void> {
    await this.press(`Scan kort for ${PATRONS[patron].label}`);
  }

  /** Types the PIN on the screen's own PIN pad, then OK. */
  async typePinOnScreen(pin: string): Promise<void> {
    for (const digit of pin) await this.press(digit);
    await this.press('OK – godkend pinkoden');
  }

  async place(title: string): Promise<void> {
    await this.press(`Læg på pladen: ${title}`);
  }

  /** Starts borrowing (or my account) and signs in with a card and the on-screen PIN pad. */
  async signIn(choice: 'Lån' | 'Min konto', patron: keyof typeof PATRONS): Promise<void> {
    await this.press(new RegExp(`^${choice}`));
    await this.see('Scan dit sundhedskort eller lånerkort');
    await this.swipe(patron);
    await this.see('Tast din pinkode');
    await this.typePinOnScreen(PATRONS[patron].pin);
  }

  /** Saves a screenshot and checks the screen with axe and for small touch targets. */
  async check(name: string): Promise<void> {
    await screenshot(this.page, name);
    expect(await seriousA11yProblems(this.page), `axe on ${name}`).toEqual([]);
    expect(await smallTargets(this.page), `touch targets on ${name}`).toEqual([]);
  }
}
