// End-to-end harness: the extension installed in a real VS Code (code-server, offline), driven through the UI
// with headless Chromium. For mocha ESM test files test/e2e/*.test.mjs.
//
//   import { startSession, runCommand, notifications, openView, treeItems } from './harness.mjs';
//   let s;
//   before(async () => { s = await startSession(); });
//   after(async () => { await s?.stop(); });          // stop in after(), not afterEach(): see mochaHooks
//   it('…', async () => { await runCommand(s.page, 'Mentoring: Draft a Specific Request…'); … });
//
// The extension is loaded the way a user has it: as an installed extension in the extensions folder
// (ExtensionMode.Production, no "Extension Development Host"), either the repo itself linked in as
// <publisher>.<name>-<version> (default; needs a build) or a packaged VSIX (`vsix`), installed with
// `code-server --install-extension`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openWorkbench, waitForWorkbench } from '../../scripts/lib/browser.mjs';
import { track } from '../../scripts/lib/cleanup.mjs';
import { startCodeServer } from '../../scripts/lib/codeServer.mjs';
import { ensureCodeServer, ensureSystemPackages } from '../../scripts/lib/tooling.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(REPO, 'test-results');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
/** careerkit.mentoring-outreach */
export const EXTENSION_ID = `${MANIFEST.publisher}.${MANIFEST.name}`;
const DEFAULT_TIMEOUT = 15_000;

/** @type {Set<Session>} */
const sessions = new Set();

/**
 * @typedef {object} Session
 * @property {import('playwright-core').Page} page
 * @property {string} url        the workbench URL (…/?folder=…)
 * @property {string} workspace  the folder that is open
 * @property {object} server     what startCodeServer returned (port, logFile, userDataDir, …)
 * @property {(name: string) => Promise<string>} screenshot  saves test-results/<name>.png, returns its path
 * @property {() => Promise<void>} reload   reloads the window (like "Developer: Reload Window")
 * @property {() => Promise<void>} restart  stops and starts code-server (same port, profile, browser), reopens the window
 * @property {() => Promise<void>} stop
 *
 * Note: in code-server, an extension's globalState/workspaceState (Memento) is kept by the browser (IndexedDB,
 * per origin 127.0.0.1:<port>), not in the user-data-dir: restart() keeps both the port and the browser context,
 * so state survives it; a new session starts with empty state.
 */

function safeName(name) {
  return String(name).replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 150) || 'screenshot';
}

/** Links the extension folder `extensionPath` into `extensionsDir` as <publisher>.<name>-<version>. */
function linkExtension(extensionsDir, extensionPath) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const main = manifest.main && path.resolve(extensionPath, manifest.main);
  if (main && !fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
    throw new Error(`The extension's main (${manifest.main}) does not exist in ${extensionPath}: build first (npm run build)`);
  }
  // code-server records whatever is in an empty extensions folder in its extensions.json on start.
  fs.symlinkSync(extensionPath, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
}

/**
 * Starts code-server with the extension installed, opens the workbench in headless Chromium.
 * @param {object} [o]
 * @param {string} [o.workspace]       folder to open (default: a fresh temp copy of test/fixtures/workspace)
 * @param {Record<string,string>} [o.env]  environment for code-server, inherited by the extension host
 * @param {string} [o.vsix]            install this VSIX instead of linking the repo (default: $MENTORING_E2E_VSIX,
 *                                     which `npm test` sets to the freshly packaged .vsix)
 * @param {string} [o.extensionPath]   extension folder to link in (default: the repo)
 * @param {string[]} [o.extraExtensionPaths]  more extension folders to link in next to it (e.g. test fixtures)
 * @param {object} [o.settings]        user settings (default: the harness' test settings)
 * @param {{width:number,height:number}} [o.viewport]
 * @returns {Promise<Session>}
 */
