// End-to-end: a person drafts a specific request entirely from the keyboard — F1, typing, Enter, Esc, and the
// quick input's Back key (workbench.action.quickInputBack: Ctrl+Alt+- on Linux, Alt+Left on Windows, Ctrl+- on
// macOS) — through the seven steps of "Mentoring: Draft a Specific Request…", reads the quality check in the
// last step (a finding, then Back to fix it), saves, and finds the draft in the Outreach tree. Esc part-way
// through saves nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openView, pickItem, quickInput, startSession, treeItems, viewWelcome, waitForNotification } from './harness.mjs';

const COMMAND = 'Mentoring: Draft a Specific Request…';
const TOTAL = 7;
/** The keybinding of workbench.action.quickInputBack in a Linux browser (Chromium on Linux here). */
const BACK_KEY = process.platform === 'darwin' ? 'Control+Minus' : process.platform === 'win32' ? 'Alt+ArrowLeft' : 'Control+Alt+Minus';

const WIDGET = '.quick-input-widget';

/** Waits until the quick input shows step `n`/7 and (optionally) a title/placeholder/prompt containing `text`. */
async function atStep(page, n, text, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await quickInput(page);
    if (last && last.title.includes(`(${n}/${TOTAL})`) && (!text || [last.title, last.placeholder, last.message].some((s) => s.includes(text)))) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`The draft wizard never showed step ${n}/${TOTAL}${text ? ` with "${text}"` : ''} (last: ${JSON.stringify(last)})`);
}

/** Types `filter` into the open quick pick, waits until `label` is the active row (arrow keys if needed), presses Enter. */
async function typeAndPick(page, filter, label = filter) {
  await pickItem(page, label, { filter, typing: true, timeout: 10_000 });
}

/** Types into the open input box (its value is selected when it opens, so typing replaces it) and presses Enter. */
async function typeAndEnter(page, text) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * F1, the command's title typed, Enter. A fresh window lists an extension's commands only once it has read the
 * installed extensions, and the palette does not refresh an open query: until then, select the query and type it
 * again (Ctrl+A, typing — still only the keyboard).
 */
async function runFromKeyboard(page) {
  const widget = page.locator(WIDGET);
  if (await widget.isVisible()) await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type('Draft a Specific Request');
  const deadline = Date.now() + 30_000;
  let typedAt = Date.now();
  for (;;) {
    const focused = (await page.locator(`${WIDGET} .monaco-list-row.focused`).getAttribute('aria-label', { timeout: 1000 }).catch(() => null)) ?? '';
    if (focused.replace(/\.\.\./g, '…').startsWith(COMMAND)) break;
    if (Date.now() > deadline) throw new Error(`The palette never offered "${COMMAND}" (focused: "${focused}")`);
    if (Date.now() - typedAt > 2000) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('>Draft a Specific Request');
      typedAt = Date.now();
    }
    await page.waitForTimeout(150);
  }
  await page.keyboard.press('Enter');
}

