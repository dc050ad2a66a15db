// End-to-end: a person opens the Mentoring view, imports a journal through the welcome button and the file
// dialog, reads the groups and counts, marks a draft as sent with the inline action, and sees the tree change.
import assert from 'node:assert/strict';
import path from 'node:path';
import { answerInput, openView, quickInput, startSession, treeItems, viewWelcome } from './harness.mjs';
import { paneBox, shoot, widenSideBar } from './support/themes.mjs';

/** Group rows (level 1) as "Label (count)" strings, read from the rendered tree. */
function groups(rows) {
  return rows.filter((r) => r.level === 1).map((r) => `${r.label}${r.description ? ` (${r.description})` : ''}`);
}

async function waitForTree(page, predicate, what) {
  const deadline = Date.now() + 20_000;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await treeItems(page, 'Outreach');
    if (predicate(rows)) return rows;
    await page.waitForTimeout(200);
  }
  throw new Error(`The Outreach tree never showed ${what}; it shows ${JSON.stringify(rows.map((r) => [r.level, r.label, r.description]))}`);
}

describe('Outreach view (a person in a real VS Code)', function () {
  let s;
  before(async () => {
    s = await startSession();
  });
  after(async () => {
    await s?.stop();
  });

  it('shows the welcome with buttons to start and to import when the journal is empty', async () => {
    await openView(s.page, 'Mentoring');
    const deadline = Date.now() + 20_000;
    let welcome = null;
    while (!welcome && Date.now() < deadline) {
      welcome = await viewWelcome(s.page, 'Outreach');
      if (!welcome) await s.page.waitForTimeout(200);
    }
    assert.ok(welcome, 'the welcome content is shown');
    assert.match(welcome.text.join(' '), /Ask for a few specific sessions, not for a mentor/);
    assert.deepEqual(welcome.buttons, ['Open Assessment & Request Builder', 'Draft a Specific Request', 'Import Journal']);
    await s.screenshot('e2e-outreach-welcome');
  });

  it('imports a journal through the welcome button and the file dialog, then shows groups with counts', async () => {
    const pane = s.page.locator('.pane').filter({ has: s.page.locator('.pane-header h3.title', { hasText: /^Outreach$/i }) });
    await pane.locator('.welcome-view-content .monaco-button', { hasText: 'Import Journal' }).click();
    // code-server's own (simple) file dialog: a quick input holding a path. It fills in the folder once it has
    // read it; typing before that would be overwritten, so wait for the folder first.
    const file = path.join(s.workspace, 'demo-journal.json');
    const deadline = Date.now() + 20_000;
    while (!(await quickInput(s.page))?.value.startsWith(s.workspace)) {
      if (Date.now() > deadline) throw new Error(`The file dialog never showed the workspace folder: ${JSON.stringify(await quickInput(s.page))}`);
      await s.page.waitForTimeout(100);
    }
    await answerInput(s.page, file);
    // The journal is empty, so one modal asks to confirm what will be added.
    const dialog = s.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await dialog.innerText(), /Merge adds 4 attempts, 4 people, 3 skills/);
    await dialog.locator('.monaco-button', { hasText: /^Import$/ }).click();

    const rows = await waitForTree(s.page, (r) => r.some((x) => x.level === 1), 'any group');
    // Drafts and In progress are collapsed, Due now and Awaiting reply expanded (empty groups hidden).
    assert.deepEqual(groups(rows), ['Due now (2)', 'Drafts (1)', 'In progress (1)']);
    const due = rows.filter((r) => r.level === 2).map((r) => r.label);
    assert.deepEqual(due.sort(), ['Sofia Marquez', 'Terry Lindqvist']);
    const terry = rows.find((r) => r.label === 'Terry Lindqvist');
    assert.match(terry.description, /Financial acumen · no reply for \d+ days/);
    assert.equal(rows.find((r) => r.label === 'Drafts')?.expanded, false);
    await s.screenshot('e2e-outreach-imported');
  });

  it('marks a draft as sent with its inline action; it moves to Awaiting reply', async () => {
    const tree = s.page.locator('[role="tree"][aria-label="Outreach"]');
    await tree.locator('.monaco-list-row', { hasText: 'Drafts' }).click(); // expand
    const amara = tree.locator('.monaco-list-row', { hasText: 'Amara Okafor' });
    await amara.waitFor({ state: 'visible' });
    await amara.hover();
    await amara.locator('.actions .action-label[aria-label="Mark Request as Sent"]').click();

    const rows = await waitForTree(s.page, (r) => groups(r).some((g) => g.startsWith('Awaiting reply')), 'Awaiting reply');
    assert.deepEqual(groups(rows), ['Due now (2)', 'Awaiting reply (1)', 'In progress (1)']);
    const row = rows.find((r) => r.label === 'Amara Okafor');
    assert.ok(row, 'Amara is listed under Awaiting reply');
    assert.match(row.description, /Financial acumen · sent today/);
    await s.screenshot('e2e-outreach-sent');
    // The README's pictures of the tree, in a dark and a light theme, every group open and rows read whole.
    await tree.locator('.monaco-list-row', { hasText: 'In progress' }).click();
    await tree.locator('.monaco-list-row', { hasText: 'Jun Park' }).waitFor({ state: 'visible' });
    await widenSideBar(s.page, 560);
    await shoot(s, 'outreach', async () => {
      assert.deepEqual(groups(await treeItems(s.page, 'Outreach')), groups(rows));
    }, { clip: await paneBox(s.page, 'Outreach') });
  });

  it('shows the portfolio: coverage per skill area, with a warning for the focus area', async () => {
    const rows = await treeItems(s.page, 'Portfolio');
    const labels = rows.map((r) => `${r.label}${r.description ? ` — ${r.description}` : ''}`);
    assert.equal(labels[0], 'Financial acumen — focus · 1 inside · 1 outside');
    assert.ok(labels.some((l) => /2 identified · 2 asked · 0 said yes/.test(l)), JSON.stringify(labels));
    assert.ok(labels.some((l) => l.startsWith('Terry Lindqvist — inside · senior · asked')), JSON.stringify(labels));
    await shoot(s, 'portfolio', async () => {
      assert.equal((await treeItems(s.page, 'Portfolio')).length, rows.length);
    }, { clip: await paneBox(s.page, 'Portfolio') });
  });
});
