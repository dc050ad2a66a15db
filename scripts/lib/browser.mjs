// Headless Chromium (Debian's, never a Playwright download) driven by playwright-core.
import { chromium } from 'playwright-core';
import { shuttingDown, track } from './cleanup.mjs';
import { CHROMIUM_PATH } from './tooling.mjs';

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {Promise<import('playwright-core').Browser>} */
export async function launchBrowser({ headless = true } = {}) {
  if (shuttingDown()) throw new Error('launchBrowser: shutting down');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    args: BROWSER_ARGS,
    // We tear down ourselves (scripts/lib/cleanup.mjs), in order: browser first, then code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const untrack = track({
    name: 'chromium',
    stop: async () => {
      untrack();
      await browser.close().catch(() => {});
    },
    stopSync: () => {
      /* playwright kills the browsers it launched when this process exits */
    },
  });
  browser.on('disconnected', () => untrack());
  return browser;
}

/**
 * Opens `url` in a new page and waits until the workbench is up.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{timeoutMs?: number, beforeNavigate?: (page: import('playwright-core').Page) => Promise<void>, viewport?: {width:number,height:number}}} [o]
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openWorkbench(browser, url, o = {}) {
  const context = await browser.newContext({ viewport: o.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  if (o.beforeNavigate) await o.beforeNavigate(page);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: o.timeoutMs ?? 60_000 });
  await waitForWorkbench(page, o.timeoutMs ?? 60_000);
  return page;
}

/** Waits for the workbench DOM (activity bar and status bar drawn). */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.activitybar, .monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: timeoutMs });
}
