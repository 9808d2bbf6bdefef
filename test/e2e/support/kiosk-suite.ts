// One real kiosk process per test, shown in one shared Chromium: the hooks every browser-mode suite
// needs (renderer built, browser up, kiosk stopped after each test with its output on failure, no
// console errors unless the suite expects them).
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type E2eBrowser, launchBrowser } from './browser';
import { KioskPage } from './kiosk-page';
import { type KioskProcess, startKioskProcess } from './kiosk-process';
import { assertRendererBuilt } from './renderer-build';

export interface BrowserKiosk {
  screen: KioskPage;
  kiosk: KioskProcess;
}

export function browserKioskSuite({ consoleErrorsAllowed = false }: { consoleErrorsAllowed?: boolean } = {}) {
  let browser: E2eBrowser | null = null;
  let kiosk: KioskProcess | null = null;
  let errors: string[] = [];

  beforeAll(async () => {
    assertRendererBuilt();
    browser = await launchBrowser();
  }, 30_000);

  afterEach(async (context) => {
    for (const page of browser?.context.pages() ?? []) await page.close();
    const output = kiosk?.output() ?? '';
    await kiosk?.stop();
    kiosk = null;
    if (context.task.result?.state === 'fail') console.error(`kiosk output:\n${output.slice(-4000)}`);
    if (!consoleErrorsAllowed) expect(errors, 'console errors (CSP violations among them)').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    /** Starts the kiosk and opens its screen at the welcome view. */
    async open(options: Parameters<typeof startKioskProcess>[0] = {}): Promise<BrowserKiosk> {
      kiosk = await startKioskProcess(options);
      const opened = await (browser as E2eBrowser).page();
      errors = opened.errors;
      await opened.page.goto(kiosk.url);
      const screen = new KioskPage(opened.page);
      await screen.see('Velkommen til biblioteket');
      return { screen, kiosk };
    },
  };
}
