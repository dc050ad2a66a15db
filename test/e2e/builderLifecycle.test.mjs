// End-to-end: the builder keeps its promises as a person goes round the loop in it. Assess: new areas are "not
// rated yet" (no tie notes), an empty "Add skill area" says why nothing happened, a removal has an Undo, a refusal
// does not move the table, the top area changing suggests a focus. Ask: "Save as draft" twice is one draft; after
// a manual edit the text follows the form where it safely can, else it says plainly the text is the person's own,
// with one action to re-draft (and an Undo); Mark as sent asks first when the text has errors ("Fix It First"
// returns to the text); once sent, the Ask step shows what was sent — also after a reload — and "Start a new
// request" begins afresh, where a second request to the same person for the same skill is asked about.
import assert from 'node:assert/strict';
import { eventually, openView, runCommand, startSession, treeItems, waitForExtensions, webview } from './harness.mjs';
import { textContrast } from './support/contrast.mjs';

/** Readable text (WCAG AA, 4.5:1) in the session's theme (the default light one). */
async function assertReadable(locator, what) {
  const ratio = await textContrast(locator);
  assert.ok(ratio >= 4.5, `${what}: contrast ${ratio.toFixed(2)}:1, below 4.5:1`);
}

const EVIDENCE = "I've seen you present at the All Hands meeting, and you tell a compelling story about the financials.";

