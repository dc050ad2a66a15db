// End-to-end: a person uses the Outreach view's "…" (view/title) menu while a row of the view is focused — VS Code
// then hands the command the focused row — and Export Journal… / Import Journal… open their file dialogs (they used
// to fail at once with "format must be …" / "uri must be …"); and a reminder's "Draft a Nudge" drafts the nudge for
// its attempt (no fake tree node on the way).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, notificationItems, openView, quickInput, REPO, startSession, treeItems, waitForNotification, waitForQuickInput } from './harness.mjs';

const REMINDER = /No reply from Terry for \d+ days — a gentle nudge\?/;

function outreachPane(page) {
  return page.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: /^Outreach$/i }) });
}

/** Focuses the row labelled `label` in the Outreach tree (a click: selected and focused, as a person does). */
async function focusRow(page, label) {
  const row = outreachPane(page).locator('[role="tree"] .monaco-list-row', { hasText: label }).first();
  await row.click();
  await eventually(async () => (await row.getAttribute('class'))?.split(/\s+/).includes('focused') === true, `the row "${label}" focused`);
}

/** With the row `row` focused, opens the Outreach view's "…" (More Actions) menu and clicks the item `label`. */
async function viewTitleMenu(page, row, label) {
  const header = outreachPane(page).locator('.pane-header');
  for (let attempt = 1; ; attempt++) {
    await focusRow(page, row);
    await header.hover();
    await header.locator('.actions .action-label[aria-label^="More Actions"]').click();
    try {
      await page.getByRole('menuitem', { name: label }).click({ timeout: 5000 });
      return;
    } catch (e) {
      // A context menu closes when something else takes the focus meanwhile (a notification arriving, say): again.
      if (attempt >= 3) throw e;
      if (await page.locator('.monaco-menu').first().isVisible().catch(() => false)) await page.keyboard.press('Escape');
    }
  }
}

/** Error notifications (newest first), as their texts. */
async function errors(page) {
  return (await notificationItems(page)).filter((n) => n.severity === 'error').map((n) => n.message);
}

describe("The Outreach view's … menu and reminders (a person in a real VS Code)", function () {
  let s;
  let clockFile;
  before(async () => {
    clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-clock-')), 'now');
    fs.writeFileSync(clockFile, '2026-11-26T12:00:00');
    s = await startSession({ env: { MENTORING_SEED_JOURNAL: path.join(REPO, 'demo', 'journal.json'), MENTORING_TEST_CLOCK_FILE: clockFile } });
    await openView(s.page, 'Mentoring');
    await eventually(async () => (await treeItems(s.page, 'Outreach')).some((r) => r.label === 'Terry Lindqvist'), 'the demo journal in the Outreach view');
    // The day's reminders arrive once, soon after activation: let them come before menus are opened.
    await waitForNotification(s.page, REMINDER);
  });
  after(async () => {
    await s?.stop();
    fs.rmSync(path.dirname(clockFile), { recursive: true, force: true });
  });

  it('Export Journal… from the … menu, with a row focused, opens the save dialog; Esc cancels it', async () => {
    await viewTitleMenu(s.page, 'Terry Lindqvist', 'Export Journal…');
    await waitForQuickInput(s.page, 'Export the Mentoring Outreach journal');
    // code-server's (simple) save dialog fills in the suggested path once it has read the folder.
    await eventually(async () => /mentoring-journal\.json$/.test((await quickInput(s.page))?.value ?? ''), 'the save dialog suggesting mentoring-journal.json');
    await s.page.keyboard.press('Escape');
    await eventually(async () => (await quickInput(s.page)) === null, 'the save dialog closed');
    assert.deepEqual(await errors(s.page), []);
    assert.equal(fs.existsSync(path.join(s.workspace, 'mentoring-journal.json')), false, 'nothing was written');
  });

  it('Import Journal… from the … menu, with a row focused, opens the open dialog; Esc cancels it', async () => {
    await viewTitleMenu(s.page, 'Due now', 'Import Journal…');
    await waitForQuickInput(s.page, 'Import a Mentoring Outreach journal');
    await s.page.keyboard.press('Escape');
    await eventually(async () => (await quickInput(s.page)) === null, 'the open dialog closed');
    assert.deepEqual(await errors(s.page), []);
    assert.equal((await treeItems(s.page, 'Outreach')).filter((r) => r.level === 1).length, 3, 'the journal is as it was');
  });

  it('"Draft a Nudge" on a reminder drafts the nudge for that attempt', async () => {
    const reminder = REMINDER;
    const center = s.page.locator('.notifications-center');
    await s.page.locator('[id="status.notifications"]').click();
    await center.waitFor({ state: 'visible', timeout: 5000 });
    const row = center.locator('.monaco-list-row').filter({ hasText: reminder });
    await row.locator('.monaco-button', { hasText: 'Draft a Nudge' }).click();
    await waitForNotification(s.page, /^Nudge to Terry Lindqvist drafted\. Copy it and send it — then mark it as sent\./);
    assert.deepEqual(await errors(s.page), []);
  });
});
