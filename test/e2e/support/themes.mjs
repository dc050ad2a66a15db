// Colour themes and the README's screenshots, shared by the suites that refresh docs/.
import fs from 'node:fs';
import path from 'node:path';
import { pickItem, REPO, runCommand, waitForExtensions } from '../harness.mjs';

// The README's screenshots: refreshed in docs/ with MENTORING_UPDATE_DOCS=1, otherwise kept in test-results/.
export const DOCS = process.env.MENTORING_UPDATE_DOCS === '1' ? path.join(REPO, 'docs') : path.join(REPO, 'test-results', 'docs');
export const THEMES = { dark: 'Dark Modern', light: 'Light Modern' };

/**
 * Switches the colour theme as a person would: Preferences: Color Theme, then pick it. The picker lists the themes
 * the workbench knows when it opens and does not update: right after start-up, before the workbench has read the
 * installed extensions (themes are built-in extensions), it is empty — so wait for that first.
 */
export async function setTheme(s, theme) {
  const light = theme.includes('Light');
  const isLight = () => s.page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs'));
  if ((await isLight()) === light) return;
  await waitForExtensions(s.page);
  await runCommand(s.page, 'Preferences: Color Theme');
  await pickItem(s.page, theme, { title: 'Color Theme' });
  await s.page.waitForFunction((l) => document.querySelector('.monaco-workbench')?.classList.contains(l ? 'vs' : 'vs-dark'), light, { timeout: 20_000 });
  await s.page.waitForTimeout(500);
}

/**
 * Screenshots of the current state in both themes, under docs/ (for the README) as `<name>-dark.png` and
 * `<name>-light.png`; `check(theme)` runs in each theme too (e.g. the contrast of the text). Ends in the dark theme.
 * `clip` (x, y, width, height) keeps only part of the window, e.g. the side bar.
 */
export async function shoot(s, name, check = async () => {}, { clip } = {}) {
  fs.mkdirSync(DOCS, { recursive: true });
  for (const [key, theme] of Object.entries(THEMES)) {
    await setTheme(s, theme);
    await s.page.screenshot({ path: path.join(DOCS, `${name}-${key}.png`), clip });
    await check(theme);
  }
  await setTheme(s, THEMES.dark);
}

/**
 * Widens the side bar to `width` pixels by dragging its sash, as a person would, so tree rows are read whole in the
 * README's pictures; returns the side bar's box.
 */
export async function widenSideBar(page, width) {
  const bar = page.locator('.part.sidebar');
  const box = await bar.boundingBox();
  if (!box) throw new Error('the side bar is not showing');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width / 2, y, { steps: 5 });
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
  await page.mouse.move(box.x + width + 200, y); // no hover tooltip in the picture
  const wide = await bar.boundingBox();
  if (Math.abs(wide.width - width) > 8) throw new Error(`the side bar is ${wide.width}px wide after the drag, not ${width}px`);
  return wide;
}

/** The box of one view (pane) of the side bar, by its title: the clip for `shoot`. */
export async function paneBox(page, title) {
  const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
  const box = await pane.boundingBox();
  if (!box) throw new Error(`the ${title} view is not showing`);
  return box;
}
