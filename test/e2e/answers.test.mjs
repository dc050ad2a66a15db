// End-to-end: a person records a "no", drafts both follow-ups of the method (a draft each, the second replacing the
// first), answers "later" with a date (seeing the date "in 3 weeks" reads as while typing), and — once the (injected) clock passes that date — finds the attempt under Due
// now and in the status bar.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerInput, dueStatus, eventually, openView, pickItem, REPO, runCommand, startSession, treeItems, waitForQuickInput } from './harness.mjs';

/** The rows of the Outreach tree as "Group > Person: description". */
async function rows(page) {
  let group = '';
  return (await treeItems(page, 'Outreach')).map((r) => {
    if (r.level === 1) group = r.label;
    return r.level === 1 ? `${r.label} (${r.description})` : `${group} > ${r.label}: ${r.description}`;
  });
}

describe('Answers and follow-ups (a person in a real VS Code)', function () {
  let s;
  let clockFile;
  before(async () => {
    clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-clock-')), 'now');
    fs.writeFileSync(clockFile, '2026-11-26T12:00:00');
    s = await startSession({ env: { MENTORING_SEED_JOURNAL: path.join(REPO, 'demo', 'journal.json'), MENTORING_TEST_CLOCK_FILE: clockFile } });
    await openView(s.page, 'Mentoring');
    await eventually(async () => (await rows(s.page)).includes('Due now > Terry Lindqvist: Financial acumen · no reply for 23 days'), 'the demo journal');
  });
  after(async () => {
    await s?.stop();
    fs.rmSync(path.dirname(clockFile), { recursive: true, force: true });
  });

  it('records a "no" from the palette', async () => {
    assert.equal(await dueStatus(s.page), '2 due');
    await runCommand(s.page, 'Mentoring: Record a Response…');
    await pickItem(s.page, 'Terry Lindqvist', { title: 'Record a Response' });
    await pickItem(s.page, 'No', { title: "Record Terry Lindqvist's answer" });
    await eventually(async () => (await rows(s.page)).includes('After a no > Terry Lindqvist: Financial acumen · ask: later? anyone else?'), 'Terry under After a no');
  });

  it('drafts both follow-ups of the method', async () => {
    for (const kind of ['Might you be willing later? If so, when?', 'Is there anyone else you would recommend I approach?']) {
      await runCommand(s.page, 'Mentoring: Draft a Follow-up…');
      await pickItem(s.page, 'Terry Lindqvist', { title: 'Draft a Follow-up' });
      await pickItem(s.page, kind, { title: 'Follow up with Terry Lindqvist' });
      await s.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }
    await eventually(
      async () => (await rows(s.page)).includes('After a no > Terry Lindqvist: Financial acumen · ask: later? anyone else? · "anyone else?" drafted'),
      'the second draft named; drafts are no contact, so Terry is still under After a no',
    );
    await s.page.locator('.monaco-list-row', { hasText: 'Terry Lindqvist' }).first().click(); // expand the history
    await eventually(async () => (await rows(s.page)).filter((r) => r.includes('follow-up drafted')).length === 1, 'one follow-up drafted in the history (drafting again replaces it)');
  });

  it('answers "later" with a date; on that date it is under Due now and in the status bar', async () => {
    await runCommand(s.page, 'Mentoring: Record a Response…');
    await pickItem(s.page, 'Terry Lindqvist', { title: 'Record a Response' });
    await pickItem(s.page, 'Later', { title: "Record Terry Lindqvist's answer" });
    await waitForQuickInput(s.page, 'When should you ask Terry Lindqvist again?');
    // While typing, the box shows the date it reads (information: Enter still works), or why it cannot read it.
    const box = s.page.locator('.quick-input-widget .quick-input-box input');
    const message = async () => (await waitForQuickInput(s.page, 'When should you ask Terry Lindqvist again?')).message;
    await box.fill('');
    await s.page.keyboard.type('in 3 weeks', { delay: 30 });
    await eventually(async () => (await message()) === '→ Thu, 17 Dec 2026', '"in 3 weeks" read as Thu, 17 Dec 2026 (today is 26 Nov)');
    const decorated = (kind) => s.page.locator(`.quick-input-widget .quick-input-box .monaco-inputbox.${kind}`).count();
    assert.deepEqual([await decorated('info'), await decorated('error')], [1, 0], 'shown as information, not as an error');
    await s.screenshot('e2e-answers-later-preview');
    await s.page.keyboard.type(' or so', { delay: 30 });
    await eventually(async () => /^Could not read "in 3 weeks or so" as a date/.test(await message()), `unreadable input says so (got "${await message()}")`);
    assert.equal(await decorated('error'), 1, 'as an error: Enter cannot accept it');
    await answerInput(s.page, '2026-12-10');
    await eventually(async () => (await rows(s.page)).includes('Later > Terry Lindqvist: Financial acumen · ask again on 10 Dec'), 'Terry under Later, ask again on 10 Dec');
    assert.equal(await dueStatus(s.page), '1 due');
    await s.screenshot('e2e-answers-deferred');

    fs.writeFileSync(clockFile, '2026-12-10T08:30:00'); // the injected clock moves on: no waiting for days
    await eventually(async () => (await rows(s.page)).includes('Due now > Terry Lindqvist: Financial acumen · ask again today'), 'Terry due today');
    await eventually(async () => (await dueStatus(s.page)) === '2 due', 'the status bar: 2 due');
    await s.screenshot('e2e-answers-due');
    await s.page.locator('.statusbar-item[id$="mentoring.due"]').click();
    await eventually(async () => (await treeItems(s.page, 'Outreach')).some((r) => r.label === 'Due now' && r.expanded === true), 'the Due now group shown');
  });
});