async function assertEventually(check, what, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Draft a request from the keyboard (a person in a real VS Code)', function () {
  let s;
  before(async () => {
    s = await startSession({ viewport: { width: 1280, height: 860 } });
  });
  after(async () => {
    await s?.stop();
  });

  it('Esc part-way through closes the wizard and saves nothing', async () => {
    await runFromKeyboard(s.page);
    await atStep(s.page, 1, 'Which ONE skill area', 40_000); // the extension starts now
    await typeAndPick(s.page, 'public speaking', 'Public speaking');
    await atStep(s.page, 2, 'Who is great at Public speaking?');
    await s.page.keyboard.press('Enter'); // Someone new…
    await atStep(s.page, 2, 'Their name');
    await typeAndEnter(s.page, 'Ada');
    await atStep(s.page, 2, 'Is Ada inside or outside');
    await s.page.keyboard.press('Escape');
    await s.page.locator(WIDGET).waitFor({ state: 'hidden', timeout: 5000 });

    // Still an empty journal: the view shows its welcome, no skill area or person was added.
    await openView(s.page, 'Mentoring');
    await assertEventually(async () => (await viewWelcome(s.page, 'Outreach')) !== null, 'the welcome of an empty journal');
  });

  it('seven steps with typing, Enter and Back once; the score before saving; Drafts (1) in the tree', async () => {
    const page = s.page;
    await runFromKeyboard(page);

    // 1 — the skill area, from the common ones (the journal is empty).
    const one = await atStep(page, 1, 'Which ONE skill area');
    assert.ok(one.items.some((i) => i.label === 'Financial acumen'), `the common areas are offered: ${JSON.stringify(one.items.map((i) => i.label))}`);
    await s.screenshot('e2e-draft-keyboard-step1');
    await typeAndPick(page, 'financial', 'Financial acumen');

    // 2 — someone new: name, inside/outside, seniority, what I have seen them do.
    const two = await atStep(page, 2, 'Who is great at Financial acumen?');
    assert.match(two.items.find((i) => i.focused)?.label ?? '', /Someone new/);
    await page.keyboard.press('Enter');
    await atStep(page, 2, 'Their name');
    await page.keyboard.press('Enter'); // empty: refused with a message, the step stays
    await atStep(page, 2, 'Type their name.');
    await typeAndEnter(page, 'Terry');
    await atStep(page, 2, 'Is Terry inside or outside');
    await typeAndPick(page, 'inside', 'Inside my organisation');
    await atStep(page, 2, 'Terry is…');
    await typeAndPick(page, 'senior', 'Senior');
    await atStep(page, 2, 'What have you seen Terry do?');
    await typeAndEnter(page, "I've seen you present at the All Hands meeting, and you tell a compelling story about the financials.");

    // 3, 4 — the defaults: three sessions of 45 minutes.
    const three = await atStep(page, 3, 'How many sessions will you ask Terry for?');
    assert.equal(three.items.find((i) => i.focused)?.label, 'three sessions');
    await page.keyboard.press('Enter');
    const four = await atStep(page, 4, 'How long is each session?');
    assert.equal(four.items.find((i) => i.focused)?.label, '45 minutes');
    await page.keyboard.press('Enter');

    // 5 — a time frame (required: an empty one is refused).
    await atStep(page, 5, 'Over what time frame?');
    await page.keyboard.press('Enter');
    await atStep(page, 5, 'Give a time frame');
    await typeAndEnter(page, 'over the next six weeks');

    // 6 — topics: one is refused with a clear message; then a second that says "mentors".
    await atStep(page, 6, 'Two to five concrete topics');
    await typeAndEnter(page, 'reading our financial reports');
    await atStep(page, 6, 'One topic so far');
    await page.keyboard.press('End');
    await typeAndEnter(page, '; how you found your own mentors');

    // 7 — the review shows the score and the quality check before anything is saved: "mentors" is an error.
    const first = await atStep(page, 7, 'Score ');
    assert.match(first.title, /^Score \d+\/100 — fix first · Terry, Financial acumen/);
    assert.match(first.placeholder, /uses the word "mentor"/);
    assert.deepEqual(first.items.slice(0, 3).map((i) => i.label), ['Save draft', 'Save draft and copy', 'Back']);
    assert.ok(first.items.some((i) => /"mentors" makes the request sound like an open-ended commitment/.test(i.label)), `the finding is listed: ${JSON.stringify(first.items)}`);
    await s.screenshot('e2e-draft-keyboard-finding');

    // Back with the keyboard: the topics as typed, selected, so typing replaces them.
    await page.keyboard.press(BACK_KEY);
    const six = await atStep(page, 6, 'Two to five concrete topics');
    assert.equal(six.value, 'reading our financial reports; how you found your own mentors', 'Back shows the answer given before');
    await typeAndEnter(page, 'reading our financial reports; turning the numbers into a compelling story; what someone at my level should do next');

    const review = await atStep(page, 7, 'Score ');
    const score = Number(review.title.match(/^Score (\d+)\/100 — /)?.[1]);
    assert.ok(score >= 90, `a specific, bounded request scores 90 or more (got ${review.title}: ${review.placeholder})`);
    assert.match(review.placeholder, new RegExp(`^Score ${score}/100 — `));
    assert.equal(review.items.find((i) => i.focused)?.label, 'Save draft', 'Enter saves');
    assert.ok(!review.items.some((i) => /mentor/.test(i.label)), 'the finding is gone');
    // The text itself is shown beside, read-only, before anything is saved; the quick input keeps the focus.
    const previewTab = page.locator('.tabs-container .tab', { hasText: 'Request to Terry (preview)' });
    await assertEventually(async () => (await previewTab.count()) === 1, 'the request text beside the review');
    const shown = await page.locator('.editor-group-container.active .view-lines, .editor-group-container .view-lines').last().innerText();
    assert.match(shown.replace(/\s+/g, ' '), /Hi Terry, .*three 45-minute sessions with me over the next six weeks/, `the text as it will be saved: ${shown}`);
    await s.screenshot('e2e-draft-keyboard-review');
    await page.keyboard.press('Enter');

    await page.locator(WIDGET).waitFor({ state: 'hidden', timeout: 10_000 });
    await assertEventually(async () => (await previewTab.count()) === 0, 'the preview closes with the flow (nothing asks to be saved)');
    await waitForNotification(page, 'Draft saved under Drafts in the Outreach view.');
    await openView(page, 'Mentoring');
    await assertEventually(async () => (await treeItems(page, 'Outreach')).some((r) => r.label === 'Drafts' && r.description === '1'), 'Drafts (1) in the tree');
    await s.screenshot('e2e-draft-keyboard-saved');
  });

  it('next time, the focus skill comes first (marked) and the people linked to it first', async () => {
    const page = s.page;
    await runFromKeyboard(page);
    const one = await atStep(page, 1, 'Which ONE skill area');
    assert.equal(one.items[0]?.label, 'Financial acumen');
    assert.match(one.items[0]?.description ?? '', /^your focus · priority/);
    assert.equal(one.items.find((i) => i.focused)?.label, 'Financial acumen');
    assert.ok(!one.items.slice(1).some((i) => i.label === 'Financial acumen'), 'not offered again as a common area');
    await s.screenshot('e2e-draft-keyboard-focus');
    await page.keyboard.press('Enter');
    const two = await atStep(page, 2, 'Who is great at Financial acumen?');
    assert.equal(two.items.find((i) => i.focused)?.label, 'Terry');
    await page.keyboard.press('Escape');
    await page.locator(WIDGET).waitFor({ state: 'hidden', timeout: 5000 });
    assert.ok((await treeItems(page, 'Outreach')).some((r) => r.label === 'Drafts' && r.description === '1'), 'still one draft');
  });

  it("with the workspace's own request template, the text shown before saving — and saved — is in the person's words (issue 11.13)", async () => {
    const page = s.page;
    const folder = path.join(s.workspace, '.mentoring', 'templates');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'request.hbs'), 'Dear {{personName}}, could we have {{sessionsInWords}} sessions on {{skill}} {{timeframe}}? (in my own words)\n');
    await runFromKeyboard(page);
    await atStep(page, 1, 'Which ONE skill area');
    await page.keyboard.press('Enter'); // the focus skill
    await atStep(page, 2, 'Who is great at Financial acumen?');
    await page.keyboard.press('Enter'); // Terry
    await atStep(page, 3, 'How many sessions');
    await page.keyboard.press('Enter');
    await atStep(page, 4, 'How long is each session?');
    await page.keyboard.press('Enter');
    await atStep(page, 5, 'Over what time frame?');
    await typeAndEnter(page, 'over the next six weeks');
    await atStep(page, 6, 'Two to five concrete topics');
    await typeAndEnter(page, 'reading our financial reports; turning the numbers into a story');
    await atStep(page, 7, 'Score ');
    const previewTab = page.locator('.tabs-container .tab', { hasText: 'Request to Terry (preview)' });
    await assertEventually(async () => (await previewTab.count()) === 1, 'the request text beside the review');
    const shown = await page.locator('.editor-group-container .view-lines').last().innerText();
    assert.match(shown.replace(/\s+/g, ' '), /Dear Terry, could we have three sessions on financial acumen over the next six weeks\? \(in my own words\)/, `the person's own wording: ${shown}`);
    await s.screenshot('e2e-draft-keyboard-own-template');
    await page.keyboard.press('Enter'); // Save draft
    await page.locator(WIDGET).waitFor({ state: 'hidden', timeout: 10_000 });
    await assertEventually(async () => (await treeItems(page, 'Outreach')).some((r) => r.label === 'Drafts' && r.description === '2'), 'Drafts (2) in the tree');
  });
});