describe('Builder: a form with a lifecycle, a preview that stays honest, an Assess step with Undo (a person in a real VS Code)', function () {
  let s;
  let ui;
  const preview = () => ui.getByLabel('Your request (edit freely)');
  const groups = async () => (await treeItems(s.page, 'Outreach')).filter((r) => r.level === 1).map((r) => `${r.label} (${r.description})`);
  /** Waits until the Outreach tree's groups are `expected` (read once per try: reading waits for the tree to show). */
  const groupsAre = (expected, what) =>
    eventually(async () => {
      const now = await groups();
      return JSON.stringify(now) === JSON.stringify(expected) || now;
    }, what);
  /** The modal VS Code shows before sending (Send Anyway / Fix It First). */
  const dialog = () => s.page.locator('.monaco-dialog-box');

  before(async () => {
    s = await startSession({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await s?.stop();
  });

  it('Assess: an empty add says why; new areas are not rated yet and make no tie notes', async () => {
    await runCommand(s.page, 'Mentoring: Open Assessment & Request Builder');
    ui = webview(s.page);
    await ui.locator('h2', { hasText: '1. Assess' }).waitFor({ timeout: 30_000 });
    await ui.getByLabel('I am working on …').fill('developing my leadership skills');
    await ui.getByRole('button', { name: 'Add skill area' }).click();
    await ui.locator('#new-skill-msg', { hasText: 'Type the name of a skill area first' }).waitFor();
    await assertReadable(ui.locator('#new-skill-msg'), 'the message under the field');
    assert.equal(await ui.getByLabel('New skill area').getAttribute('aria-invalid'), 'true');
    await ui.getByLabel('New skill area').fill('Financial acumen');
    await ui.locator('#new-skill-msg').waitFor({ state: 'detached' });
    await ui.getByRole('button', { name: 'Add skill area' }).click();
    await ui.getByRole('button', { name: 'Add Public speaking' }).click();
    await ui.getByRole('button', { name: 'Add Writing' }).click();
    await ui.locator('table.skills tbody tr').nth(2).waitFor();
    assert.equal(await ui.locator('table.skills .priority.not-rated', { hasText: 'not rated yet' }).count(), 3);
    assert.equal(await ui.locator('table.skills .tie').count(), 0, 'no "tied … by the alphabet" notes');
    assert.equal(await ui.getByLabel('Current level in Writing').inputValue(), '', 'the select shows no number until rated');
    await assertReadable(ui.locator('.priority.not-rated'), '"not rated yet"');
    await s.screenshot('e2e-builder-unrated');
  });

  it('Assess: rating ranks the areas; when another area comes out on top, one click switches the focus', async () => {
    await ui.getByLabel('Current level in Financial acumen').selectOption('2');
    await ui.getByLabel('Importance of Financial acumen').selectOption('5');
    await ui.getByLabel('Current level in Public speaking').selectOption('3');
    await ui.getByLabel('Importance of Public speaking').selectOption('4');
    const ranked = () => ui.locator('table.skills tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.querySelector('th')?.firstChild?.textContent} ${tr.querySelector('.priority')?.textContent}`));
    await eventually(async () => {
      const now = await ranked();
      return JSON.stringify(now) === JSON.stringify(['Financial acumen 15', 'Public speaking 8', 'Writing not rated yet']) || now;
    }, 'the ranked table');
    assert.equal(await ui.locator('.tray .msg', { hasText: 'now ranks first' }).count(), 0, 'the top is the focus: nothing to suggest');
    // Public speaking rated 1 of 5 for importance 5 goes to the top (20 > 15): the focus is suggested. (Importance
    // first: 5 × 2 = 10 keeps Financial acumen on top; the next rating would end a suggestion, as any action does.)
    await ui.getByLabel('Importance of Public speaking').selectOption('5');
    await ui.getByLabel('Current level in Public speaking').selectOption('1');
    const suggestion = ui.locator('.tray .msg', { hasText: 'Public speaking now ranks first. Make it your focus?' });
    await suggestion.waitFor();
    await s.screenshot('e2e-builder-focus-suggestion');
    await suggestion.getByRole('button', { name: 'Switch focus to Public speaking' }).click();
    await ui.locator('.focus-line', { hasText: 'Public speaking' }).waitFor();
    await suggestion.waitFor({ state: 'detached' });
    // Back as it was: Financial acumen first and the focus.
    await ui.getByLabel('Importance of Public speaking').selectOption('4');
    await ui.getByLabel('Current level in Public speaking').selectOption('3');
    await ui.locator('.tray .msg', { hasText: 'Financial acumen now ranks first' }).waitFor();
    await ui.getByRole('button', { name: 'Switch focus to Financial acumen' }).click();
    await ui.locator('.focus-line', { hasText: 'Financial acumen' }).waitFor();
  });

  it('Assess: removing an area offers Undo, which brings it back where it was', async () => {
    await ui.getByRole('button', { name: 'Remove Writing' }).click();
    const bar = ui.locator('.tray .msg', { hasText: 'Removed Writing.' });
    await bar.waitFor();
    await eventually(async () => (await ui.locator('table.skills tbody tr').count()) === 2, 'Writing gone from the table');
    await s.screenshot('e2e-builder-removed-undo');
    await bar.getByRole('button', { name: 'Undo' }).click();
    await ui.getByRole('button', { name: 'Remove Writing' }).waitFor();
    await bar.waitFor({ state: 'detached' });
    assert.equal(await ui.locator('table.skills tbody tr').nth(2).locator('th').innerText(), 'Writing');
  });

  it('Identify, then Ask: "Save as draft" twice is one draft, which the form goes on editing', async () => {
    await ui.getByRole('button', { name: 'Next: who is great at it?' }).click();
    await ui.locator('h2', { hasText: '2. Identify' }).waitFor();
    await ui.getByLabel('Name').fill('Terry');
    await ui.getByLabel('Inside my organisation').check();
    await ui.getByLabel('What have I seen them do?').fill(EVIDENCE);
    await ui.getByRole('button', { name: 'Add person' }).click();
    await ui.getByRole('button', { name: 'Ask Terry' }).click();
    await ui.locator('h2', { hasText: '3. Ask' }).waitFor();
    await ui.getByLabel('Time frame').fill('over the next six weeks');
    await ui.getByLabel('Topic 1', { exact: true }).fill('a high level understanding of our financial reports');
    await ui.getByLabel('Topic 2', { exact: true }).fill('how you convert those numbers into a compelling story');
    await eventually(async () => /over the next six weeks, focusing on a high level understanding of our financial reports and how you convert those numbers into a compelling story\?/.test(await preview().inputValue()), 'the preview of the form');

    await ui.getByRole('button', { name: 'Save as draft' }).click();
    await ui.locator('.tray .msg.info', { hasText: 'Saved as a draft for Terry' }).waitFor();
    await ui.locator('.draft-line', { hasText: 'Editing your saved draft to Terry. Saving again updates it.' }).waitFor();
    await ui.getByLabel('Time frame').fill('before the end of March');
    await ui.locator('.draft-line', { hasText: 'changes not saved yet' }).waitFor();
    await ui.getByRole('button', { name: 'Save as draft' }).click();
    await ui.locator('.draft-line', { hasText: 'Editing your saved draft to Terry' }).waitFor();
    await openView(s.page, 'Mentoring');
    await groupsAre(['Drafts (1)'], 'one draft in the Outreach tree');
    ui = webview(s.page);
  });

  it('Assess: a refusal is shown over the page — the table under the pointer does not move', async () => {
    await ui.locator('.tab', { hasText: 'Assess' }).click();
    const rows = ui.locator('table.skills tbody tr');
    await rows.nth(2).waitFor();
    const boxes = () => rows.evaluateAll((trs) => trs.map((tr) => JSON.stringify(tr.getBoundingClientRect())));
    const before = await boxes();
    // Financial acumen has the draft: removing it is refused.
    await ui.getByRole('button', { name: 'Remove Financial acumen' }).click();
    await ui.locator('.tray .msg.error', { hasText: 'outreach attempt' }).waitFor();
    await assertReadable(ui.locator('.tray .msg.error .msg-text'), 'the refusal');
    assert.deepEqual(await boxes(), before, 'every row where it was');
    await s.screenshot('e2e-builder-refusal-over-the-page');
    await ui.locator('.tab', { hasText: 'Ask' }).click();
    await ui.locator('h2', { hasText: '3. Ask' }).waitFor();
    await ui.locator('.tray .msg.error').waitFor({ state: 'detached' });
  });

  it('Ask: after a manual edit, a sessions change is carried into the text where it still reads as drafted', async () => {
    await eventually(async () => /over the next six weeks|before the end of March/.test(await preview().inputValue()), 'the preview');
    const drafted = await preview().inputValue();
    assert.match(drafted, /spend three 45-minute sessions with me before the end of March/);
    await preview().fill(drafted.replace('Thank you!', 'Many thanks — Sam'));
    await ui.getByRole('button', { name: 'Back to the template' }).waitFor();
    await ui.getByLabel('Sessions (1–6)').fill('2');
    await eventually(async () => {
      const text = await preview().inputValue();
      return /spend two 45-minute sessions with me/.test(text) || text;
    }, 'two sessions in the text');
    assert.match(await preview().inputValue(), /Many thanks — Sam/, 'the person\'s words stay');
    assert.equal(await ui.locator('[data-finding="sessions-mismatch"]').count(), 0);
    assert.equal(await ui.locator('.msg.detached').count(), 0);
  });

  it('Ask: when it cannot be carried over, it says so plainly; "Re-draft from the form" replaces the text, with Undo', async () => {
    const mine = (await preview().inputValue()).replace(/Would you be willing[^?]*\?/, 'Could we meet a couple of times this spring to talk about financial reports and storytelling?');
    await preview().fill(mine);
    await ui.getByLabel('Sessions (1–6)').fill('4');
    const note = ui.locator('.msg.detached');
    await note.waitFor();
    assert.match(await note.innerText(), /the text is now your own, and the form no longer changes it/);
    await assertReadable(note.locator('p'), 'the note that the text is the person\'s own');
    assert.equal(await preview().inputValue(), mine, 'the person\'s text is never changed silently');
    await s.screenshot('e2e-builder-detached');
    await note.getByRole('button', { name: 'Re-draft from the form' }).click();
    await eventually(async () => /spend four 45-minute sessions with me/.test(await preview().inputValue()), 'the re-drafted text');
    assert.doesNotMatch(await preview().inputValue(), /Many thanks/);
    await note.waitFor({ state: 'detached' });
    assert.equal(await ui.getByRole('button', { name: 'Back to the template' }).count(), 0, 'the text is the template\'s');
    const undo = ui.locator('.tray .msg', { hasText: 'Your text was replaced with a fresh draft from the form.' });
    await undo.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => (await preview().inputValue()) === mine, 'the person\'s text back');
    await note.waitFor();
    await note.getByRole('button', { name: 'Re-draft from the form' }).click();
    await eventually(async () => /spend four 45-minute sessions with me/.test(await preview().inputValue()), 'the re-drafted text');
  });

  it('Ask: "Back to the template" goes away when the text is the template\'s again', async () => {
    const template = await preview().inputValue();
    await preview().fill(`${template.trimEnd()} P.S. Coffee is on me.`);
    await ui.getByRole('button', { name: 'Back to the template' }).waitFor();
    await preview().fill(template);
    await ui.getByRole('button', { name: 'Back to the template' }).waitFor({ state: 'detached' });
  });

  it('Mark as sent with "mentor" in the text asks first; "Fix It First" returns to the text with the finding', async () => {
    const clean = await preview().inputValue();
    await preview().fill(`${clean.trimEnd()} Would you be my mentor?`);
    await ui.locator('[data-finding="mentor-word"]').waitFor({ timeout: 10_000 });
    await ui.getByRole('button', { name: 'Mark as sent' }).click();
    await dialog().waitFor({ state: 'visible', timeout: 20_000 });
    const asked = await dialog().innerText();
    assert.match(asked, /The request to Terry scores \d+\/100 and has problems a reader will notice/);
    assert.match(asked, /mentor/i);
    await s.screenshot('e2e-builder-send-gate');
    await dialog().locator('.monaco-button', { hasText: /^Fix It First$/ }).click();
    await dialog().waitFor({ state: 'hidden' });
    ui = webview(s.page);
    await ui.locator('.tray .msg.warning', { hasText: 'Not marked as sent' }).waitFor();
    await ui.locator('[data-finding="mentor-word"]').waitFor();
    // Back in the text area — where the keys go — with the first error selected.
    await eventually(async () => {
      const at = await preview().evaluate((el) => ({ focused: el.ownerDocument.activeElement === el && el.ownerDocument.hasFocus(), selected: el.value.slice(el.selectionStart, el.selectionEnd) }));
      return (at.focused && at.selected.length > 0) || at;
    }, 'the focus in the text, at the first error');
    assert.equal(await ui.getByRole('button', { name: 'Mark as sent' }).isEnabled(), true);
    await openView(s.page, 'Mentoring');
    assert.deepEqual(await groups(), ['Drafts (1)'], 'nothing was sent');
    ui = webview(s.page);
    await preview().fill(clean);
    await ui.locator('[data-finding="mentor-word"]').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('Open as Markdown: the draft the form edits opens in its editor bound to the journal, with the form\'s text', async () => {
    const form = await preview().inputValue();
    assert.match(form, /spend four 45-minute sessions with me/, 'the form differs from the draft as saved (three sessions)');
    await ui.getByRole('button', { name: 'Open as Markdown' }).click();
    const tab = s.page.locator('.tabs-container .tab', { hasText: 'Request to Terry.md' });
    await tab.waitFor({ state: 'visible' });
    assert.ok(!(await s.page.locator('.tabs-container .tab').allInnerTexts()).some((t) => /Untitled/.test(t)), 'no untitled copy');
    const editor = s.page.locator('.editor-group-container.active .editor-container .monaco-editor');
    await eventually(async () => (await editor.locator('.view-lines').innerText()).replace(/\s+/g, ' ').includes('spend four 45-minute sessions with me'), 'the form\'s text in the draft\'s editor');
    await eventually(() => s.page.evaluate(() => !!document.querySelector('.editor-group-container.active .editor-container .monaco-editor')?.contains(document.activeElement)), 'the editor focused');
    // Saving there saves the draft; then closing it asks nothing.
    await s.page.keyboard.press('Control+S');
    await eventually(async () => !(await tab.getAttribute('class')).includes('dirty'), 'saved');
    await s.page.keyboard.press('Control+W');
    await tab.waitFor({ state: 'detached' });
    assert.equal(await dialog().isVisible(), false, 'no "Do you want to save…?"');
    ui = webview(s.page);
  });

  it('a sentence added and saved in the draft\'s editor is in the form too: "Save as draft" never puts the old text back', async () => {
    await ui.getByRole('button', { name: 'Open as Markdown' }).click();
    const tab = s.page.locator('.tabs-container .tab', { hasText: 'Request to Terry.md' });
    await tab.waitFor({ state: 'visible' });
    await eventually(() => s.page.evaluate(() => !!document.querySelector('.editor-group-container.active .editor-container .monaco-editor')?.contains(document.activeElement)), 'the editor focused');
    await s.page.keyboard.press('Control+End');
    await s.page.keyboard.type(' Thank you for considering it.');
    await s.page.keyboard.press('Control+S');
    await eventually(async () => !(await tab.getAttribute('class')).includes('dirty'), 'saved');
    await s.page.keyboard.press('Control+W');
    await tab.waitFor({ state: 'detached' });
    ui = webview(s.page);
    await eventually(async () => /Thank you for considering it\.\s*$/.test(await preview().inputValue()), 'the form shows the text saved in the editor');
    await ui.locator('.tray .msg.info', { hasText: 'This draft was saved in its editor: the text below is the one saved.' }).waitFor();
    await s.screenshot('e2e-builder-followed-editor');
    await ui.getByRole('button', { name: 'Save as draft' }).click();
    await ui.locator('.tray .msg.info', { hasText: 'Saved as a draft for Terry' }).waitFor();
  });

  it('Mark as sent: the Ask step then shows what was sent, read-only, and offers "Start a new request"', async () => {
    await ui.getByRole('button', { name: 'Mark as sent' }).click();
    await ui.locator('h2', { hasText: '3. Ask: the request you sent' }).waitFor();
    assert.match(await ui.locator('.sent-line').innerText(), /Sent to Terry on .+ · status: sent/);
    const sent = ui.getByLabel('The request as sent');
    assert.equal(await sent.getAttribute('readonly'), '');
    assert.match(await sent.inputValue(), /spend four 45-minute sessions with me before the end of March/);
    assert.match(await sent.inputValue(), /Thank you for considering it\.\s*$/, 'the text saved in the editor, not the form\'s older one');
    assert.equal(await ui.getByRole('button', { name: 'Mark as sent' }).count(), 0);
    await ui.getByRole('button', { name: 'Start a new request' }).waitFor();
    await s.screenshot('e2e-builder-sent');
    await openView(s.page, 'Mentoring');
    await groupsAre(['Awaiting reply (1)'], 'the request under Awaiting reply, no draft left');
  });

  it('after a window reload the Ask step still shows the sent request — never editable again', async () => {
    await s.reload();
    // The extension host starts again first (the Outreach tree shows the journal), then the builder is restored:
    // each in its own time, on a busy machine too.
    await waitForExtensions(s.page);
    await groupsAre(['Awaiting reply (1)'], 'the Outreach tree after the reload');
    ui = webview(s.page);
    await ui.locator('h2', { hasText: '3. Ask: the request you sent' }).waitFor({ timeout: 30_000 });
    assert.equal(await ui.getByLabel('The request as sent').getAttribute('readonly'), '');
    assert.equal(await ui.getByRole('button', { name: 'Mark as sent' }).count(), 0);
    assert.equal(await ui.getByRole('button', { name: 'Save as draft' }).count(), 0);
  });

  it('"Start a new request" begins afresh; sending a second request to Terry about the same skill is asked about', async () => {
    await ui.getByRole('button', { name: 'Start a new request' }).click();
    await ui.locator('h2', { hasText: '3. Ask: a short, specific, bounded request' }).waitFor();
    assert.equal(await ui.getByLabel('Time frame').inputValue(), '');
    assert.equal(await ui.getByLabel('Topic 1', { exact: true }).inputValue(), '');
    assert.equal(await ui.locator('.draft-line').count(), 0);
    await ui.getByLabel('Time frame').fill('this quarter');
    await ui.getByLabel('Topic 1', { exact: true }).fill('reading a balance sheet');
    await ui.getByLabel('Topic 2', { exact: true }).fill('presenting a budget');
    await eventually(async () => /presenting a budget/.test(await preview().inputValue()), 'the new preview');
    await ui.getByRole('button', { name: 'Mark as sent' }).click();
    await dialog().waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await dialog().innerText(), /You already asked Terry about Financial acumen on .+ and that request is still open/);
    await s.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    ui = webview(s.page);
    await ui.getByRole('button', { name: 'Mark as sent' }).waitFor();
    await openView(s.page, 'Mentoring');
    assert.deepEqual(await groups(), ['Awaiting reply (1)'], 'nothing saved or sent');
  });
});
