// One headless Debian Chromium per test file (playwright-core, no downloaded browser), with a
// fresh profile in a temporary folder; each test opens its own page.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface E2eBrowser {
  context: BrowserContext;
  /** A new page that records console errors (CSP violations among them). */
  page(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<E2eBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'kiosk-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 1000 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
  context.setDefaultTimeout(10_000);
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    context,
    async page() {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
