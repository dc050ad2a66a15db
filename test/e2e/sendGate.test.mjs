// Issue 11.2: Mark as Sent keeps the method's central rule. From the palette, a draft that asks "would you be my
// mentor?" is not marked as sent without a question: a modal names the problems (Send Anyway / Fix It First);
// a second open request to the same person for the same skill is named too. Nothing is recorded unless the
// person chooses to send. From the tree, "Fix It First" opens the draft in its editor bound to the journal, with
// the findings marked; fixed and saved there (Ctrl+S), the request is marked as sent with no question.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_SETTINGS } from '../../scripts/lib/codeServer.mjs';
import { chooseFromContextMenu, eventually, openView, pickItem, REPO, runCommand, startSession, treeItems } from './harness.mjs';

/** The rows of the Outreach tree as "Group > Person: description". */
async function rows(page) {
  let group = '';
  return (await treeItems(page, 'Outreach')).map((r) => {
    if (r.level === 1) group = r.label;
    return r.level === 1 ? `${r.label} (${r.description})` : `${group} > ${r.label}: ${r.description}`;
  });
}

/** The open modal dialog: its message, detail and buttons. */
async function dialog(page) {
  const box = page.locator('.monaco-dialog-box');
  await box.waitFor({ state: 'visible', timeout: 15_000 });
  return {
    text: (await box.locator('.dialog-message-text').innerText().catch(() => '')) + '\n' + (await box.locator('.dialog-message-detail').innerText().catch(() => '')),
    buttons: await box.locator('.dialog-buttons .monaco-button').allInnerTexts(),
    click: (name) => box.locator('.dialog-buttons .monaco-button', { hasText: name }).click(),
  };
}

/**
 * Waits until "Fix It First" has opened the draft of `name` in its bound editor AND that editor has the keyboard
 * focus. VS Code shows the editor a moment after the modal closes; a palette opened before that loses the focus
 * to the editor and closes, taking the command's quick pick (and so the next step) with it.
 */
async function draftEditorFocused(page, name) {
  const title = `Request to ${name}.md`;
  await eventually(
    () =>
      page.evaluate((want) => {
        const group = document.querySelector('.editor-group-container.active');
        const tab = group?.querySelector('.tabs-container .tab.active');
        const editor = group?.querySelector('.editor-container .monaco-editor');
        return !!tab?.textContent?.includes(want) && !!editor && editor.contains(document.activeElement);
      }, title),
    `the draft editor "${title}" open, active and focused`,
  );
  const editor = page.locator('.editor-group-container.active .editor-container .monaco-editor');
  return {
    tab: page.locator('.editor-group-container.active .tabs-container .tab', { hasText: title }),
    editor,
    /** The editor's text as shown (VS Code renders spaces as no-break spaces and wraps long lines). */
    shown: async () => (await editor.locator('.view-lines').innerText()).replace(/\s+/g, ' '),
  };
}

