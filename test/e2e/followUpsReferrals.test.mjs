// End-to-end (issue 11, items 6, 7 and 12): a person records a "no" from the row — nothing preselected — and finds the
// two questions as the attempt's next step under "After a no"; drafts "might you be willing later?" from the row (a
// draft: still under After a no), marks it as sent from the message, and sees the attempt move to Awaiting reply with
// the reply clock started again; marks a draft as sent with the row's inline action and finds the same action (dimmed)
// under the pointer, not "Record a Response"; and records a referral, answering inside/outside and seniority, whose
// new draft says "Terry Lindqvist suggested I talk to you." — as does a request to Marcus drafted from the keyboard flow.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  answerInput,
  dueStatus,
  eventually,
  notificationItems,
  openView,
  pickItem,
  quickInput,
  REPO,
  runCommand,
  startSession,
  treeItems,
  waitForExtensions,
  waitForNotification,
  waitForQuickInput,
} from './harness.mjs';

const THEMES = { dark: 'Dark Modern', light: 'Light Modern' };

/** The rows of the Outreach tree as "Group > Label: description" (groups as "Group (count)"). */
async function rows(page) {
  let group = '';
  return (await treeItems(page, 'Outreach')).map((r) => {
    if (r.level === 1) group = r.label;
    return r.level === 1 ? `${r.label} (${r.description})` : `${group} > ${r.label}: ${r.description}`;
  });
}

function outreachTree(page) {
  return page.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: /^Outreach$/i }) }).locator('[role="tree"]');
}

/** The row of the Outreach tree whose label is `label` (a person's name), hovered so that its inline actions show. */
async function hoverRow(page, label) {
  const row = outreachTree(page).locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await row.hover();
  await row.locator('.actions .action-label').first().waitFor({ state: 'visible', timeout: 10_000 });
  return row;
}