export async function startSession(o = {}) {
  ensureSystemPackages();
  await ensureCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-e2e-'));
  let server = null;
  let browser = null;
  let stopped = false;
  let stopping = null;
  // One teardown, however many callers (an after() hook and a Ctrl+C can race): they all wait for the same one.
  const stop = () =>
    (stopping ??= (async () => {
      stopped = true;
      sessions.delete(session);
      if (browser) await browser.close().catch(() => {});
      if (server) await server.stop().catch(() => {});
      fs.rmSync(tmp, { recursive: true, force: true });
      untrack();
    })());
  const untrack = track({ name: 'e2e session', stop, stopSync: () => fs.rmSync(tmp, { recursive: true, force: true }) });
  const session = /** @type {Session} */ ({ stop });
  try {
    const workspace = o.workspace ? path.resolve(o.workspace) : path.join(tmp, 'workspace');
    if (!o.workspace) {
      const fixture = path.join(REPO, 'test', 'fixtures', 'workspace');
      if (fs.existsSync(fixture)) fs.cpSync(fixture, workspace, { recursive: true });
      else fs.mkdirSync(workspace);
    }
    const extensionsDir = path.join(tmp, 'extensions');
    fs.mkdirSync(extensionsDir);
    const installExtensions = [];
    const vsix = o.vsix ?? (o.extensionPath ? undefined : process.env.MENTORING_E2E_VSIX);
    if (vsix) {
      installExtensions.push(path.resolve(vsix));
    } else {
      linkExtension(extensionsDir, path.resolve(o.extensionPath ?? REPO));
    }
    for (const extra of o.extraExtensionPaths ?? []) linkExtension(extensionsDir, path.resolve(extra));
    const userDataDir = path.join(tmp, 'user-data');
    const serverOptions = { workspace, extensionsDir, userDataDir, env: o.env, settings: o.settings };
    server = await startCodeServer({ ...serverOptions, installExtensions });
    browser = await launchBrowser();
    const page = await openWorkbench(browser, server.url, { viewport: o.viewport });
    Object.assign(session, {
      page,
      url: server.url,
      workspace,
      server,
      reload: async () => {
        // Through the command, not page.reload(): VS Code then shuts the window down properly and writes its storage.
        const loaded = page.waitForEvent('load', { timeout: 60_000 });
        try {
          await runCommand(page, 'Developer: Reload Window');
        } catch (e) {
          // The Enter that runs it can fail as the page unloads under it (the key press never "completes"): the
          // window did reload if the page loads again; otherwise the command's own error says why.
          await loaded.catch(() => {
            throw e;
          });
        }
        await loaded;
        await waitForWorkbench(page);
      },
      restart: async () => {
        if (stopped) throw new Error('restart(): the session was stopped');
        // VS Code in a browser writes storage changes ~100 ms after they happen and cannot write while a page
        // unloads: give pending writes a moment, then leave the workbench.
        await page.waitForTimeout(1000);
        await page.goto('about:blank');
        const port = server.port;
        await server.stop();
        server = await startCodeServer({ ...serverOptions, port });
        session.server = server;
        await page.goto(server.url, { waitUntil: 'domcontentloaded' });
        await waitForWorkbench(page);
      },
      screenshot: async (name) => {
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const file = path.join(RESULTS_DIR, `${safeName(name)}.png`);
        await page.screenshot({ path: file });
        return file;
      },
    });
    sessions.add(session);
    return session;
  } catch (e) {
    await stop();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Command palette and quick input
//
// Everything here works the quick input from the keyboard, as a person does: type a filter, see which row is the
// active one (the list's `.focused` row, the input's aria-activedescendant), move with the arrow keys, press Enter.
// Nothing clicks a list row: the list is virtual and re-renders as items arrive and as the filter changes (rows are
// recycled and moved), so a row element found a moment ago may be elsewhere, or another item's, by the time a click
// lands. The rows are read afresh before every key.
//
// Keys go to the quick input's own box (locator.press focuses it first). VS Code hands the focus back to the last
// focused editor a moment after a quick input closes, and a webview editor (the builder) takes it asynchronously:
// that can land after the next quick input opened (microsoft/vscode#93950, #75209). Keys sent to "whatever has the
// focus" would then go to the webview.

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;

function normalise(s) {
  return String(s ?? '').replace(/\.\.\./g, '…').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A palette row's aria-label ("Category: Title" or "Title", maybe ", keybinding…") matches `title`? */
function rowMatches(aria, title) {
  const a = normalise(aria);
  const t = normalise(title);
  const variants = [a];
  const colon = a.indexOf(': ');
  if (colon > 0 && !t.includes(': ')) variants.push(a.slice(colon + 2));
  return variants.some((v) => v === t || v.startsWith(`${t},`));
}

/** The rendered rows of the open quick input's list in list order: {index, label, aria, focused}. */
async function listRows(page) {
  return page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`).evaluateAll((els) => {
    // One entry per list index: while the list re-renders, a row can briefly exist twice.
    const byIndex = new Map();
    for (const e of els) byIndex.set(Number(e.dataset.index), e);
    return [...byIndex.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, e]) => ({
        index,
        label: e.querySelector('.label-name')?.textContent?.trim() ?? '',
        aria: e.getAttribute('aria-label') ?? e.textContent ?? '',
        focused: e.classList.contains('focused'),
      }));
  });
}

/** Presses `key` in the quick input's box (focusing it first), or, with `typing`, wherever the focus is. */
async function pressKey(page, key, typing) {
  if (typing) await page.keyboard.press(key);
  else await page.locator(QUICK_INPUT_BOX).press(key, { timeout: 2000 });
}

/**
 * One step towards accepting the row `matches` picks: Enter if it is the active row, else one arrow key towards
 * it (then waits for the active row to move). 'accepted' | 'moved' | 'absent' (no such row rendered).
 */
async function stepTowards(page, matches, typing) {
  const rows = await listRows(page);
  const target = rows.find(matches);
  if (!target) return 'absent';
  const active = rows.find((r) => r.focused);
  if (active?.index === target.index) {
    await pressKey(page, 'Enter', typing);
    return 'accepted';
  }
  await pressKey(page, active && target.index < active.index ? 'ArrowUp' : 'ArrowDown', typing);
  const until = Date.now() + 1000;
  while (Date.now() < until && (await listRows(page)).find((r) => r.focused)?.index === active?.index) await page.waitForTimeout(25);
  return 'moved';
}

/** Closes whatever quick input is open and opens the command palette (F1). */
async function openPalette(page) {
  const widget = page.locator(QUICK_INPUT);
  if (await widget.isVisible()) await page.keyboard.press('Escape');
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await widget.waitFor({ state: 'visible', timeout: 3000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw new Error(`The command palette did not open: ${e.message}`, { cause: e });
      await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true }).catch(() => {});
    }
  }
}

/** True while the quick input shows its progress bar (it is still working out the rows for what was typed). */
async function paletteBusy(page) {
  return page
    .locator(`${QUICK_INPUT} .quick-input-progress`)
    .evaluate((bar) => bar.classList.contains('active') && bar.ownerDocument.defaultView.getComputedStyle(bar).display !== 'none')
    .catch(() => false);
}

/** Opens the command palette (F1), types `title` and runs the matching command (its row active, then Enter). */
export async function runCommand(page, title, { timeout = DEFAULT_TIMEOUT } = {}) {
  const input = page.locator(QUICK_INPUT_BOX);
  const matches = (r) => rowMatches(r.aria, title);
  const deadline = Date.now() + timeout;
  let filledAt = 0;
  // How long a typed query is left to settle before it is typed again: doubled each time. A fixed interval starved
  // a slow palette (a busy machine, right after start-up: filtering took longer than the interval, so every retype
  // restarted it and it never showed the command — seen once in CI).
  let settle = 1500;
  let rows = [];
  await openPalette(page);
  while (Date.now() < deadline) {
    // The palette closes when it loses the focus: reopen it if something took the focus before a command ran.
    if (!(await page.locator(QUICK_INPUT).isVisible())) {
      await openPalette(page);
      filledAt = 0;
    }
    // Commands an extension contributes show up once the extension host has registered them; the palette does
    // not refresh an open query, so type it again now and then (never while it is still working on the last one).
    if (Date.now() - filledAt > settle && !(await paletteBusy(page))) {
      await input.fill('>', { timeout: 2000 }).catch(() => {});
      await input.fill(`>${title}`, { timeout: 2000 }).catch(() => {});
      if (filledAt > 0) settle = Math.min(2 * settle, 6000);
      filledAt = Date.now();
    }
    const step = await stepTowards(page, matches, false).catch(() => 'absent');
    if (step === 'accepted') return;
    if (step === 'moved') filledAt = Date.now();
    else {
      rows = await listRows(page).catch(() => []);
      await page.waitForTimeout(100);
    }
  }
  await page.keyboard.press('Escape');
  throw new Error(`No command titled "${title}" in the command palette. It shows: ${rows.map((r) => JSON.stringify(r.aria)).join(', ') || 'nothing'}`);
}

/**
 * The open quick input (input box or quick pick), or null.
 * @returns {Promise<null | {title: string, placeholder: string, value: string, message: string, items: {label: string, description: string, focused: boolean}[]}>}
 */
export async function quickInput(page) {
  const widget = page.locator(QUICK_INPUT);
  if (!(await widget.isVisible())) return null;
  return widget.evaluate((w) => {
    const text = (sel) => w.querySelector(sel)?.textContent?.trim() ?? '';
    const input = w.querySelector('.quick-input-box input');
    return {
      title: text('.quick-input-title'),
      placeholder: input?.getAttribute('placeholder') ?? '',
      value: input?.value ?? '',
      message: text('.quick-input-message'),
      items: [...w.querySelectorAll('.quick-input-list .monaco-list-row')]
        .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
        .map((r) => ({
          label: r.querySelector('.label-name')?.textContent?.trim() ?? r.getAttribute('aria-label') ?? '',
          description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
          focused: r.classList.contains('focused'),
        })),
    };
  });
}

/** Does the quick input `q` mention `text` in its title, placeholder or prompt? */
function mentions(q, text) {
  return !!q && (!text || [q.title, q.placeholder, q.message].some((s) => s.includes(text)));
}

/** Waits for a quick input (optionally one whose title/placeholder/prompt includes `text`). */
export async function waitForQuickInput(page, text, { timeout = DEFAULT_TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await quickInput(page);
    if (mentions(last, text)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`No quick input${text ? ` mentioning "${text}"` : ''} appeared (last: ${JSON.stringify(last)})`);
}

/** Types `text` into the open input box (replacing its value) and presses Enter. */
export async function answerInput(page, text, { timeout = DEFAULT_TIMEOUT } = {}) {
  await waitForQuickInput(page, undefined, { timeout });
  const input = page.locator(QUICK_INPUT_BOX);
  await input.fill(text);
  await input.press('Enter');
}

/**
 * Picks the quick-pick item labelled `label` (exactly, ignoring case and spacing), as a person does from the
 * keyboard: types a filter into the quick pick (default: the label itself), waits until the list shows that item as
 * the active row — moving there with the arrow keys if another row is active — presses Enter, and waits until that
 * quick pick is gone (closed, or replaced by the next step), so the next call cannot act on it.
 * @param {object} [o]
 * @param {string} [o.title]   the quick pick to wait for: its title, placeholder or prompt includes this (so not the
 *                             palette, nor the previous step still on screen)
 * @param {string} [o.filter]  what to type (default: `label`)
 * @param {boolean} [o.typing] keystrokes only, wherever the focus is (page.keyboard): for tests that drive the UI
 *                             strictly from the keyboard; the default types into the quick input's box
 */
export async function pickItem(page, label, { title, filter = label, typing = false, timeout = DEFAULT_TIMEOUT } = {}) {
  const want = normalise(label);
  const matches = (r) => normalise(r.label || r.aria) === want;
  const deadline = Date.now() + timeout;
  let state = null;
  while (Date.now() < deadline) {
    state = await quickInput(page);
    if (!mentions(state, title)) {
      await page.waitForTimeout(100);
      continue;
    }
    if (state.value !== filter) {
      if (typing) {
        if (state.value) await page.keyboard.press('Control+A');
        await page.keyboard.type(filter);
      } else {
        await page.locator(QUICK_INPUT_BOX).fill(filter, { timeout: 2000 }).catch(() => {});
      }
      continue;
    }
    const step = await stepTowards(page, matches, typing).catch(() => 'absent');
    if (step === 'accepted') {
      const until = Date.now() + timeout;
      for (;;) {
        const now = await quickInput(page);
        if (!now || now.title !== state.title || now.placeholder !== state.placeholder || now.value !== state.value) return;
        if (Date.now() > until) throw new Error(`Enter on "${label}" did not accept it: the quick pick is still open (${JSON.stringify(now)})`);
        await page.waitForTimeout(50);
      }
    }
    if (step === 'absent') await page.waitForTimeout(100);
  }
  throw new Error(`No quick-pick item "${label}"${title ? ` in a quick pick mentioning "${title}"` : ''} (quick input: ${JSON.stringify(state)})`);
}

// ---------------------------------------------------------------------------------------------------------------
// Notifications (toasts are hidden with enable-smoke-test-driver: read the notifications centre)

const CENTER = '.notifications-center';

/**
 * The notifications in the notifications centre, newest first, as {message, source, severity}; the centre is
 * opened for reading and closed again if it was closed.
 */
export async function notificationItems(page) {
  const center = page.locator(CENTER);
  const wasOpen = await center.isVisible().catch(() => false);
  if (!wasOpen) {
    await page.locator('[id="status.notifications"]').click();
    await center.waitFor({ state: 'visible', timeout: 5000 });
  }
  const items = await center.locator('.monaco-list-row').evaluateAll((rows) => {
    // One entry per list index: while the centre re-renders, a row can briefly exist twice.
    const byIndex = new Map();
    for (const r of rows) byIndex.set(Number(r.dataset.index), r);
    return [...byIndex.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, r]) => {
        const icon = r.querySelector('.notification-list-item-icon');
        const severity = icon?.className.match(/codicon-(error|warning|info)/)?.[1] ?? '';
        const aria = r.getAttribute('aria-label') ?? '';
        return {
          message: r.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '',
          source: r.querySelector('.notification-list-item-source')?.textContent?.trim() || (aria.match(/, source: (.+?), notification/)?.[1] ?? ''),
          severity,
          buttons: [...r.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map((b) => b.textContent?.trim() ?? ''),
        };
      });
  });
  if (!wasOpen) {
    await page.keyboard.press('Escape');
    await center.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
  return items;
}

/** The texts of the notifications in the notifications centre, newest first. */
export async function notifications(page) {
  return (await notificationItems(page)).map((n) => n.message);
}

/** Waits until a notification's text matches (substring or RegExp); returns the text. */
export async function waitForNotification(page, match, { timeout = DEFAULT_TIMEOUT } = {}) {
  const test = (m) => (match instanceof RegExp ? match.test(m) : m.includes(match));
  const deadline = Date.now() + timeout;
  let last = [];
  while (Date.now() < deadline) {
    last = await notifications(page);
    const hit = last.find(test);
    if (hit !== undefined) return hit;
    await page.waitForTimeout(250);
  }
  throw new Error(`No notification matching ${match} within ${timeout} ms (have: ${JSON.stringify(last)})`);
}

/** Clears all notifications (Notifications: Clear All Notifications). */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

// ---------------------------------------------------------------------------------------------------------------
// Views

/**
 * Right-clicks `row` (a locator) and chooses `label` in its context menu, as a person does with the mouse. VS Code
 * takes a menu item's mouse-up only once the item has been shown for 100 ms (its guard against the right-click's own
 * release choosing an item: `runOnceToEnableMouseUp` in base/browser/ui/menu/menu.ts); a click that lands sooner is
 * swallowed and the menu stays open. So the click is repeated until the menu closes — a click is taken at most once,
 * as the menu, and the item with it, is gone once it is.
 */
export async function chooseFromContextMenu(page, row, label, { timeout = DEFAULT_TIMEOUT } = {}) {
  await row.click({ button: 'right' });
  await clickMenuItem(page, label, { timeout });
}

/** Chooses `label` in the open context menu with the mouse (see chooseFromContextMenu for why it may click again). */
export async function clickMenuItem(page, label, { timeout = DEFAULT_TIMEOUT } = {}) {
  const menu = page.locator('.context-view .monaco-menu');
  const item = menu.locator('.action-item', { hasText: label });
  await item.waitFor({ state: 'visible', timeout });
  const deadline = Date.now() + timeout;
  while (await menu.isVisible()) {
    if (Date.now() > deadline) throw new Error(`The context menu did not take "${label}" within ${timeout} ms`);
    await item.click({ timeout: 2000 }).catch(() => {});
    await menu.waitFor({ state: 'hidden', timeout: 250 }).catch(() => {});
  }
}

/** The aria-labels of the activity bar's items, and the index of the one for the view container `containerTitle`. */
async function activityItems(page, containerTitle) {
  const labels = await page
    .locator('.part.activitybar .action-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.querySelector('.action-label')?.getAttribute('aria-label') || ''));
  const index = labels.findIndex((l) => l === containerTitle || l.startsWith(`${containerTitle} (`) || l.startsWith(`${containerTitle} - `)); // "Mentoring - 2 outreach attempts due" with a badge
  return { labels, index };
}

/**
 * Waits until the workbench has read the installed extensions: our extension's Mentoring container is in the
 * activity bar. The workbench shows before that, and until then what comes from extensions is missing — their
 * commands from the palette, and from pickers that list contributions, such as the colour themes, everything.
 */
export async function waitForExtensions(page, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  let labels = [];
  while (Date.now() < deadline) {
    const items = await activityItems(page, 'Mentoring');
    if (items.index >= 0) return;
    labels = items.labels;
    await page.waitForTimeout(200);
  }
  throw new Error(`The workbench did not list the extension within ${timeout} ms (activity bar: ${JSON.stringify(labels)})`);
}

/** Opens the view container whose activity-bar item has this aria-label (e.g. "Mentoring"); no-op if open. */
export async function openView(page, containerTitle, { timeout = DEFAULT_TIMEOUT } = {}) {
  const items = page.locator('.part.activitybar .action-item');
  const deadline = Date.now() + timeout;
  let labels = [];
  while (Date.now() < deadline) {
    const found = await activityItems(page, containerTitle);
    labels = found.labels;
    if (found.index >= 0) {
      const item = items.nth(found.index);
      const isOpen = (await item.getAttribute('class'))?.split(/\s+/).includes('checked');
      // The item, not its label: once the extension shows a badge ("2 due"), the badge's overlay lies over the label
      // and would take the click (Playwright waits for it in vain); it is inside the item.
      if (!isOpen) await item.click();
      await page.locator(`.part.sidebar .composite.title h2`).filter({ hasText: containerTitle }).first().waitFor({ state: 'visible', timeout });
      return;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`No activity-bar item "${containerTitle}" (have: ${JSON.stringify(labels)})`);
}

function treeLocator(page, viewTitle) {
  return page.locator(`.monaco-workbench .pane-body [role="tree"][aria-label="${viewTitle.replace(/"/g, '\\"')}"]`);
}

function paneLocator(page, viewTitle) {
  return page.locator('.monaco-workbench .pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${viewTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i') }) });
}