describe('Mark as Sent asks first when the request breaks the method (a person in a real VS Code)', function () {
  let s;
  let dir;
  before(async () => {
    // The demo journal, plus Dana's draft "would you be my mentor?" and a second (good) request to Terry, whose
    // first request about financial acumen is still awaiting a reply.
    const demo = JSON.parse(fs.readFileSync(path.join(REPO, 'demo', 'journal.json'), 'utf8'));
    const terrySent = demo.attempts.find((a) => a.id === 'a1');
    demo.people.push({ id: 'p5', name: 'Dana Gate', org: 'inside', seniority: 'senior', skillIds: ['s1'], evidence: 'Ran the budget review.', referredBy: null, sponsor: false });
    const created = [{ at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' }];
    // Lee's draft is a good request but for its last line, "Would you be my mentor?": fixed in its editor.
    demo.people.push({ ...demo.people.find((p) => p.id === 'p1'), id: 'p6', name: 'Lee Fixit', org: 'outside' });
    const good = terrySent.text.replace('Hi Terry', 'Hi Lee');
    demo.attempts.push(
      { ...terrySent, id: 'g1', personId: 'p5', text: 'Hi Dana, would you be my mentor?', status: 'draft', askAgainOn: null, sessionsDone: 0, events: created },
      { ...terrySent, id: 'g2', status: 'draft', askAgainOn: null, sessionsDone: 0, events: created },
      { ...terrySent, id: 'g3', personId: 'p6', text: `${good}\n\nWould you be my mentor?`, status: 'draft', askAgainOn: null, sessionsDone: 0, events: created },
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-gate-'));
    fs.writeFileSync(path.join(dir, 'journal.json'), JSON.stringify(demo));
    // Saving is the person's act (Ctrl+S), as in desktop VS Code: no auto save behind it.
    s = await startSession({ env: { MENTORING_SEED_JOURNAL: path.join(dir, 'journal.json') }, settings: { ...TEST_SETTINGS, 'files.autoSave': 'off' } });
    await openView(s.page, 'Mentoring');
    await eventually(async () => (await rows(s.page)).some((r) => r.startsWith('Drafts (4)')), 'four drafts');
  });
  after(async () => {
    await s?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('"would you be my mentor?": the modal names the problems; Fix It First records nothing and opens the draft; Send Anyway sends', async () => {
    const page = s.page;
    await runCommand(page, 'Mentoring: Mark Request as Sent');
    await pickItem(page, 'Dana Gate', { title: 'Mark Request as Sent' });
    const first = await dialog(page);
    assert.match(first.text, /The request to Dana Gate scores \d+\/100 and has problems a reader will notice/);
    assert.match(first.text, /mentor/i, `the finding is named: ${first.text}`);
    assert.ok(first.buttons.includes('Send Anyway') && first.buttons.includes('Fix It First'), JSON.stringify(first.buttons));
    assert.equal(await page.locator('.monaco-dialog-box .dialog-buttons .monaco-button:not(.secondary)').innerText(), 'Fix It First', 'Enter fixes, it does not send');
    await s.screenshot('e2e-send-gate-modal');
    await first.click('Fix It First');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
    // The draft opens in its editor (and takes the focus) — only then does the person go on.
    const dana = await draftEditorFocused(page, 'Dana Gate');
    await eventually(async () => (await dana.shown()).includes('Hi Dana, would you be my mentor?'), 'the draft in its editor');
    // The cursor is on the first problem (not at line 1, column 1): the status bar counts a selection.
    const selection = page.locator('[id="status.editor.selection"]');
    await eventually(async () => /\(\d+ selected\)/.test(await selection.innerText().catch(() => '')), 'the first problem selected in the draft');
    assert.ok((await rows(page)).includes('Drafts (4)'), 'still four drafts: nothing was recorded');

    await runCommand(page, 'Mentoring: Mark Request as Sent');
    await pickItem(page, 'Dana Gate', { title: 'Mark Request as Sent' });
    await (await dialog(page)).click('Send Anyway');
    await eventually(async () => (await rows(page)).includes('Drafts (3)'), 'Dana sent: three drafts left');
  });

  it('a second open request to the same person for the same skill is named; cancelling keeps the draft', async () => {
    const page = s.page;
    await runCommand(page, 'Mentoring: Mark Request as Sent');
    await pickItem(page, 'Terry Lindqvist', { title: 'Mark Request as Sent' });
    const d = await dialog(page);
    assert.match(d.text, /Mark the request to Terry Lindqvist as sent\?/);
    assert.match(d.text, /You already asked Terry Lindqvist about Financial acumen on .+ and that request is still open/);
    assert.ok(!d.buttons.includes('Fix It First'), 'nothing to fix in the text');
    await page.keyboard.press('Escape');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
    assert.ok((await rows(page)).includes('Drafts (3)'), 'still three drafts: nothing was recorded');
  });

  it('from the tree: Fix It First opens the draft bound to the journal, with the findings; fixed and saved, it is sent with no question', async () => {
    const page = s.page;
    await runCommand(page, 'View: Close All Editors');
    const tree = page.locator('[role="tree"][aria-label="Outreach"]');
    const lee = tree.locator('.monaco-list-row', { hasText: 'Lee Fixit' });
    if (!(await lee.isVisible().catch(() => false))) await tree.locator('.monaco-list-row', { hasText: 'Drafts' }).click();
    // Lee's row → its context menu → Mark Request as Sent.
    const markSent = () => chooseFromContextMenu(page, lee, 'Mark Request as Sent');

    await markSent();
    const d = await dialog(page);
    assert.match(d.text, /The request to Lee Fixit scores \d+\/100 and has problems a reader will notice/);
    await d.click('Fix It First');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
    const draft = await draftEditorFocused(page, 'Lee Fixit');
    assert.ok(!/Untitled/.test(await draft.tab.innerText()), 'the draft itself, not an untitled copy');
    await eventually(async () => (await draft.shown()).includes('Hi Lee, I am working on developing my leadership skills'), 'the draft in its editor');
    assert.ok((await draft.shown()).includes('Would you be my mentor?'));
    // The findings the modal named are marked in the text.
    await draft.editor.locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: 10_000 });
    await s.screenshot('e2e-send-gate-fix-it-first');
    assert.ok((await rows(page)).includes('Drafts (3)'), 'nothing was recorded');

    // The editor has the focus: the person deletes the last line and saves.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await eventually(async () => !(await draft.shown()).includes('my mentor'), 'the sentence gone');
    await eventually(async () => (await draft.editor.locator('.squiggly-error').count()) === 0, 'no error left in the text');
    assert.ok((await draft.tab.getAttribute('class')).includes('dirty'), 'changed, not saved yet');
    await page.keyboard.press('Control+S');
    await eventually(async () => !(await draft.tab.getAttribute('class')).includes('dirty'), 'saved to the journal');

    // The journal has the fixed text: Mark as Sent asks nothing now, and the request is sent.
    await markSent();
    await eventually(async () => (await rows(page)).includes('Drafts (2)'), 'Lee sent: two drafts left');
    assert.equal(await page.locator('.monaco-dialog-box').isVisible(), false, 'no question before sending');
  });
});