/** A row's inline actions, left to right, as "Title" or "Title (disabled)". */
async function inlineActions(row) {
  return row.locator('.actions .action-label').evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('aria-label')}${e.classList.contains('disabled') || e.getAttribute('aria-disabled') === 'true' ? ' (disabled)' : ''}`),
  );
}

/** Clicks the button `button` of the notification whose text matches `match`, in the notifications centre. */
async function clickNotificationButton(page, match, button) {
  const center = page.locator('.notifications-center');
  if (!(await center.isVisible().catch(() => false))) {
    await page.locator('[id="status.notifications"]').click();
    await center.waitFor({ state: 'visible', timeout: 5000 });
  }
  await center.locator('.monaco-list-row').filter({ hasText: match }).first().locator('.monaco-button', { hasText: button }).click();
  if (await center.isVisible().catch(() => false)) await page.keyboard.press('Escape');
}

async function setTheme(s, theme) {
  const light = theme.includes('Light');
  const isLight = () => s.page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs'));
  if ((await isLight()) === light) return;
  await waitForExtensions(s.page);
  await runCommand(s.page, 'Preferences: Color Theme');
  await pickItem(s.page, theme, { title: 'Color Theme' });
  await s.page.waitForFunction((l) => document.querySelector('.monaco-workbench')?.classList.contains(l ? 'vs' : 'vs-dark'), light, { timeout: 20_000 });
  await s.page.waitForTimeout(500);
}

/** Screenshots in both themes (test-results/NAME-dark.png, NAME-light.png), ending in the dark one. */
async function shoot(s, name, before = async () => {}) {
  for (const [key, theme] of Object.entries(THEMES)) {
    await setTheme(s, theme);
    await before();
    await s.screenshot(`${name}-${key}`);
  }
  await setTheme(s, THEMES.dark);
}

describe('Follow-ups, after a no, and referrals (a person in a real VS Code)', function () {
  let s;
  let clockFile;
  const setClock = (iso) => fs.writeFileSync(clockFile, iso);

  before(async () => {
    clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-clock-')), 'now');
    setClock('2026-11-26T12:00:00');
    s = await startSession({
      viewport: { width: 1280, height: 860 },
      env: { MENTORING_SEED_JOURNAL: path.join(REPO, 'demo', 'journal.json'), MENTORING_TEST_CLOCK_FILE: clockFile },
      settings: { 'mentoring.reminders.enabled': false },
    });
    await openView(s.page, 'Mentoring');
    await setTheme(s, THEMES.dark);
    // Room for a row's name, next step and inline actions: the side bar a little wider, as a person would drag it.
    const side = await s.page.locator('.part.sidebar').boundingBox();
    if (side) {
      const edge = { x: side.x + side.width + 1, y: side.y + side.height / 3 };
      await s.page.mouse.move(edge.x, edge.y);
      await s.page.mouse.down();
      await s.page.mouse.move(edge.x + 240, edge.y, { steps: 8 });
      await s.page.mouse.up();
    }
    await eventually(async () => (await rows(s.page)).includes('Due now > Terry Lindqvist: Financial acumen · no reply for 23 days'), 'the demo journal');
  });
  after(async () => {
    await s?.stop();
    if (clockFile) fs.rmSync(path.dirname(clockFile), { recursive: true, force: true });
  });

  it('records a "no" from the row — nothing preselected — and the two questions become its next step under After a no', async () => {
    assert.equal(await dueStatus(s.page), '2 due');
    const terry = await hoverRow(s.page, 'Terry Lindqvist');
    assert.deepEqual(await inlineActions(terry), ['Draft a Follow-up…', 'Mark Request as Sent (disabled)', 'Record a Response…', 'Log a Session (disabled)']);
    await terry.locator('.actions .action-label[aria-label="Record a Response…"]').click();
    const pick = await waitForQuickInput(s.page, "Record Terry Lindqvist's answer");
    assert.deepEqual(pick.items.map((i) => i.label.replace(/^\s+/, '')), ['Yes', 'No', 'Later', 'Someone else']);
    assert.deepEqual(pick.items.filter((i) => i.focused), [], 'no answer preselected');
    // Enter without a choice records nothing; the question stays.
    await s.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    await s.page.waitForTimeout(500);
    assert.equal((await quickInput(s.page))?.title, "Record Terry Lindqvist's answer");
    assert.ok((await rows(s.page)).includes('Due now > Terry Lindqvist: Financial acumen · no reply for 23 days'), 'nothing recorded');

    await pickItem(s.page, 'No', { title: "Record Terry Lindqvist's answer" });
    await eventually(async () => (await rows(s.page)).includes('After a no > Terry Lindqvist: Financial acumen · ask: later? anyone else?'), 'Terry under After a no');
    const all = await rows(s.page);
    assert.ok(all.includes('After a no (1)'), JSON.stringify(all));
    assert.ok(!all.some((r) => r.startsWith('Closed')), 'not closed');
    await eventually(async () => (await dueStatus(s.page)) === '1 due', 'the status bar: 1 due (Sofia)');
    const said = await waitForNotification(s.page, /^Terry said no — that is normal/);
    assert.match(said, /They wait under "After a no" until you ask them \(or dismiss them\)\./);
    assert.doesNotMatch(said, /🎉|💬/u);
    await shoot(s, 'e2e-followups-after-no', async () => {
      await hoverRow(s.page, 'Terry Lindqvist');
    });
  });

  it('drafts "might you be willing later?" from the row: a draft, still under After a no; Mark as Sent moves it and restarts the clock', async () => {
    const terry = await hoverRow(s.page, 'Terry Lindqvist');
    const reply = terry.locator('.actions .action-label[aria-label="Draft a Follow-up…"]');
    const before = await reply.boundingBox();
    await reply.click();
    await pickItem(s.page, 'Might you be willing later? If so, when?', { title: 'Follow up with Terry Lindqvist' });
    await eventually(
      async () => (await rows(s.page)).includes('After a no > Terry Lindqvist: Financial acumen · ask: later? anyone else? · "later?" drafted'),
      'the draft named, Terry still under After a no',
    );
    // On the row, "Mark Follow-up as Sent" appears to the left: the action just clicked stays where it was.
    const drafted1 = await hoverRow(s.page, 'Terry Lindqvist');
    assert.deepEqual(await inlineActions(drafted1), ['Mark Follow-up as Sent', 'Draft a Follow-up…', 'Mark Request as Sent (disabled)', 'Record a Response…', 'Log a Session (disabled)']);
    const after = await drafted1.locator('.actions .action-label[aria-label="Draft a Follow-up…"]').boundingBox();
    assert.equal(Math.round(after?.x ?? -1), Math.round(before?.x ?? -2), 'the reply action did not move');
    const drafted = /Question to Terry Lindqvist drafted: "might you be willing later\?"\. Copy it and send it — then mark it as sent\./;
    await waitForNotification(s.page, drafted);
    const note = (await notificationItems(s.page)).find((n) => drafted.test(n.message));
    assert.deepEqual(note?.buttons, ['Copy', 'Open as Markdown', 'Mark as Sent']);
    await hoverRow(s.page, 'Terry Lindqvist');
    await s.screenshot('e2e-followups-drafted');

    await clickNotificationButton(s.page, drafted, 'Mark as Sent');
    await eventually(async () => (await rows(s.page)).includes('Awaiting reply > Terry Lindqvist: Financial acumen · followed up today'), 'Terry awaiting the answer');
    assert.ok(!(await rows(s.page)).some((r) => r.startsWith('After a no')), 'After a no is empty');
    await waitForNotification(s.page, 'Follow-up to Terry Lindqvist marked as sent: the reply clock starts again today.');

    // The history says drafted, then sent.
    await outreachTree(s.page).locator('.monaco-list-row', { hasText: 'Terry Lindqvist' }).first().click();
    await eventually(async () => {
      const r = await rows(s.page);
      return r.includes('Awaiting reply > 26 Nov · follow-up drafted: later') && r.includes('Awaiting reply > 26 Nov · follow-up sent: later');
    }, 'follow-up drafted, then sent, in the history');

    // The reply clock counts from the follow-up: six days on it still waits; after seven (mentoring.nudgeAfterDays) it is closed — never nagged.
    setClock('2026-12-02T09:00:00');
    await eventually(async () => (await rows(s.page)).includes('Awaiting reply > Terry Lindqvist: Financial acumen · followed up 6 days ago'), 'followed up 6 days ago');
    setClock('2026-12-03T09:00:00');
    await eventually(async () => (await rows(s.page)).includes('Closed (1)'), 'closed after a week without an answer');
    await outreachTree(s.page).locator('.monaco-list-row', { hasText: /^Closed/ }).first().click(); // expand Closed
    await eventually(async () => (await rows(s.page)).includes('Closed > Terry Lindqvist: Financial acumen · no answer to the follow-up'), 'Terry: no answer to the follow-up');
    setClock('2026-11-26T12:00:00');
    await eventually(async () => (await rows(s.page)).includes('Awaiting reply > Terry Lindqvist: Financial acumen · followed up today'), 'back to the demo date');
  });

  it('marks a draft as sent with its inline action: the slot under the pointer keeps its action (dimmed), never Record a Response', async () => {
    await outreachTree(s.page).locator('.monaco-list-row', { hasText: /^Drafts/ }).first().click(); // expand Drafts
    const amara = await hoverRow(s.page, 'Amara Okafor');
    // The three of every open row, always together, right-aligned; a draft's own actions (Edit Draft) come before them.
    assert.deepEqual((await inlineActions(amara)).slice(-3), ['Mark Request as Sent', 'Record a Response… (disabled)', 'Log a Session (disabled)']);
    const send = amara.locator('.actions .action-label[aria-label="Mark Request as Sent"]');
    const box = await send.boundingBox();
    assert.ok(box);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await s.page.mouse.click(x, y);
    await eventually(async () => (await rows(s.page)).includes('Awaiting reply > Amara Okafor: Financial acumen · sent today'), 'Amara sent today');
    // The pointer has not moved: whatever row is under it now, the action there is not another one.
    await s.page.mouse.move(x, y + 2);
    await s.page.mouse.move(x, y);
    const under = await s.page.evaluate(([px, py]) => {
      const el = document.elementFromPoint(px, py)?.closest('.action-label');
      return el ? `${el.getAttribute('aria-label')}${el.classList.contains('disabled') ? ' (disabled)' : ''}` : null;
    }, [x, y]);
    assert.ok(under === null || under.startsWith('Mark Request as Sent'), `under the pointer: ${under}`);
    // Amara's own row: each action in its own place, the send dimmed now.
    const sent = await hoverRow(s.page, 'Amara Okafor');
    assert.deepEqual(await inlineActions(sent), ['Mark Request as Sent (disabled)', 'Record a Response…', 'Log a Session (disabled)'], 'no draft actions left, the three in place');
    // A second click where the first one was records nothing and asks nothing.
    await s.page.mouse.click(x, y);
    await s.page.waitForTimeout(500);
    assert.equal(await quickInput(s.page), null, 'no question opened');
    assert.ok((await rows(s.page)).includes('Awaiting reply > Amara Okafor: Financial acumen · sent today'));
    await s.screenshot('e2e-followups-stable-inline');
  });

  it('a referral asks inside or outside and how senior, and the new draft says "Terry Lindqvist suggested I talk to you."', async () => {
    await runCommand(s.page, 'Mentoring: Record a Response…');
    await pickItem(s.page, 'Terry Lindqvist', { title: 'Record a Response' });
    await pickItem(s.page, 'Someone else', { title: "Record Terry Lindqvist's answer" });
    await waitForQuickInput(s.page, 'Who did Terry Lindqvist suggest?');
    await answerInput(s.page, 'Marcus Chen');

    const org = await waitForQuickInput(s.page, 'Is Marcus Chen inside or outside your organisation?');
    assert.deepEqual(org.items.map((i) => i.label.replace(/^\s+/, '')), ['Inside my organisation', 'Outside my organisation']);
    assert.deepEqual(org.items.filter((i) => i.focused), [], 'nothing assumed');
    await pickItem(s.page, 'Outside my organisation', { title: 'Is Marcus Chen inside or outside your organisation?' });

    const level = await waitForQuickInput(s.page, 'Marcus Chen is…');
    assert.deepEqual(level.items.map((i) => i.label), ['Senior', 'Peer', 'Junior', 'Manager']);
    assert.deepEqual(level.items.filter((i) => i.focused), [], 'nothing assumed');
    await pickItem(s.page, 'Peer', { title: 'Marcus Chen is…' });

    const why = await waitForQuickInput(s.page, "What has Terry told you about Marcus's work? Write it to Marcus");
    assert.equal(why.title, 'Why Marcus? (optional)');
    assert.match(why.message, /"Terry tells me you…" — it goes into your request, after "Terry Lindqvist suggested I talk to you\."/);
    assert.equal(why.value, '', 'no sentence prefilled');
    await answerInput(s.page, 'Terry tells me you rebuilt the month-end close in one quarter.');

    await eventually(async () => (await rows(s.page)).some((r) => r.startsWith('Drafts > Marcus Chen: Financial acumen')), 'the draft to Marcus under Drafts');
    const created = 'A draft request to Marcus Chen is under Drafts, ready to edit.';
    await waitForNotification(s.page, created);
    await clickNotificationButton(s.page, created, 'Open Draft');
    const editor = s.page.locator('.part.editor .monaco-editor .view-lines').first();
    // The editor renders spaces as no-break spaces, and wraps long lines: read it as one line of words.
    const editorText = async () => (await editor.innerText()).replace(/\s+/g, ' ');
    await eventually(async () => /Hi Marcus,/.test(await editorText()), 'the draft open in an editor');
    const text = await editorText();
    assert.match(text, /Terry Lindqvist suggested I talk to you\. I am working on/);
    assert.match(text, /Terry tells me you rebuilt the month-end close in one quarter\./);

    const portfolio = (await treeItems(s.page, 'Portfolio')).map((r) => `${r.label}${r.description ? ` — ${r.description}` : ''}`);
    assert.ok(portfolio.some((l) => /^Marcus Chen — outside · peer/.test(l)), JSON.stringify(portfolio));
    await s.screenshot('e2e-followups-referral');
  });

  it('the keyboard flow drafting to Marcus says "Terry Lindqvist suggested I talk to you." too (issue 11, item 7)', async () => {
    await runCommand(s.page, 'View: Close All Editors');
    await runCommand(s.page, 'Mentoring: Draft a Specific Request…');
    await pickItem(s.page, 'Financial acumen', { title: 'Which ONE skill area' });
    await pickItem(s.page, 'Marcus Chen', { title: 'Who is great at Financial acumen?' });
    await pickItem(s.page, 'three sessions', { title: 'How many sessions' });
    await pickItem(s.page, '45 minutes', { title: 'How long is each session?' });
    await waitForQuickInput(s.page, 'Over what time frame?');
    await answerInput(s.page, 'over the next six weeks');
    await waitForQuickInput(s.page, 'Two to five concrete topics');
    await answerInput(s.page, 'closing the books faster; explaining the numbers to the team');
    await waitForQuickInput(s.page, 'Score ');
    const preview = s.page.locator('.tabs-container .tab', { hasText: 'Request to Marcus Chen (preview)' });
    await eventually(async () => (await preview.count()) === 1, 'the request text beside the review');
    const lines = s.page.locator('.part.editor .monaco-editor .view-lines').last();
    await eventually(async () => /Hi Marcus,/.test((await lines.innerText()).replace(/\s+/g, ' ')), 'the preview shows the text');
    const text = (await lines.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Hi Marcus, Terry Lindqvist suggested I talk to you\. I am working on/);
    await s.page.keyboard.press('Escape'); // nothing saved: this was only to read it
    await s.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  });
});
