// Issue 11.2: Mark as Sent keeps the method's central rule. From the palette, a draft that asks "would you be my
// mentor?" is not marked as sent without a question: a modal names the problems (Send Anyway / Fix It First);
// a second open request to the same person for the same skill is named too. Nothing is recorded unless the
// person chooses to send.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, openView, pickItem, REPO, runCommand, startSession, treeItems } from './harness.mjs';

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
    demo.attempts.push(
      { ...terrySent, id: 'g1', personId: 'p5', text: 'Hi Dana, would you be my mentor?', status: 'draft', askAgainOn: null, sessionsDone: 0, events: created },
      { ...terrySent, id: 'g2', status: 'draft', askAgainOn: null, sessionsDone: 0, events: created },
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-gate-'));
    fs.writeFileSync(path.join(dir, 'journal.json'), JSON.stringify(demo));
    s = await startSession({ env: { MENTORING_SEED_JOURNAL: path.join(dir, 'journal.json') } });
    await openView(s.page, 'Mentoring');
    await eventually(async () => (await rows(s.page)).some((r) => r.startsWith('Drafts (3)')), 'three drafts');
  });
  after(async () => {
    await s?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('"would you be my mentor?": the modal names the problems; Fix It First changes nothing; Send Anyway sends', async () => {
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
    assert.ok((await rows(page)).includes('Drafts (3)'), 'still three drafts: nothing was recorded');

    await runCommand(page, 'Mentoring: Mark Request as Sent');
    await pickItem(page, 'Dana Gate', { title: 'Mark Request as Sent' });
    await (await dialog(page)).click('Send Anyway');
    await eventually(async () => (await rows(page)).includes('Drafts (2)'), 'Dana sent: two drafts left');
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
    assert.ok((await rows(page)).includes('Drafts (2)'), 'still two drafts: nothing was recorded');
  });
});