/**
 * The rendered rows of the tree view titled `viewTitle` (lists are virtual: only rows scrolled into view exist),
 * in display order, as {label, description, level, expanded, ariaLabel}. [] if the view shows its welcome content.
 */
export async function treeItems(page, viewTitle, { timeout = DEFAULT_TIMEOUT } = {}) {
  const tree = treeLocator(page, viewTitle);
  const pane = paneLocator(page, viewTitle);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await tree.first().isVisible().catch(() => false)) {
      const rows = await tree.first().locator('.monaco-list-row').evaluateAll((els) =>
        els
          .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
          .map((r) => ({
            label: r.querySelector('.label-name')?.textContent?.trim() ?? '',
            description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
            level: Number(r.getAttribute('aria-level') ?? 1),
            expanded: r.hasAttribute('aria-expanded') ? r.getAttribute('aria-expanded') === 'true' : undefined,
            ariaLabel: r.getAttribute('aria-label') ?? '',
          })),
      );
      if (rows.length) return rows;
    }
    if (await pane.locator('.welcome-view-content').first().isVisible().catch(() => false)) return [];
    await page.waitForTimeout(150);
  }
  if (!(await tree.count()) && !(await pane.count())) throw new Error(`No view titled "${viewTitle}" is open (open its container with openView first)`);
  return [];
}

