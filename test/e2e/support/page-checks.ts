// Checks every screen should pass in a real browser: touch targets of at least 64 px on the
// patron's screen (the tester drawer excepted) and a visible focus ring.
import { type Page } from 'playwright-core';

export interface SmallTarget {
  name: string;
  width: number;
  height: number;
}

/** Buttons and inputs on the patron's screen smaller than 64 x 64 CSS pixels. */
export async function smallTargets(page: Page, min = 64): Promise<SmallTarget[]> {
  return (await page.evaluate(`(() => {
    const targets = [...document.querySelectorAll('.kiosk__patron button, .kiosk__patron input, .dialog button')];
    return targets
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0 && (box.width < ${min} || box.height < ${min}))
      .map(({ el, box }) => ({ name: el.getAttribute('aria-label') || el.textContent.trim(), width: Math.round(box.width), height: Math.round(box.height) }));
  })()`)) as SmallTarget[];
}

/** The accessible name and outline of the element that has focus. */
export async function focused(page: Page): Promise<{ name: string; outline: string }> {
  return (await page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return { name: '', outline: 'none' };
    const style = getComputedStyle(el);
    return { name: (el.getAttribute('aria-label') || el.textContent || '').trim(), outline: style.outlineStyle + ' ' + style.outlineWidth };
  })()`)) as { name: string; outline: string };
}