/** The welcome content of a view (viewsWelcome): its text paragraphs and button labels; null if not shown. */
export async function viewWelcome(page, viewTitle) {
  const content = paneLocator(page, viewTitle).locator('.welcome-view-content').first();
  if (!(await content.isVisible().catch(() => false))) return null;
  return content.evaluate((el) => ({
    text: [...el.querySelectorAll('p')].map((p) => p.textContent?.trim() ?? '').filter(Boolean),
    buttons: [...el.querySelectorAll('.monaco-button')].map((b) => b.textContent?.trim() ?? ''),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Webviews

/**
 * The content frame of the (last) visible webview of an extension (default: this one), to query with locators:
 *   await expect… (await webview(page)).locator('h1')
 * VS Code nests two iframes: iframe.webview (the host, src has extensionId=…) > iframe#active-frame (the content).
 * @returns {import('playwright-core').FrameLocator}
 */
export function webview(page, { extensionId = EXTENSION_ID } = {}) {
  return page
    .locator(`iframe.webview.ready[src*="extensionId=${extensionId}&"]:visible, iframe.webview.ready[src$="extensionId=${extensionId}"]:visible`)
    .last()
    .contentFrame()
    .locator('iframe#active-frame')
    .contentFrame();
}

// ---------------------------------------------------------------------------------------------------------------
/**
 * Waits until `check()` resolves to true (it is retried every 200 ms; a throw counts as "not yet"), or fails
 * after `ms` naming `what` and the last answer.
 */
export async function eventually(check, what, ms = 20_000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await check().catch((e) => e);
    if (last === true) return;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The text of the extension's status-bar item ("2 due"), or '' while it is hidden. */
export async function dueStatus(page) {
  const item = page.locator('.statusbar-item[id$="mentoring.due"]');
  if (!(await item.isVisible().catch(() => false))) return '';
  return (await item.innerText()).trim();
}

// Mocha: screenshot on failure, never leave a session running

/** Saves a screenshot of every open session's page for a failed test; call from afterEach. */
export async function screenshotOnFailure(test) {
  if (!test || test.state !== 'failed') return [];
  const files = [];
  let i = 0;
  for (const s of sessions) {
    const suffix = sessions.size > 1 ? `-${++i}` : '';
    try {
      files.push(await s.screenshot(`${test.fullTitle()}${suffix}`));
    } catch {
      /* page gone */
    }
  }
  for (const f of files) process.stdout.write(`      screenshot: ${path.relative(process.cwd(), f)}\n`);
  return files;
}

/**
 * Mocha root hooks (`--require test/e2e/harness.mjs`, or `new Mocha({rootHooks: mochaHooks})`): a screenshot
 * under test-results/ for each failing test, and every session stopped at the end. Root afterEach hooks run
 * after a suite's own afterEach hooks, so keep sessions alive until after()/afterAll.
 */
export const mochaHooks = {
  async afterEach() {
    await screenshotOnFailure(this.currentTest);
  },
  async afterAll() {
    for (const s of [...sessions]) await s.stop();
  },
};
